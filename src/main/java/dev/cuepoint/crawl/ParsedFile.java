package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.captions.Cue;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CaptionReader} found in one file.
 *
 * @param format the format the file was read as
 * @param cues clean cues in time order
 */
public record ParsedFile(CaptionFormat format, List<Cue> cues) {
  public ParsedFile {
    Objects.requireNonNull(format, "format");
    cues = cues == null ? List.of() : List.copyOf(cues);
  }
}
