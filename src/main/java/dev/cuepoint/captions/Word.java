package dev.cuepoint.captions;

import java.util.Objects;

/**
 * One word with the moment it is spoken, as carried by YouTube auto-captions (VTT word tags, json3
 * {@code tOffsetMs}, srv3 {@code t} attributes).
 *
 * @param startMs when the word starts, in milliseconds from the start of the video
 * @param text the word as displayed, without surrounding whitespace
 */
public record Word(long startMs, String text) {
  public Word {
    if (startMs < 0) {
      throw new IllegalArgumentException("word start must be >= 0 ms, got " + startMs);
    }
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("word text must not be blank");
    }
  }
}
