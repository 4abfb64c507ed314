package dev.cuepoint.captions;

/**
 * A position in a string, with the two scanning steps the WebVTT spec builds its timing rules from:
 * "skip whitespace" and "collect a WebVTT timestamp".
 */
final class VttScanner {
  /** Returned by {@link #timestamp()} when the text at the position is not a valid timestamp. */
  static final long INVALID = -1;

  private final String input;
  private int pos;

  VttScanner(String input) {
    this.input = input;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos >= input.length();
  }

  /** Moves past {@code c} if it is next; false (and no move) otherwise. */
  boolean consume(char c) {
    if (pos < input.length() && input.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  /** Skips ASCII whitespace: tab, LF, FF, CR and space (a vertical tab is not whitespace here). */
  void skipWhitespace() {
    while (pos < input.length() && isAsciiWhitespace(input.charAt(pos))) {
      pos++;
    }
  }

  String rest() {
    return input.substring(Math.min(pos, input.length()));
  }

  /**
   * Collects a WebVTT timestamp, {@code [h…h:]mm:ss.ttt}, and returns it in milliseconds, or {@link
   * #INVALID}. As the spec says, the hours may have any number of digits and are required when the
   * first field has other than two digits or exceeds 59 ({@code 60:00.000} is an error, but {@code
   * 60:00:00.000} is sixty hours); minutes and seconds have exactly two digits up to 59, and the
   * fraction exactly three.
   */
  long timestamp() {
    String first = digits();
    if (first.isEmpty()) {
      return INVALID;
    }
    boolean hours = first.length() != 2 || first.compareTo("59") > 0;
    if (!consume(':')) {
      return INVALID;
    }
    String second = digits();
    if (second.length() != 2) {
      return INVALID;
    }
    String h;
    String m;
    String s;
    if (hours || (pos < input.length() && input.charAt(pos) == ':')) {
      if (!consume(':')) {
        return INVALID;
      }
      String third = digits();
      if (third.length() != 2) {
        return INVALID;
      }
      h = first;
      m = second;
      s = third;
    } else {
      h = "0";
      m = first;
      s = second;
    }
    if (!consume('.')) {
      return INVALID;
    }
    String fraction = digits();
    if (fraction.length() != 3) {
      return INVALID;
    }
    int minutes = Integer.parseInt(m);
    int seconds = Integer.parseInt(s);
    if (minutes > 59 || seconds > 59) {
      return INVALID;
    }
    // Hours have no upper bound in the spec; beyond what fits in a long the timestamp is invalid.
    String significantHours = h.replaceFirst("^0+(?=.)", "");
    if (significantHours.length() > 12) {
      return INVALID;
    }
    return ((Long.parseLong(significantHours) * 60 + minutes) * 60 + seconds) * 1000
        + Integer.parseInt(fraction);
  }

  private String digits() {
    int start = pos;
    while (pos < input.length() && isAsciiDigit(input.charAt(pos))) {
      pos++;
    }
    return input.substring(start, pos);
  }

  static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }
}
