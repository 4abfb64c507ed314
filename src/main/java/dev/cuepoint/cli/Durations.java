package dev.cuepoint.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration as people write it: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, or ISO {@code PT2S}. */
final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      long unitMs = switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        default -> 3_600_000;
      };
      return Duration.ofMillis(Math.round(n * unitMs));
    }
    try {
      Duration d = Duration.parse(text.strip());
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 500ms, 2s or 1m");
  }
}
