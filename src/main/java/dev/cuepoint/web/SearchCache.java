package dev.cuepoint.web;

import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The answers to the most recent searches, so a search many people make (the words of this week's
 * lecture) is worked out once per index state, not once per person.
 *
 * <p>An answer is kept under its whole request (words, page, filters, sort, moments, preferred
 * languages, mode) and used only while the indexes are in the state it was computed on: {@code state}
 * gives an object that stays equal while they answer the same, and changes with every refresh
 * that changes them; on a change everything kept is dropped. When {@code state} gives null (an index
 * that cannot say, such as an OpenSearch cluster another process may write to) nothing is kept. A
 * cached answer is the same answer: only {@code tookMs} is this request's own time.
 */
final class SearchCache {
  /** What answers the searches the cache does not have. */
  interface Searcher {
    SearchResponse search(SearchRequest request) throws IOException;
  }

  private final Searcher search;
  private final Supplier<Object> state;
  private final int capacity;
  private final Map<SearchRequest, SearchResponse> answers;
  private Object answersState; // the state the kept answers were computed on; guarded by this

  /**
   * @param capacity answers kept at most (least recently used go first); 0 keeps none
   */
  SearchCache(Searcher search, Supplier<Object> state, int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    this.search = search;
    this.state = state;
    this.capacity = capacity;
    this.answers = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResponse> eldest) {
        return size() > SearchCache.this.capacity;
      }
    };
  }

  SearchResponse search(SearchRequest request) throws IOException {
    if (capacity == 0) {
      return search.search(request);
    }
    long t0 = System.nanoTime();
    // read before searching: an answer computed on a newer state than this one is never looked up
    // under this one again, since the state only moves forward
    Object now = state.get();
    if (now == null) {
      return search.search(request);
    }
    synchronized (this) {
      if (!now.equals(answersState)) {
        answers.clear();
        answersState = now;
      }
      SearchResponse kept = answers.get(request);
      if (kept != null) {
        return kept.took((System.nanoTime() - t0) / 1_000_000);
      }
    }
    SearchResponse fresh = search.search(request);
    synchronized (this) {
      if (now.equals(answersState)) {
        answers.put(request, fresh);
      }
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
