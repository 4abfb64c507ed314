package dev.cuepoint.bench;

import dev.cuepoint.cli.Main;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.web.Metrics;
import dev.cuepoint.web.MetricsProbe;
import dev.cuepoint.web.RateLimiter;
import dev.cuepoint.web.VideoSource;
import dev.cuepoint.web.WebServer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Prometheus metrics cost a search (issue 22). Three measurements, each with 8 threads:
 * <ol>
 *   <li>the CPU time of the per-search metrics work itself ({@link MetricsProbe}: the request hook's
 *       counter and histogram, the cache counter);
 *   <li>the CPU time of a search on the same index, in process ({@link SearchService}, the query mix);
 *   <li>HTTP: two servers on the same index, metrics on and off, in alternating rounds; the process
 *       CPU time per request (client included, the same in both) and the median of the rounds' ratios.
 * </ol>
 * Run: {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.cuepoint.bench.MetricsOverhead
 * [LUCENE_DIR] [ROUNDS]} (without LUCENE_DIR: the sample lectures, imported into a temporary folder).
 */
public final class MetricsOverhead {
  private static final int THREADS = 8;

  private MetricsOverhead() {}

  public static void main(String[] args) throws Exception {
    Path lucene = args.length > 0 && !args[0].equals("-") ? Path.of(args[0]) : sample();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    double hook1 = MetricsProbe.hookCpuNanos(1, 5_000_000);
    double hook8 = MetricsProbe.hookCpuNanos(THREADS, 1_000_000);
    System.out.printf("metrics work per search: %.0f ns CPU (1 thread), %.0f ns CPU (%d threads)%n", hook1, hook8,
        THREADS);
    try (SearchIndex index = SearchIndex.openReadOnly(lucene)) {
      double search = searchCpuNanos(new SearchService(index), 3.0);
      System.out.printf("search on %s: %.0f ns CPU each (%d threads, query mix)%n", lucene, search, THREADS);
      System.out.printf("metrics / search: %.4f %% of this index's search; %.4f %% of a 5 ms search%n",
          100 * hook8 / search, 100 * hook8 / 5e6);
      http(index, rounds);
    }
  }

  /** Imports the sample lectures into a temporary data directory; returns its Lucene folder. */
  private static Path sample() throws Exception {
    Path data = Files.createTempDirectory("cuepoint-metrics-bench");
    int status = Main.run(new String[] {"import", "--data", data.toString(), "index/sample"},
        new PrintWriter(System.err, true), new PrintWriter(System.err, true));
    if (status != 0) {
      throw new IllegalStateException("importing index/sample failed (run from the project folder)");
    }
    return data.resolve("lucene");
  }

  private static double searchCpuNanos(SearchService service, double seconds) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    AtomicLong count = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      threads.add(Thread.ofPlatform().start(() -> {
        long c0 = mx.getCurrentThreadCpuTime();
        long n = 0;
        try {
          while (System.nanoTime() < end) {
            service.search(SearchRequest.of(QueryMix.ALL.get((int) ((n++ + offset) % QueryMix.ALL.size())).cuepoint()));
          }
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
        count.addAndGet(n);
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return cpu.get() / (double) count.get();
  }

  private static void http(SearchIndex index, int rounds) throws Exception {
    VideoSource none = VideoSource.of(id -> Optional.empty(), List::of);
    RateLimiter.Limit unlimited = new RateLimiter.Limit(1e9, 1_000_000_000);
    Path web = Path.of("web");
    try (WebServer on = new WebServer(index, new SearchService(index), none, new WebServer.Settings("127.0.0.1", 0, web),
            new WebServer.Operations(null, null, () -> null, false, unlimited, 0,
                new Metrics(Metrics.Access.PUBLIC, null, 10_000))).start();
        WebServer off = new WebServer(index, new SearchService(index), none, new WebServer.Settings("127.0.0.1", 0, web),
            new WebServer.Operations(null, null, () -> null, false, unlimited, 0, null)).start()) {
      HttpClient client = HttpClient.newHttpClient();
      load(client, on, 1.5); // warm up both
      load(client, off, 1.5);
      double[] ratios = new double[rounds];
      double[] onCpu = new double[rounds];
      double[] offCpu = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        // alternate which goes first, so a drift in the shared machine's load falls on both
        boolean onFirst = r % 2 == 0;
        double a = load(client, onFirst ? on : off, 2.0);
        double b = load(client, onFirst ? off : on, 2.0);
        onCpu[r] = onFirst ? a : b;
        offCpu[r] = onFirst ? b : a;
        ratios[r] = onCpu[r] / offCpu[r];
      }
      Arrays.sort(ratios);
      Arrays.sort(onCpu);
      Arrays.sort(offCpu);
      System.out.printf("HTTP, %d threads, %d rounds of 2 s each way: process CPU per search %.0f µs with metrics,"
          + " %.0f µs without (medians); median ratio %.4f (min %.4f, max %.4f)%n", THREADS, rounds,
          onCpu[rounds / 2] / 1e3, offCpu[rounds / 2] / 1e3, ratios[rounds / 2], ratios[0], ratios[rounds - 1]);
      String scraped = Http.get(client, on.url() + "metrics");
      String line = scraped.lines().filter(l -> l.startsWith("cuepoint_search_requests_total{mode=\"keyword\",outcome=\"ok\"}"))
          .findFirst().orElse("(no count)");
      System.out.println("the metrics server counted: " + line);
    }
  }

  /** Runs 8 clients against a server for a while; returns the process CPU nanoseconds per request. */
  private static double load(HttpClient client, WebServer server, double seconds) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong count = new AtomicLong();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long cpu0 = os.getProcessCpuTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      threads.add(Thread.ofPlatform().start(() -> {
        long n = 0;
        while (System.nanoTime() < end) {
          String q = QueryMix.ALL.get((int) ((n++ + offset) % QueryMix.ALL.size())).cuepoint();
          Http.get(client, server.url() + "api/search?mode=keyword&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        count.addAndGet(n);
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    return (os.getProcessCpuTime() - cpu0) / (double) count.get();
  }

  private static final class Http {
    static String get(HttpClient client, String url) {
      try {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
