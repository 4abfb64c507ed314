package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line for the line-based formats (SRT, SBV): any of CR, LF or CRLF ends a line,
 * a leading BOM is skipped, lines are numbered from 1 for error messages, and one line can be
 * looked at before it is taken.
 */
final class LineReader {
  /**
   * Longer than any caption line; a "line" this long means the input is not captions, and stopping
   * here keeps memory bounded whatever the input is.
   */
  static final int MAX_LINE_CHARS = 1 << 20;

  private final Reader in;
  private final String source;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean started;
  private boolean afterCr;
  private int taken;
  private int read;
  private String peeked;
  private boolean hasPeeked;

  LineReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The next line without its line break, or null at the end of the input. */
  String next() throws IOException, CaptionException {
    String line = hasPeeked ? peeked : readLine();
    hasPeeked = false;
    peeked = null;
    if (line != null) {
      taken++;
    }
    return line;
  }

  /** The line {@link #next()} will return, without taking it. */
  String peek() throws IOException, CaptionException {
    if (!hasPeeked) {
      peeked = readLine();
      hasPeeked = true;
    }
    return peeked;
  }

  /** 1-based number of the line last returned by {@link #next()}. */
  int number() {
    return taken;
  }

  private String readLine() throws IOException, CaptionException {
    StringBuilder line = new StringBuilder();
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? finish(line) : null;
      }
      char c = buffer[position++];
      if (afterCr) {
        afterCr = false;
        if (c == '\n') {
          continue; // the LF of a CRLF pair: that line has already ended
        }
      }
      if (c == '\r' || c == '\n') {
        afterCr = c == '\r';
        return finish(line);
      }
      any = true;
      if (line.length() == MAX_LINE_CHARS) {
        throw new CaptionException(
            source,
            read + 1,
            "line is longer than " + MAX_LINE_CHARS + " characters: is this a caption file?");
      }
      line.append(c);
    }
  }

  private String finish(StringBuilder line) {
    read++;
    return line.toString();
  }

  private boolean fill() throws IOException {
    limit = in.read(buffer, 0, buffer.length);
    position = 0;
    if (limit <= 0) {
      limit = 0;
      return false;
    }
    if (!started) {
      started = true;
      if (buffer[0] == Bom.BOM) {
        position = 1;
      }
    }
    return true;
  }
}
