package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.Optional;

/**
 * A place captions come from, tried per video in the order the user set. A source reports its own
 * failures in its outcome; it throws only what must stop the whole crawl ({@link
 * QuotaExceededException}, {@link BudgetSpentException}, rejected credentials) or a corpus it
 * cannot read.
 */
interface CaptionSource {
  CaptionSourceKind kind();

  CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException;

  /**
   * Why the crawl must stop after the current video (YouTube blocked this address), if it must. A
   * source that stops still returns what it fetched for the video it was on.
   */
  default Optional<IOException> stop() {
    return Optional.empty();
  }
}
