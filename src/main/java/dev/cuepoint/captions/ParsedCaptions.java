package dev.cuepoint.captions;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The cues read from one caption file, with the format they were read as.
 *
 * @param file the file as it was given
 * @param format the format recognised from the file's content
 * @param cues the cues in time order; may be empty for a structured file (json3, XML) that holds a
 *     valid but empty track
 */
public record ParsedCaptions(Path file, CaptionFormat format, List<Cue> cues) {
  public ParsedCaptions {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    cues = List.copyOf(Objects.requireNonNull(cues, "cues"));
  }
}
