package dev.cuepoint.captions;

/**
 * A caption file that cannot be read as captions. The message names the file, the line where one
 * applies, and what is wrong, ready to show a user: {@code lecture.vtt line 14: timestamp
 * '00:01:0x.000' is not HH:MM:SS.mmm}.
 */
public class CaptionException extends Exception {
  private final String source;
  private final int line;

  /**
   * @param source the file name (or other label) the user knows the input by
   * @param line 1-based line number, or 0 when no line applies
   * @param problem what is wrong, phrased for the user
   */
  public CaptionException(String source, int line, String problem) {
    this(source, line, problem, null);
  }

  public CaptionException(String source, int line, String problem, Throwable cause) {
    super(source + (line > 0 ? " line " + line : "") + ": " + problem, cause);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem, 0 when none applies. */
  public int line() {
    return line;
  }
}
