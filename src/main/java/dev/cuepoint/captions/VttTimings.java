package dev.cuepoint.captions;

import java.util.Objects;
import java.util.Optional;

/**
 * The timing line of a WebVTT cue, {@code 00:01.000 --> 00:02.500 align:start}, parsed by the
 * spec's "collect WebVTT cue timings and settings".
 *
 * @param startMs start time in milliseconds
 * @param endMs end time in milliseconds; the spec keeps a cue whose end is before its start
 * @param settings the cue settings after the end time, unparsed, without surrounding whitespace
 */
record VttTimings(long startMs, long endMs, String settings) {
  VttTimings {
    if (startMs < 0 || endMs < 0) {
      throw new IllegalArgumentException(
          "cue times must be >= 0 ms, got " + startMs + " and " + endMs);
    }
    Objects.requireNonNull(settings, "settings");
  }

  /** The timings on {@code line}, or empty when the line is not a valid timing line. */
  static Optional<VttTimings> parse(String line) {
    VttScanner in = new VttScanner(line);
    in.skipWhitespace();
    long start = in.timestamp();
    if (start == VttScanner.INVALID) {
      return Optional.empty();
    }
    in.skipWhitespace();
    if (!(in.consume('-') && in.consume('-') && in.consume('>'))) {
      return Optional.empty();
    }
    in.skipWhitespace();
    long end = in.timestamp();
    if (end == VttScanner.INVALID) {
      return Optional.empty();
    }
    return Optional.of(new VttTimings(start, end, trimAscii(in.rest())));
  }

  private static String trimAscii(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && VttScanner.isAsciiWhitespace(s.charAt(from))) {
      from++;
    }
    while (to > from && VttScanner.isAsciiWhitespace(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }
}
