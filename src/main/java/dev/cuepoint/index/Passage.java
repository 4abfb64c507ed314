package dev.cuepoint.index;

import java.util.Objects;

/**
 * A stretch of a transcript, about half a minute to a minute long, cut on sentence or cue boundaries:
 * the unit that is embedded and found by meaning.
 *
 * @param startMs when its first cue starts: where a semantic moment starts playing
 * @param endMs when its last cue ends
 * @param text its cue texts joined by spaces
 */
public record Passage(long startMs, long endMs, String text) {
  public Passage {
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "passage must start at >= 0 ms and end at or after its start, got " + startMs + "–" + endMs + " ms");
    }
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("passage text must not be blank");
    }
  }
}
