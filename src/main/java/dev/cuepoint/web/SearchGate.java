package dev.cuepoint.web;

import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Lets at most as many searches be worked out at once as there are cores; the others wait their
 * turn, first come first served. A search is pure CPU: running more at once than there are cores only
 * time-slices them, so every one finishes late, the caches are shared out and a slow one (a phrase of
 * common words) holds back those behind it. Measured on 2 cores at 8 users and 10,000 videos: 17% less
 * CPU per search and a p99 of 85–105 ms instead of 96–702 ms, the p50 unchanged (README, Performance).
 * Only for the embedded index: a search of an OpenSearch cluster mostly waits for the cluster.
 */
final class SearchGate implements SearchCache.Searcher {
  private final SearchCache.Searcher search;
  private final Semaphore permits;

  SearchGate(SearchCache.Searcher search, int atOnce) {
    if (atOnce < 1) {
      throw new IllegalArgumentException("atOnce must be >= 1, got " + atOnce);
    }
    this.search = search;
    this.permits = new Semaphore(atOnce, true);
  }

  @Override
  public SearchResponse search(SearchRequest request) throws IOException {
    return run(() -> search.search(request));
  }

  /** Other search work (one video's moments), waiting its turn with the searches. */
  <T> T run(Work<T> work) throws IOException {
    permits.acquireUninterruptibly();
    try {
      return work.run();
    } finally {
      permits.release();
    }
  }

  /**
   * Runs {@code work} only if a slot is free now and no search waits for one (work that must never
   * hold a search back, such as the warm-up); returns whether it ran.
   */
  boolean tryRun(Work<?> work) throws IOException {
    if (permits.hasQueuedThreads() || !permits.tryAcquire()) {
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      permits.release();
    }
  }

  interface Work<T> {
    T run() throws IOException;
  }
}
