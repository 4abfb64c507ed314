package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchGateTest {
  /** A search that takes a while and records how many ran at once. */
  static final class SlowSearch implements SearchCache.Searcher {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();

    @Override
    public SearchResponse search(SearchRequest request) {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      done.incrementAndGet();
      return new SearchResponse(request.query(), 0, 20, List.of(), null, "keyword", 0L);
    }
  }

  @Test
  void noMoreSearchesRunAtOnceThanItAllowsAndNoneIsLost() throws Exception {
    SlowSearch slow = new SlowSearch();
    SearchGate gate = new SearchGate(slow, 2);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<SearchResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String q = "query " + i;
      answers.add(pool.submit(() -> {
        start.await();
        return gate.search(SearchRequest.of(q));
      }));
    }
    start.countDown();
    for (int i = 0; i < answers.size(); i++) {
      assertEquals("query " + i, answers.get(i).get(10, TimeUnit.SECONDS).query());
    }
    pool.shutdown();
    assertEquals(2, slow.most.get(), "two at once, never more (and the 8 callers did overlap)");
    assertEquals(24, slow.done.get());
  }

  @Test
  void aFailedSearchGivesItsTurnBack() {
    SearchGate gate = new SearchGate(request -> {
      if (request.query().equals("x")) {
        throw new IllegalStateException("boom");
      }
      return new SearchResponse(request.query(), 0, 0, List.of(), null, "keyword", 0L);
    }, 1);
    for (int i = 0; i < 3; i++) {
      assertThrows(IllegalStateException.class, () -> gate.search(SearchRequest.of("x")));
    }
    // with its one turn not given back this would wait for ever
    assertEquals("y", assertTimeoutPreemptively(Duration.ofSeconds(5), () -> gate.search(SearchRequest.of("y"))).query());
  }

  @Test
  void atLeastOneAtATime() {
    assertThrows(IllegalArgumentException.class, () -> new SearchGate(new SlowSearch(), 0));
  }
}
