package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one caption file into cues. The CLI wires in the caption parsers, e.g. {@code file -> { var
 * p = Captions.standard().read(file); return new ParsedFile(p.format(), p.cues()); }}; tests use a
 * fake.
 */
@FunctionalInterface
public interface CaptionReader {
  /**
   * @throws CaptionException when the file is not valid captions; the message names the file
   */
  ParsedFile read(Path file) throws CaptionException, IOException;
}
