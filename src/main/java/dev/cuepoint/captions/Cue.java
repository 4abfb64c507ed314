package dev.cuepoint.captions;

import java.util.List;
import java.util.Objects;

/**
 * One caption cue after cleaning: plain text (tags and entities decoded, whitespace collapsed to single
 * spaces), its time span, and the timings of its words where the source format carries them.
 *
 * @param startMs start in milliseconds from the start of the video
 * @param endMs end in milliseconds, {@code >= startMs}
 * @param text normalized text, never blank
 * @param words word timings in spoken order; empty when the source has none. When present, joining
 *     the words with single spaces gives {@code text}.
 */
public record Cue(long startMs, long endMs, String text, List<Word> words) {
  public Cue {
    if (startMs < 0) {
      throw new IllegalArgumentException("cue start must be >= 0 ms, got " + startMs);
    }
    if (endMs < startMs) {
      throw new IllegalArgumentException(
          "cue end must be >= start, got start " + startMs + " ms and end " + endMs + " ms");
    }
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("cue text must not be blank");
    }
    words = words == null ? List.of() : List.copyOf(words);
  }

  public Cue(long startMs, long endMs, String text) {
    this(startMs, endMs, text, List.of());
  }
}
