package dev.cuepoint.captions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the clock timestamps of SRT and SBV ({@code 00:01:02,500}, {@code 0:01:02.500}) as
 * leniently as real files need: one or more hour digits or no hours at all, one or two digit
 * minutes and seconds, {@code ,} or {@code .} before 1–3 millisecond digits, or no milliseconds.
 */
final class SubtitleTime {
  /*
   * The millisecond digits are a count of milliseconds, not a decimal fraction (",5" is 5 ms, as
   * ffmpeg reads it). Real files agree: in 3b1b's 2024/attention/chinese/captions.srt the writer
   * padded whole milliseconds to three digits ("16,086") but printed fractional ones bare
   * ("35,69.5234375", 69.5 ms), so a fraction after the digits is allowed and rounded.
   */
  private static final Pattern TIME =
      Pattern.compile("(?:(\\d{1,5}):)?(\\d{1,2}):(\\d{1,2})(?:[,.](\\d{1,3}(?:\\.\\d{1,20})?))?");

  private SubtitleTime() {}

  /**
   * @return milliseconds, or -1 when {@code text} is not a timestamp; the caller names the line
   */
  static long millis(String text) {
    Matcher m = TIME.matcher(text);
    if (!m.matches()) {
      return -1;
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    int minutes = Integer.parseInt(m.group(2));
    int seconds = Integer.parseInt(m.group(3));
    if (minutes > 59 || seconds > 59) {
      return -1;
    }
    long millis = m.group(4) == null ? 0 : Math.round(Double.parseDouble(m.group(4)));
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  }
}
