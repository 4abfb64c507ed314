package dev.cuepoint.captions;

import java.util.Map;
import java.util.Set;

/**
 * Decodes character references in WebVTT cue text the way HTML's "consume a character reference"
 * does (the WebVTT spec defers to it), and holds the named references that {@link CueText} decodes
 * in the other formats: decimal and hex references with or without the final
 * semicolon, named references, and the legacy names that HTML accepts without a semicolon: {@code
 * &amp} is "&" and {@code &notit;} is "¬it;". Anything else stays as written.
 *
 * <p>Only the named references that occur in captions are known, not HTML's full table of 2,231: an
 * unknown name, such as {@code &ClockwiseContourIntegral;}, is kept as text, and numbers in the C1
 * range keep their code point instead of HTML's windows-1252 reinterpretation.
 */
final class CharacterReferences {
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("AMP", "&"),
          Map.entry("LT", "<"),
          Map.entry("GT", ">"),
          Map.entry("QUOT", "\""),
          Map.entry("COPY", "\u00a9"),
          Map.entry("REG", "\u00ae"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00a0"),
          Map.entry("lrm", "\u200e"),
          Map.entry("rlm", "\u200f"),
          Map.entry("shy", "\u00ad"),
          Map.entry("copy", "\u00a9"),
          Map.entry("reg", "\u00ae"),
          Map.entry("not", "\u00ac"),
          Map.entry("deg", "\u00b0"),
          Map.entry("times", "\u00d7"),
          Map.entry("eacute", "\u00e9"),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("hellip", "\u2026"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201c"),
          Map.entry("rdquo", "\u201d"),
          Map.entry("trade", "\u2122"),
          Map.entry("euro", "\u20ac"),
          Map.entry("bull", "\u2022"),
          Map.entry("iexcl", "\u00a1"),
          Map.entry("iquest", "\u00bf"));

  /** Names HTML decodes even without the semicolon (a subset of its Latin-1 legacy names). */
  private static final Set<String> LEGACY =
      Set.of(
          "amp", "lt", "gt", "quot", "nbsp", "shy", "copy", "reg", "not", "deg", "times", "eacute",
          "iexcl", "iquest", "AMP", "LT", "GT", "QUOT", "COPY", "REG");

  private static final int LONGEST_NAME = 32;

  /** The character a named reference stands for ({@code amp} → "&"), or null for a name not known. */
  static String named(String name) {
    return NAMED.get(name);
  }

  private CharacterReferences() {}

  static String decode(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, amp);
    int i = amp;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int next =
          i + 1 < s.length() && s.charAt(i + 1) == '#' ? numeric(s, i, out) : named(s, i, out);
      if (next < 0) {
        out.append('&'); // not a reference: the ampersand is text
        i++;
      } else {
        i = next;
      }
    }
    return out.toString();
  }

  /** Decodes {@code &#…} at {@code amp} into {@code out}; the index after it, or -1. */
  private static int numeric(String s, int amp, StringBuilder out) {
    int i = amp + 2;
    boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
    if (hex) {
      i++;
    }
    int digitsStart = i;
    long value = 0;
    int digit;
    while (i < s.length() && (digit = asciiDigit(s.charAt(i), hex)) >= 0) {
      // Capped just past Unicode: the value only needs to be known as "too large".
      value = Math.min(value * (hex ? 16 : 10) + digit, 0x110000);
      i++;
    }
    if (i == digitsStart) {
      return -1;
    }
    if (i < s.length() && s.charAt(i) == ';') {
      i++;
    }
    // HTML turns NUL, surrogates and numbers past Unicode into the replacement character.
    boolean valid = value != 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
    out.appendCodePoint(valid ? (int) value : 0xfffd);
    return i;
  }

  /** Decodes {@code &name;} at {@code amp} into {@code out}; the index after it, or -1. */
  private static int named(String s, int amp, StringBuilder out) {
    int start = amp + 1;
    int end = start;
    while (end < s.length() && end - start < LONGEST_NAME && isAsciiAlphanumeric(s.charAt(end))) {
      end++;
    }
    String name = s.substring(start, end);
    if (end < s.length() && s.charAt(end) == ';' && NAMED.containsKey(name)) {
      out.append(NAMED.get(name));
      return end + 1;
    }
    // Without a semicolon HTML takes the longest legacy name the text starts with.
    for (int len = name.length(); len > 0; len--) {
      String prefix = name.substring(0, len);
      if (LEGACY.contains(prefix)) {
        out.append(NAMED.get(prefix));
        return start + len;
      }
    }
    return -1;
  }

  /** The value of an ASCII (hex) digit, or -1; HTML does not accept other scripts' digits here. */
  private static int asciiDigit(char c, boolean hex) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (hex && c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (hex && c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
