package dev.cuepoint.captions;

/**
 * Turns the text of a cue as written in a caption file into the plain text Cuepoint indexes: markup
 * tags removed, character references decoded, every run of whitespace (line breaks included) one
 * space, no leading or trailing space.
 */
public final class CueText {
  private CueText() {}

  /** Removes {@code <…>} tags, decodes references, collapses whitespace. */
  public static String clean(String raw) {
    return collapse(decode(stripTags(raw)));
  }

  /**
   * Removes markup tags: any {@code <} followed by a letter, {@code /}, a digit (VTT timestamps
   * {@code <00:00:01.000>}) or {@code !} up to the next {@code >}. A lone {@code <} as in "a < b" stays.
   */
  public static String stripTags(String s) {
    if (s.indexOf('<') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '<' && i + 1 < s.length() && startsTag(s.charAt(i + 1))) {
        int close = s.indexOf('>', i + 1);
        if (close > 0) {
          i = close + 1;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean startsTag(char c) {
    return Character.isLetterOrDigit(c) || c == '/' || c == '!' || c == '?';
  }

  /** Decodes HTML/XML character references: named ones in common use, decimal and hex. */
  public static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, amp);
    int i = amp;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '&') {
        int semi = s.indexOf(';', i + 1);
        if (semi > i + 1 && semi - i <= 12) {
          String decoded = reference(s.substring(i + 1, semi));
          if (decoded != null) {
            out.append(decoded);
            i = semi + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String reference(String name) {
    if (name.startsWith("#")) {
      try {
        int cp =
            name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                ? Integer.parseInt(name.substring(2), 16)
                : Integer.parseInt(name.substring(1));
        return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : null;
      } catch (NumberFormatException e) {
        return null; // not a reference after all ("&#zz;"): keep the text as written
      }
    }
    return CharacterReferences.named(name);
  }

  /**
   * Collapses every run of whitespace (including no-break spaces, line and paragraph separators) to
   * one space and trims. Invisible direction marks and soft hyphens are dropped.
   */
  public static String collapse(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\u200e' || c == '\u200f' || c == '\u00ad' || c == '\ufeff' || c == '\u200b') {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }
}
