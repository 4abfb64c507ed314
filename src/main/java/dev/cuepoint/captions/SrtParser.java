package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads SubRip ({@code .srt}) captions as real files write them, not only as the format is usually
 * described: a BOM, CR, LF or CRLF line ends, cue numbers that are missing, out of sequence or
 * followed by no blank line, {@code ,} or {@code .} before 1–3 millisecond digits, trailing spaces,
 * position suffixes ({@code X1:100 X2:600 …}) after the end time, and {@code <i>}, {@code <font>}
 * or {@code {\an8}} markup in the text.
 *
 * <p>A cue starts at its timing line ({@code 00:00:01,000 --> 00:00:03,500}); a number on the line
 * just before a timing line is the cue's number and is dropped; every other non-blank line up to
 * the next timing line is the cue's text. Cues with no text are dropped, and a file with no cue at
 * all is refused, since it is almost certainly not a caption file.
 */
public final class SrtParser implements CaptionParser {
  private static final String ARROW = "-->";

  /** SSA/ASS override blocks such as {@code {\an8}} that some tools leave in SRT text. */
  private static final Pattern OVERRIDE = Pattern.compile("\\{\\\\[^}]*}");

  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    LineReader lines = new LineReader(in, source);
    CueList cues = new CueList();
    Timing timing = null;
    StringBuilder text = new StringBuilder();
    int timingLines = 0;
    String line;
    while ((line = lines.next()) != null) {
      if (isTimingLine(line)) {
        if (timing != null) {
          cues.addText(timing.startMs, timing.endMs, text.toString());
        }
        timing = timing(line, lines.number(), source);
        text.setLength(0);
        timingLines++;
      } else if (isCueNumber(line) && isTimingLine(lines.peek())) {
        continue; // the number of the next cue, even without a blank line before it
      } else if (timing != null && !line.isBlank()) {
        text.append(OVERRIDE.matcher(line).replaceAll("")).append('\n');
      }
    }
    if (timing != null) {
      cues.addText(timing.startMs, timing.endMs, text.toString());
    }
    if (cues.isEmpty()) {
      throw new CaptionException(
          source,
          0,
          timingLines == 0
              ? "no SRT cues found: is this a caption file?"
              : "no SRT cues found: the " + timingLines + " timing lines have no text under them");
    }
    return cues.inTimeOrder();
  }

  /**
   * A timing line has {@code -->} with nothing or a digit before it. Text such as "A --> B" stays
   * text, while a damaged timestamp like {@code 00:01:0x,000 --> …} is reported rather than read as
   * words.
   */
  static boolean isTimingLine(String line) {
    if (line == null) {
      return false;
    }
    int arrow = line.indexOf(ARROW);
    if (arrow < 0) {
      return false;
    }
    String before = line.substring(0, arrow).strip();
    return before.isEmpty() || Character.isDigit(before.charAt(0));
  }

  private static boolean isCueNumber(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Timing timing(String line, int number, String source) throws CaptionException {
    int arrow = line.indexOf(ARROW);
    String start = line.substring(0, arrow).strip();
    String rest = line.substring(arrow + ARROW.length()).strip();
    // whatever follows the end time (X1:… Y2:…, or WebVTT-style settings) is position, not time
    int space = indexOfWhitespace(rest);
    String end = space < 0 ? rest : rest.substring(0, space);
    return new Timing(millis(start, number, source), millis(end, number, source));
  }

  private static long millis(String timestamp, int line, String source) throws CaptionException {
    long ms = SubtitleTime.millis(timestamp);
    if (ms < 0) {
      throw new CaptionException(source, line, "timestamp '" + timestamp + "' is not HH:MM:SS,mmm");
    }
    return ms;
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private record Timing(long startMs, long endMs) {}
}
