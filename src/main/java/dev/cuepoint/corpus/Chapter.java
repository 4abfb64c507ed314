package dev.cuepoint.corpus;

import java.util.Objects;

/**
 * A chapter of a video, from yt-dlp's {@code chapters} or from timestamps in the description.
 *
 * @param startMs where the chapter starts, in milliseconds
 * @param title the chapter title as shown on YouTube
 */
public record Chapter(long startMs, String title) {
  public Chapter {
    if (startMs < 0) {
      throw new IllegalArgumentException("chapter start must be >= 0 ms, got " + startMs);
    }
    Objects.requireNonNull(title, "title");
  }
}
