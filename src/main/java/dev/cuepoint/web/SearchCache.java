package dev.cuepoint.web;

import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The answers to the most recent searches, so a search many people make (the words of this week's
 * lecture) is worked out once per index state, not once per person.
 *
 * <p>An answer is kept under its whole request (words, page, filters, sort, moments, preferred
 * languages, mode) and used only while the indexes it depends on are in the state it was computed on:
 * {@code state} gives an object that stays equal while they answer the same, and changes with every
 * refresh that changes them (a keyword search does not depend on the passage index, so embedding
 * passages in the background keeps its answers). Answers of an older state are replaced when asked
 * again, or dropped as the least recently used. When {@code state} gives null (an index
 * that cannot say, such as an OpenSearch cluster another process may write to) nothing is kept. A
 * cached answer is the same answer: only {@code tookMs} is this request's own time.
 */
final class SearchCache {
  /** What answers the searches the cache does not have. */
  interface Searcher {
    SearchResponse search(SearchRequest request) throws IOException;
  }

  private final Searcher search;
  private final Function<SearchRequest, Object> state;
  private final int capacity;
  private final Map<SearchRequest, Kept> answers; // guarded by this
  final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder(); // for Metrics
  final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();

  /** An answer and the state of the indexes it was computed on. */
  private record Kept(Object state, SearchResponse response) {}

  /**
   * @param state the state of the indexes a request's answer depends on (see the class comment)
   * @param capacity answers kept at most (least recently used go first); 0 keeps none
   */
  SearchCache(Searcher search, Function<SearchRequest, Object> state, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    this.search = search;
    this.state = state;
    this.capacity = capacity;
    this.answers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SearchRequest, Kept> eldest) {
        return size() > SearchCache.this.capacity;
      }
    };
  }

  SearchResponse search(SearchRequest request) throws IOException {
    if (capacity == 0) {
      return search.search(request);
    }
    long t0 = System.nanoTime();
    // read before searching: the answer is then computed on this state or a newer one, and the state
    // only moves forward, so an answer is never used once the index has changed after it was kept
    Object now = state.apply(request);
    if (now == null) {
      return search.search(request);
    }
    synchronized (this) {
      Kept kept = answers.get(request);
      if (kept != null && kept.state().equals(now)) {
        hits.increment();
        return kept.response().took((System.nanoTime() - t0) / 1_000_000);
      }
    }
    misses.increment();
    SearchResponse fresh = search.search(request);
    synchronized (this) {
      answers.put(request, new Kept(now, fresh));
    }
    return fresh;
  }

  /** Answers kept now. */
  synchronized int size() {
    return answers.size();
  }

  @Override
  public String toString() {
    return "SearchCache[capacity=" + capacity + ", size=" + size() + "]";
  }
}
