package dev.cuepoint.captions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a WebVTT file line by line as the spec's preprocessing sees it: CR, LF and CRLF all end a
 * line, and NUL becomes U+FFFD. A line longer than {@code maxLineChars} is an error, so a file with
 * no line breaks cannot make us buffer all of it. One line can be pushed back, which is how the
 * block rules "rewind to the previous position" when a timing line ends the block before it.
 */
final class VttLineReader {
  private final BufferedReader in;
  private final String source;
  private final int maxLineChars;
  private final char[] chunk = new char[8192];
  private int chunkLength;
  private int chunkPos;
  private boolean skipLf;
  private boolean eof;
  private int lineNumber;
  private String pushedBack;

  VttLineReader(Reader in, String source, int maxLineChars) {
    this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
    this.source = source;
    this.maxLineChars = maxLineChars;
  }

  /** The next line without its terminator, or null at the end of the input. */
  String next() throws IOException, CaptionException {
    if (pushedBack != null) {
      String line = pushedBack;
      pushedBack = null;
      lineNumber++;
      return line;
    }
    if (eof) {
      return null;
    }
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (chunkPos == chunkLength && !fill()) {
        eof = true;
        // A final line without a terminator still counts; an empty tail after one does not.
        if (line.isEmpty()) {
          return null;
        }
        lineNumber++;
        return line.toString();
      }
      char c = chunk[chunkPos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      if (c == '\n' || c == '\r') {
        skipLf = c == '\r';
        lineNumber++;
        return line.toString();
      }
      if (line.length() == maxLineChars) {
        throw new CaptionException(
            source,
            lineNumber + 1,
            "line is longer than " + maxLineChars + " characters: this is not a caption file");
      }
      line.append(c == '\0' ? '\ufffd' : c);
    }
  }

  /** Makes {@code line}, the line just read, the next one {@link #next()} returns. */
  void pushBack(String line) {
    if (pushedBack != null) {
      throw new IllegalStateException("only one line can be pushed back");
    }
    pushedBack = line;
    lineNumber--;
  }

  /** 1-based number of the line last returned by {@link #next()}. */
  int lineNumber() {
    return lineNumber;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(chunk, 0, chunk.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    chunkLength = n;
    chunkPos = 0;
    return true;
  }
}
