package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Reads YouTube's SubViewer captions ({@code .sbv}): a timing line {@code 0:00:01.000,0:00:03.500},
 * the cue's text lines, then a blank line. As with SRT, a timing line starts a new cue even when
 * the blank line before it is missing, and a file without any cue is refused.
 */
public final class SbvParser implements CaptionParser {
  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    LineReader lines = new LineReader(in, source);
    CueList cues = new CueList();
    long startMs = -1;
    long endMs = -1;
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = lines.next()) != null) {
      String s = line.strip();
      if (isTimingLine(s)) {
        if (startMs >= 0) {
          cues.addText(startMs, endMs, text.toString());
        }
        int comma = s.indexOf(',');
        startMs = millis(s.substring(0, comma), lines.number(), source);
        endMs = millis(s.substring(comma + 1), lines.number(), source);
        text.setLength(0);
      } else if (startMs >= 0 && !s.isEmpty()) {
        text.append(s).append('\n');
      }
    }
    if (startMs >= 0) {
      cues.addText(startMs, endMs, text.toString());
    }
    if (cues.isEmpty()) {
      throw new CaptionException(source, 0, "no SBV cues found: is this a caption file?");
    }
    return cues.inTimeOrder();
  }

  /**
   * Two digit-led {@code h:mm} values around one comma and no spaces. Looser than a valid timing
   * line on purpose, so that a damaged one ({@code 0:00:0x.000,0:00:03.500}) is reported instead of
   * being read as text; sentences such as "at 3:15, we" have spaces and stay text.
   */
  static boolean isTimingLine(String s) {
    int comma = s.indexOf(',');
    if (comma < 0
        || s.indexOf(',', comma + 1) >= 0
        || s.chars().anyMatch(Character::isWhitespace)) {
      return false;
    }
    return looksLikeTime(s.substring(0, comma)) && looksLikeTime(s.substring(comma + 1));
  }

  private static boolean looksLikeTime(String s) {
    return !s.isEmpty() && Character.isDigit(s.charAt(0)) && s.indexOf(':') > 0;
  }

  private static long millis(String timestamp, int line, String source) throws CaptionException {
    long ms = SubtitleTime.millis(timestamp);
    if (ms < 0) {
      throw new CaptionException(source, line, "timestamp '" + timestamp + "' is not H:MM:SS.mmm");
    }
    return ms;
  }
}
