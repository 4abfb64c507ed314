package dev.cuepoint.corpus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A corpus file that exists but cannot be read as what it should hold. The message names the file,
 * says what is wrong and what to do about it, ready to show a user.
 */
public class CorpusException extends IOException {
  private final Path file;

  public CorpusException(Path file, String problem, Throwable cause) {
    super(
        "corpus file "
            + file
            + " is corrupt ("
            + problem
            + "): delete it, then import or crawl the video again",
        cause);
    this.file = file;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }
}
