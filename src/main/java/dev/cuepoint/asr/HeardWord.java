package dev.cuepoint.asr;

import java.util.Objects;

/**
 * One word as the recogniser heard it, before it becomes part of a cue.
 *
 * @param text the word, lower case as the model spells it
 * @param startMs when it starts, from the start of the recording
 * @param endMs when it ends, {@code >= startMs}
 * @param confidence the recogniser's confidence, 0 to 1
 */
record HeardWord(String text, long startMs, long endMs, double confidence) {
  HeardWord {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("word text must not be blank");
    }
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException("word '" + text + "' has start " + startMs + " ms and end " + endMs + " ms");
    }
  }
}
