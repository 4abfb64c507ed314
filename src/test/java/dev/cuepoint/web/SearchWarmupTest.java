package dev.cuepoint.web;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background warm-up searches the index's own words, only while no one else searches, and stops. */
class SearchWarmupTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  SearchIndex index;
  SearchService service;
  /** Every warm-up search, in keyword mode, through the real search service. */
  final AtomicInteger searched = new AtomicInteger();
  final Set<SearchRequest.Mode> modes = ConcurrentHashMap.newKeySet();
  SearchCache.Searcher counting;

  @BeforeEach
  void open() throws Exception {
    index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(Library.standard(), false, null);
    service = new SearchService(index);
    counting = request -> {
      modes.add(request.mode());
      SearchResponse r = service.search(request);
      searched.incrementAndGet();
      return r;
    };
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  @Test
  void queries_are_the_kinds_people_type_made_of_the_index_words_and_all_of_them_search() throws Exception {
    List<String> queries = SearchWarmup.queries(index);
    assertTrue(queries.size() >= 100, "queries: " + queries.size());
    assertTrue(queries.contains("timing"), "a word of the index: " + queries.subList(0, 16));
    assertTrue(queries.stream().anyMatch(q -> q.startsWith("\"") && q.endsWith("\"")), "a quoted pair");
    assertTrue(queries.stream().anyMatch(q -> q.endsWith("*")), "a prefix");
    assertTrue(queries.stream().anyMatch(q -> q.endsWith("~")), "a fuzzy word");
    assertTrue(queries.stream().anyMatch(q -> q.matches("[a-z]+ [a-z]+")), "two words");
    int found = 0;
    for (String q : queries) {
      found += service.search(SearchRequest.of(q)).total() > 0 ? 1 : 0;
    }
    assertTrue(found > queries.size() / 2, "most warm-up queries find something: " + found + " of " + queries.size());
  }

  @Test
  void runs_its_budget_of_keyword_searches_then_ends() throws Exception {
    SearchGate gate = new SearchGate(counting, 2);
    try (SearchWarmup warmup = new SearchWarmup(index, gate, counting, new Availability(), 150, 60_000, 0)) {
      warmup.start();
      awaitUntil("the warm-up to end", warmup::finished, WAIT);
      assertEquals(150, warmup.searches());
      assertEquals(150, searched.get());
      assertEquals(Set.of(SearchRequest.Mode.KEYWORD), modes, "no model is loaded for the warm-up");
    }
  }

  @Test
  void an_index_below_the_minimum_is_not_warmed() throws Exception {
    SearchGate gate = new SearchGate(counting, 2);
    try (SearchWarmup warmup = new SearchWarmup(index, gate, counting, new Availability(), 150, 60_000, 5)) {
      warmup.start();
      awaitUntil("the warm-up to end", warmup::finished, WAIT);
      assertEquals(0, searched.get(), "4 videos, fewer than 5");
    }
  }

  @Test
  void waits_while_the_index_is_rebuilt_and_while_people_search() throws Exception {
    Availability availability = new Availability();
    availability.rebuilding(() -> new Availability.Rebuild("test", 0, 4, System.nanoTime()));
    // one slot, held by a "user" search until released
    CountDownLatch userIn = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SearchGate gate = new SearchGate(request -> {
      if (request.query().equals("user")) {
        userIn.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return service.search(SearchRequest.of("timing"));
      }
      return counting.search(request);
    }, 1);
    ExecutorService user = Executors.newSingleThreadExecutor();
    try (SearchWarmup warmup = new SearchWarmup(index, gate, counting, availability, 40, 60_000, 0)) {
      warmup.start();
      awaitUntil("the warm-up to wait for the rebuild", () -> waiting(warmup), WAIT);
      assertEquals(0, searched.get(), "nothing searched while the index is rebuilt");

      Future<SearchResponse> held = user.submit(() -> gate.search(SearchRequest.of("user")));
      assertTrue(userIn.await(10, TimeUnit.SECONDS));
      availability.ready();
      awaitUntil("the warm-up to find the slot taken", () -> warmup.gaveWay() >= 3, WAIT);
      assertEquals(0, searched.get(), "nothing searched while the one slot is taken");

      release.countDown();
      assertTrue(held.get(10, TimeUnit.SECONDS).total() > 0);
      awaitUntil("the warm-up to end", warmup::finished, WAIT);
      assertEquals(40, searched.get());
    } finally {
      user.shutdownNow();
    }
  }

  @Test
  void close_stops_it_at_once() throws Exception {
    SearchGate gate = new SearchGate(counting, 2);
    SearchWarmup warmup = new SearchWarmup(index, gate, counting, new Availability(), Integer.MAX_VALUE, 600_000, 0);
    warmup.start();
    awaitUntil("some warm-up searches", () -> searched.get() > 10, WAIT);
    warmup.close();
    assertTrue(warmup.finished(), "ended by close");
    assertEquals(searched.get(), warmup.searches(), "the search under way finished, none began");
  }

  /** The warm-up thread is asleep (it has started and is waiting for the rebuild to end). */
  private static boolean waiting(SearchWarmup warmup) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("cuepoint-warmup") && t.getState() == Thread.State.TIMED_WAITING);
  }
}
