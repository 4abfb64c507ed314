package dev.cuepoint.asr;

import dev.cuepoint.captions.Cue;
import java.util.List;
import java.util.Objects;

/**
 * What speech recognition heard in one recording.
 *
 * @param language BCP 47 tag of the model's language, e.g. {@code en}
 * @param cues sentence-sized cues in time order, each with its words' start times
 * @param durationMs the length of the audio that was transcribed
 */
public record Transcription(String language, List<Cue> cues, long durationMs) {
  public Transcription {
    Objects.requireNonNull(language, "language");
    cues = List.copyOf(Objects.requireNonNull(cues, "cues"));
    if (durationMs < 0) {
      throw new IllegalArgumentException("duration must be >= 0 ms, got " + durationMs);
    }
  }
}
