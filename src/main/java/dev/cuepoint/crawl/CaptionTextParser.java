package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Cue;
import java.io.IOException;
import java.util.List;

/**
 * Parses a caption track downloaded into memory (WebVTT or SRT from {@code captions.download}). The
 * CLI wires in the caption parsers, recognising the format from the text, as it does for files.
 */
@FunctionalInterface
public interface CaptionTextParser {
  /**
   * @param source names the track in error messages
   * @throws CaptionException when the text is not valid captions
   */
  List<Cue> parse(String text, String source) throws CaptionException, IOException;
}
