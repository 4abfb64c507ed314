package dev.cuepoint.captions;

import java.util.Objects;

/**
 * A WebVTT cue exactly as the W3C parser produces it, before any cleaning: what a browser's {@code
 * VTTCue} holds in {@code id}, {@code startTime}, {@code endTime} and {@code text}.
 *
 * @param id the cue identifier, empty when the cue has none
 * @param startMs start in milliseconds
 * @param endMs end in milliseconds; may be before the start, as the spec keeps such cues
 * @param settings the unparsed cue settings ({@code align:start position:0%}), possibly empty
 * @param rawText the cue text with its markup, lines separated by LF
 */
record VttCue(String id, long startMs, long endMs, String settings, String rawText) {
  VttCue {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(rawText, "rawText");
    if (startMs < 0 || endMs < 0) {
      throw new IllegalArgumentException(
          "cue times must be >= 0 ms, got " + startMs + " and " + endMs);
    }
  }
}
