package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Reads one caption format into clean cues. Implementations read their input as a stream (never the
 * whole file into one string), do no other I/O, and report every problem as a {@link
 * CaptionException} that names {@code source} and, where it applies, the line.
 */
public interface CaptionParser {
  /**
   * @param in the caption text; the caller strips nothing (a BOM may still be there)
   * @param source the name to use in error messages, usually the file name
   * @return cues in time order, text normalized, every word once
   */
  List<Cue> parse(Reader in, String source) throws CaptionException, IOException;
}
