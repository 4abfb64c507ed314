package dev.cuepoint.web;

import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.search.SearchRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the index's own words in the background once the server is up, so that the JIT has compiled
 * the search code before people search. A freshly started JVM runs it interpreted and then half
 * compiled: measured at 2,000 videos under 8 users from the first answer on, the first 10 s took 5.3 ms
 * of CPU per search, the next 3.3 and the third 2.0, against 0.9 once compiled; 15 s idle after the
 * start (this warm-up running) made that 2.4, 1.4 and 0.9 (the rest is caches filling, the HTTP and
 * JSON code, the collector sizing its heap). Only while no one searches: each warm-up
 * search takes a free {@link SearchGate} slot without waiting, and when none is free the warm-up waits
 * a little and tries again, so it never delays a search by more than the one it is running. It ends
 * after {@code maxSearches} searches or {@code maxCpuMillis} of its own CPU time, whichever comes first.
 *
 * <p>The queries come from the spelling vocabulary (words and the number of videos using each): the
 * commonest words alone and in pairs, rarer words alone, with a common word and with each other, quoted
 * pairs, prefixes and fuzzy words — the kinds of query people type, in keyword mode (the model is
 * loaded only when someone asks for meaning).
 */
final class SearchWarmup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchWarmup.class);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Enough for the JIT to compile the search paths on 2 cores (a few seconds of one core). */
  static final int MAX_SEARCHES = 4_000;

  static final long MAX_CPU_MILLIS = 15_000;

  /**
   * Smaller indexes are not warmed: their searches are short even before the JIT has compiled them, and
   * every start (tests, the CLI's sample) would pay for the warm-up.
   */
  static final int MIN_VIDEOS = 500;

  private static final long PAUSE_MILLIS = 20;

  private final KeywordIndex index;
  private final SearchGate gate;
  private final SearchCache.Searcher search;
  private final Availability availability;
  private final int maxSearches;
  private final long maxCpuMillis;
  private final int minVideos;
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger gaveWay = new AtomicInteger();
  private volatile boolean closed;
  private Thread thread;

  /**
   * @param search what runs a search (without the answer cache: a warm-up answer is never shown)
   * @param gate the slots searches take; the warm-up takes one only when it is free
   */
  SearchWarmup(KeywordIndex index, SearchGate gate, SearchCache.Searcher search, Availability availability,
      int maxSearches, long maxCpuMillis, int minVideos) {
    this.index = index;
    this.gate = gate;
    this.search = search;
    this.availability = availability;
    this.maxSearches = maxSearches;
    this.maxCpuMillis = maxCpuMillis;
    this.minVideos = minVideos;
  }

  /** Starts the warm-up thread (a daemon: it never holds the JVM up). */
  synchronized SearchWarmup start() {
    if (thread == null) {
      thread = Thread.ofPlatform().name("cuepoint-warmup").daemon().unstarted(this::run);
      thread.setPriority(Thread.MIN_PRIORITY);
      thread.start();
    }
    return this;
  }

  /** Warm-up searches run so far. */
  int searches() {
    return done.get();
  }

  /** Times it found no free slot and waited. */
  int gaveWay() {
    return gaveWay.get();
  }

  /** Whether the warm-up has ended (its budget spent, nothing to search, or closed). */
  boolean finished() {
    Thread t = thread;
    return t != null && !t.isAlive();
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000); // at most one search to finish
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    try {
      while (!closed && availability.current() != null) {
        Thread.sleep(100); // the index is being rebuilt: searches would be refused
      }
      List<String> queries = closed || videos() < minVideos ? List.of() : queries(index);
      for (int i = 0; !closed && !queries.isEmpty() && done.get() < maxSearches; i++) {
        if ((THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000 >= maxCpuMillis) {
          break;
        }
        SearchRequest request = request(queries.get(i % queries.size()));
        boolean ran = false;
        while (!closed && !(ran = gate.tryRun(() -> search.search(request)))) {
          gaveWay.incrementAndGet();
          Thread.sleep(PAUSE_MILLIS); // people are searching: they go first
        }
        if (!ran) {
          break; // closed
        }
        done.incrementAndGet();
      }
      LOG.debug("search warm-up: {} searches, {} ms of CPU", done.get(),
          (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
    } catch (InterruptedException e) {
      // closed while waiting
    } catch (IOException | IllegalStateException e) {
      // the index was closed or replaced under it: the warm-up is only an optimisation
      LOG.debug("search warm-up ended: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("search warm-up failed (searches are unaffected)", e);
    }
  }

  private int videos() throws IOException {
    try (KeywordIndex.View view = index.view()) {
      return view.videos();
    }
  }

  private static SearchRequest request(String q) {
    return new SearchRequest(q, 10, 0, null, null, null, null, SearchRequest.Sort.RELEVANCE, 5, List.of(),
        SearchRequest.Mode.KEYWORD);
  }

  /** The warm-up queries for an index: none when it has no words. */
  static List<String> queries(KeywordIndex index) throws IOException {
    List<KeywordIndex.Word> words = new ArrayList<>();
    try (KeywordIndex.View view = index.view()) {
      for (char c = 'a'; c <= 'z'; c++) {
        words.addAll(view.wordsStartingWith(String.valueOf(c), 40));
      }
    }
    // words a query can hold as typed: letters only (no apostrophes or digits), short enough to be fuzzy
    words.removeIf(w -> w.videos() < 2 || w.word().length() < 2 || w.word().length() > 12
        || !w.word().chars().allMatch(Character::isLetter));
    if (words.size() < 4) {
      return List.of();
    }
    words.sort(Comparator.comparingInt(KeywordIndex.Word::videos).reversed().thenComparing(KeywordIndex.Word::word));
    List<String> common = words.subList(0, Math.min(20, words.size() / 2)).stream().map(KeywordIndex.Word::word).toList();
    List<String> rare = words.subList(words.size() / 2, words.size()).stream().map(KeywordIndex.Word::word).toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String c1 = common.get(i % common.size());
      String c2 = common.get((i * 7 + 3) % common.size());
      String r1 = rare.get((i * 13) % rare.size());
      String r2 = rare.get((i * 29 + 5) % rare.size());
      out.add(c1);
      out.add(r1);
      out.add(c1 + " " + c2);
      out.add(r1 + " " + c1);
      out.add(r1 + " " + r2);
      out.add("\"" + c1 + " " + c2 + "\"");
      out.add(r2.substring(0, Math.min(4, r2.length())) + "*");
      out.add(r1 + "~");
    }
    return out;
  }
}
