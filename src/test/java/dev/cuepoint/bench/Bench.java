package dev.cuepoint.bench;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.cli.Main;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark run of issue 7, one command: {@code ./mvnw -Pbench verify} (sizes and durations via
 * {@code -Dbench.args="…"}, see {@link Options}). For each corpus size it builds the corpus, indexes
 * it with Cuepoint and with SQLite FTS5, and measures both side by side in this run, then writes
 * {@code report.md}, {@code results.json} and PNG plots to the output folder.
 */
public final class Bench {
  /**
   * What to run.
   *
   * @param sizes corpus sizes in videos; the number of real videos (135) means the real corpus itself
   * @param out where the report goes
   * @param work where corpora and indexes are built (reused with {@code reuse})
   * @param reps repetitions of every load run and of parsing; medians are reported
   * @param seconds length of each load run
   * @param jmhForks JMH forks per benchmark (0 runs JMH in this JVM, for the smoke test)
   * @param jmhIterationMs length of each JMH warm-up and measurement iteration
   * @param javaHttp use the Java HTTP driver even when wrk is installed
   * @param reuse keep corpora and indexes already built in {@code work} (query-side work only)
   */
  record Options(List<Integer> sizes, Path out, Path work, Path realRoot, int reps, double seconds,
      int jmhForks, int jmhIterationMs, boolean javaHttp, boolean reuse, List<Integer> concurrency) {

    static Options parse(String[] args) {
      List<Integer> sizes = List.of(135, 1000, 10_000);
      Path out = Path.of("target", "bench-report");
      Path work = Path.of("target", "bench");
      Path real = RealVideos.DEFAULT_ROOT;
      int reps = 3, forks = 1, iterMs = 1000;
      double seconds = 5;
      boolean javaHttp = false, reuse = false;
      List<Integer> conc = List.of(1, 8, 32);
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--sizes" -> sizes = ints(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--work" -> work = Path.of(args[++i]);
          case "--data3b1b" -> real = Path.of(args[++i]);
          case "--reps" -> reps = Integer.parseInt(args[++i]);
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--jmh-forks" -> forks = Integer.parseInt(args[++i]);
          case "--jmh-iteration-ms" -> iterMs = Integer.parseInt(args[++i]);
          case "--concurrency" -> conc = ints(args[++i]);
          case "--java-http" -> javaHttp = true;
          case "--reuse" -> reuse = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --sizes 135,1000,10000"
              + " --out DIR --work DIR --data3b1b DIR --reps N --seconds S --jmh-forks N --jmh-iteration-ms MS"
              + " --concurrency 1,8,32 --java-http --reuse");
        }
      }
      return new Options(sizes, out, work, real, reps, seconds, forks, iterMs, javaHttp, reuse, conc);
    }

    private static List<Integer> ints(String csv) {
      return Stream.of(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }
  }

  /** Everything measured on one corpus. Times in seconds, latencies in milliseconds, sizes in bytes. */
  static final class SizeResult {
    int videos;
    boolean real;
    CorpusMaker.Written corpus;
    double parseS;
    double parallelParseS;
    double importS;
    double indexS;
    long cuepointPeakHeap;
    long luceneBytes;
    long corpusJsonBytes;
    double ftsS;
    long ftsPeakHeap;
    long ftsBytes;
    /** kind → {p50, p95, p99} in ms, from JMH. */
    final Map<String, double[]> jmhCuepoint = new LinkedHashMap<>();
    final Map<String, double[]> jmhFts = new LinkedHashMap<>();
    final Map<Integer, Latencies> inCuepoint = new TreeMap<>();
    final Map<Integer, Latencies> inFts = new TreeMap<>();
    final Map<Integer, Latencies> httpSearch = new TreeMap<>();
    final Map<Integer, Latencies> httpNoop = new TreeMap<>();
    /** HTTP search with the server's default settings: its response cache on. */
    final Map<Integer, Latencies> httpCached = new TreeMap<>();
    double firstAnswerMs = Double.NaN;
    String notes = "";

    double indexTotalS() {
      return importS + indexS;
    }
  }

  private final Options options;
  private final List<SizeResult> results = new ArrayList<>();
  private String httpTool = "";
  private String sqliteVersion = "";

  Bench(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("new-searches")) { // issue 21's load: see NewSearches
      NewSearches.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      System.exit(0);
    }
    Options o = Options.parse(args);
    Path report = new Bench(o).run();
    System.out.println("benchmark report: " + report.toAbsolutePath());
    System.exit(0); // JMH and the HTTP client leave non-daemon threads behind
  }

  /** Runs everything; returns the report file. */
  Path run() throws Exception {
    long t0 = System.nanoTime();
    // 'cuepoint index' runs in this JVM: without this it would also embed every passage for semantic
    // search (hours at 10,000 videos), which is not the keyword indexing FTS5 is compared with
    System.setProperty("cuepoint.embedder", "none");
    sqliteVersion = Fts5.version();
    log("SQLite %s with FTS5; loading the real captions from %s", sqliteVersion, options.realRoot().toAbsolutePath().normalize());
    RealVideos real = RealVideos.load(options.realRoot());
    Files.createDirectories(options.work());
    Files.createDirectories(options.out());
    for (int size : options.sizes()) {
      results.add(measure(real, size));
      writeReport(); // after every size, so a long run leaves a report even if stopped
    }
    log("done in %.1f min", (System.nanoTime() - t0) / 60e9);
    return options.out().resolve("report.md");
  }

  private SizeResult measure(RealVideos real, int size) throws Exception {
    SizeResult r = new SizeResult();
    r.videos = size;
    r.real = size == real.videos().size();
    Path dir = options.work().resolve((r.real ? "real-" : "remix-") + size);
    Path captions = dir.resolve("ytdlp");
    Path data = dir.resolve("data");
    Path db = dir.resolve("fts5.db");
    boolean built = options.reuse() && Files.exists(dir.resolve("built"));
    if (!built) {
      deleteTree(dir);
      log("[%d] writing the corpus", size);
      CorpusMaker maker = new CorpusMaker(real);
      r.corpus = r.real ? maker.writeReal(captions) : maker.writeRecombined(captions, size);
    } else {
      r.corpus = recount(captions);
    }
    List<Path> files = r.corpus.captionFiles();

    // the floor for indexing: parse every caption file, nothing else; on one thread, and on as many
    // threads as the importer uses (it parses on every core)
    List<Double> parses = new ArrayList<>(), parallel = new ArrayList<>();
    for (int i = 0; i < options.reps(); i++) {
      parses.add(timed(() -> checkCues(r, parse(files, 1))));
      parallel.add(timed(() -> checkCues(r, parse(files, PARSE_THREADS))));
    }
    r.parseS = Latencies.med(parses.stream().mapToDouble(d -> d).toArray());
    r.parallelParseS = Latencies.med(parallel.stream().mapToDouble(d -> d).toArray());
    log("[%d] parse only: %.2f s on one thread, %.2f s on %d (medians of %d)", size, r.parseS, r.parallelParseS,
        PARSE_THREADS, parses.size());

    if (!built) {
      HeapPeak heap = new HeapPeak();
      r.importS = timed(() -> cli("import", captions.toString(), "--no-index", "--data", data.toString()));
      r.indexS = timed(() -> cli("index", "--data", data.toString()));
      r.cuepointPeakHeap = heap.stop();
      log("[%d] Cuepoint import %.2f s + index %.2f s, peak heap %d MB", size, r.importS, r.indexS, r.cuepointPeakHeap >> 20);
      heap = new HeapPeak();
      r.ftsS = timed(() -> Fts5.build(db, files));
      r.ftsPeakHeap = heap.stop();
      log("[%d] FTS5 parse + insert %.2f s", size, r.ftsS);
      Files.writeString(dir.resolve("built"), String.format("%f %f %f %d %d%n", r.importS, r.indexS, r.ftsS,
          r.cuepointPeakHeap, r.ftsPeakHeap));
    } else {
      String[] t = Files.readString(dir.resolve("built")).strip().split(" ");
      r.importS = Double.parseDouble(t[0]);
      r.indexS = Double.parseDouble(t[1]);
      r.ftsS = Double.parseDouble(t[2]);
      r.cuepointPeakHeap = Long.parseLong(t[3]);
      r.ftsPeakHeap = Long.parseLong(t[4]);
      r.notes = "indexing figures from an earlier build (--reuse)";
    }
    r.luceneBytes = sizeOf(data.resolve("lucene"));
    r.corpusJsonBytes = sizeOf(data.resolve("corpus"));
    r.ftsBytes = sizeOf(db);

    jmh(dir, r);
    inProcess(data, db, r);
    http(data, r, dir);
    return r;
  }

  /** Threads of the parallel parse floor: as many as the importer parses on. */
  static final int PARSE_THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);

  /** Parses every file on {@code threads} threads, keeping nothing; returns the cues seen. */
  private static long parse(List<Path> files, int threads) throws Exception {
    java.util.concurrent.atomic.AtomicLong cues = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        Captions c = Captions.standard();
        try {
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            cues.addAndGet(c.read(files.get(i)).cues().size());
          }
        } catch (Exception e) {
          failed.compareAndSet(null, e);
        }
      }));
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    return cues.get();
  }

  private static void checkCues(SizeResult r, long cues) {
    if (cues != r.corpus.cues()) {
      throw new IllegalStateException("parsed " + cues + " cues, wrote " + r.corpus.cues());
    }
  }

  // ---------------------------------------------------------------- in-process latency

  private void jmh(Path dir, SizeResult r) throws Exception {
    for (String engine : List.of("cuepoint", "fts5")) {
      List<String> kinds = new ArrayList<>();
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        if (engine.equals("cuepoint") || QueryMix.of(k).stream().anyMatch(q -> q.fts5() != null)) {
          kinds.add(k.name());
        }
      }
      ChainedOptionsBuilder b = new OptionsBuilder()
          .include(SearchBenchmark.class.getName() + ".search")
          .param("dir", dir.toAbsolutePath().toString())
          .param("engine", engine)
          .param("kind", kinds.toArray(String[]::new))
          .forks(options.jmhForks())
          .warmupIterations(2)
          .warmupTime(TimeValue.milliseconds(options.jmhIterationMs()))
          .measurementIterations(3)
          .measurementTime(TimeValue.milliseconds(options.jmhIterationMs()))
          .jvmArgs("-Xmx2g", "--enable-native-access=ALL-UNNAMED")
          .shouldFailOnError(true)
          .verbosity(options.jmhForks() == 0 ? VerboseMode.SILENT : VerboseMode.NORMAL);
      for (RunResult rr : new Runner(b.build()).run()) {
        var stats = rr.getPrimaryResult().getStatistics();
        double[] p = {stats.getPercentile(50) / 1000, stats.getPercentile(95) / 1000, stats.getPercentile(99) / 1000};
        (engine.equals("cuepoint") ? r.jmhCuepoint : r.jmhFts).put(rr.getParams().getParam("kind"), p);
      }
    }
    log("[%d] JMH p50 ms: Cuepoint %s; FTS5 %s", r.videos, p50s(r.jmhCuepoint), p50s(r.jmhFts));
  }

  private static String p50s(Map<String, double[]> m) {
    StringBuilder s = new StringBuilder();
    m.forEach((k, v) -> s.append(k).append('=').append(String.format("%.2f", v[0])).append(' '));
    return s.toString().strip();
  }

  private void inProcess(Path data, Path db, SizeResult r) throws Exception {
    List<QueryMix.Query> all = QueryMix.ALL;
    List<QueryMix.Query> fts = QueryMix.fts5();
    try (SearchIndex index = SearchIndex.openReadOnly(data.resolve("lucene"))) {
      SearchService service = new SearchService(index);
      InProcessLoad.WorkerFactory cuepoint = () -> i -> service.search(SearchRequest.of(all.get(i % all.size()).cuepoint()));
      InProcessLoad.WorkerFactory sqlite = () -> {
        Fts5 f = Fts5.open(db);
        return new InProcessLoad.Worker() {
          @Override
          public void run(int i) throws Exception {
            f.search(fts.get(i % fts.size()).fts5());
          }

          @Override
          public void close() throws Exception {
            f.close();
          }
        };
      };
      InProcessLoad.run(cuepoint, 2, Math.min(3, options.seconds())); // warm-up
      InProcessLoad.run(sqlite, 2, Math.min(3, options.seconds()));
      for (int c : options.concurrency()) {
        List<Latencies> a = new ArrayList<>(), b = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
          a.add(InProcessLoad.run(cuepoint, c, options.seconds()));
          b.add(InProcessLoad.run(sqlite, c, options.seconds()));
        }
        r.inCuepoint.put(c, Latencies.median(a));
        r.inFts.put(c, Latencies.median(b));
        log("[%d] in-process c=%d: Cuepoint p50 %.2f p99 %.2f ms %.0f/s; FTS5 p50 %.2f p99 %.2f ms %.0f/s", r.videos, c,
            r.inCuepoint.get(c).p50(), r.inCuepoint.get(c).p99(), r.inCuepoint.get(c).perSecond(),
            r.inFts.get(c).p50(), r.inFts.get(c).p99(), r.inFts.get(c).perSecond());
      }
    }
  }

  // ---------------------------------------------------------------- HTTP

  /** The search mix as API paths, and the no-op endpoint: {@code /healthz}. */
  static List<String> searchPaths() {
    return QueryMix.ALL.stream()
        .map(q -> "/api/search?q=" + URLEncoder.encode(q.cuepoint(), StandardCharsets.UTF_8))
        .toList();
  }

  static final List<String> NOOP = List.of("/healthz");

  private void http(Path data, SizeResult r, Path dir) throws Exception {
    List<Double> starts = new ArrayList<>();
    Server server = null;
    for (int rep = 0; rep < options.reps(); rep++) {
      if (server != null) {
        server.close();
      }
      server = Server.start(data, dir.resolve("serve.log"), false);
      starts.add(server.firstAnswerMs);
    }
    r.firstAnswerMs = Latencies.med(starts.stream().mapToDouble(d -> d).toArray());
    log("[%d] start to first answered search: %.0f ms (median of %d)", r.videos, r.firstAnswerMs, starts.size());
    try (Server s = server) {
      HttpLoad load = new HttpLoad(s.baseUrl, dir, options.javaHttp());
      httpTool = load.tool();
      load.run(searchPaths(), 8, Math.max(1, Math.min(5, options.seconds()))); // warm-up
      load.run(NOOP, 8, 1);
      for (int c : options.concurrency()) {
        List<Latencies> a = new ArrayList<>(), b = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
          a.add(load.run(searchPaths(), c, options.seconds()));
          b.add(load.run(NOOP, c, options.seconds()));
        }
        r.httpSearch.put(c, Latencies.median(a));
        r.httpNoop.put(c, Latencies.median(b));
        log("[%d] HTTP c=%d: search p50 %.2f p95 %.2f p99 %.2f ms %.0f/s (%d errors); /healthz p50 %.2f p99 %.2f ms", r.videos, c,
            r.httpSearch.get(c).p50(), r.httpSearch.get(c).p95(), r.httpSearch.get(c).p99(), r.httpSearch.get(c).perSecond(),
            r.httpSearch.get(c).errors(), r.httpNoop.get(c).p50(), r.httpNoop.get(c).p99());
      }
    }
    // the default settings: the same mix answered by a server with its response cache on
    try (Server s = Server.start(data, dir.resolve("serve-cached.log"), true)) {
      HttpLoad load = new HttpLoad(s.baseUrl, dir, options.javaHttp());
      load.run(searchPaths(), 8, 1); // warm-up
      for (int c : options.concurrency()) {
        List<Latencies> a = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
          a.add(load.run(searchPaths(), c, options.seconds()));
        }
        r.httpCached.put(c, Latencies.median(a));
        log("[%d] HTTP c=%d, response cache on: search p50 %.2f p95 %.2f p99 %.2f ms %.0f/s (%d errors)", r.videos, c,
            r.httpCached.get(c).p50(), r.httpCached.get(c).p95(), r.httpCached.get(c).p99(),
            r.httpCached.get(c).perSecond(), r.httpCached.get(c).errors());
      }
    }
  }

  /** {@code cuepoint serve} in its own JVM, started as the launcher starts it. */
  static final class Server implements AutoCloseable {
    final Process process;
    final String baseUrl;
    final double firstAnswerMs;

    private Server(Process process, String baseUrl, double firstAnswerMs) {
      this.process = process;
      this.baseUrl = baseUrl;
      this.firstAnswerMs = firstAnswerMs;
    }

    /** @param cache whether the response cache is on (the default) or off ({@code searchCache: 0}) */
    static Server start(Path data, Path log, boolean cache) throws Exception {
      return start(data, log, cache, List.of());
    }

    /** @param jvm options for the server's JVM (a flight recording, say), before the main class */
    static Server start(Path data, Path log, boolean cache, List<String> jvm) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Dcuepoint.home=."));
      cmd.addAll(jvm);
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "serve", "--data", data.toString(), "--port", Integer.toString(port), "--no-sample", "--web", "web",
          "--no-access-log"));
      long t0 = System.nanoTime();
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      // the load comes from one address: the per-client rate limit would answer most of it with 429;
      // and the keyword benchmark must not share the cores with background passage embedding
      pb.environment().put("CUEPOINT_RATE_LIMIT", "1000000");
      pb.environment().put("CUEPOINT_RATE_LIMIT_BURST", "1000000");
      pb.environment().put("CUEPOINT_EMBEDDER", "none");
      if (!cache) {
        pb.environment().put("CUEPOINT_SEARCH_CACHE", "0");
      }
      Process p = pb.start();
      String base = "http://127.0.0.1:" + port;
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest first = HttpRequest.newBuilder(URI.create(base + "/api/search?q=derivative")).build();
      while (true) {
        if (!p.isAlive()) {
          throw new IOException("cuepoint serve exited with " + p.exitValue() + "; see " + log);
        }
        try {
          if (client.send(first, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
          p.destroyForcibly();
          throw new IOException("cuepoint serve gave no answer in 10 minutes; see " + log);
        }
        Thread.sleep(5);
      }
      return new Server(p, base, (System.nanoTime() - t0) / 1e6);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  interface Task {
    void run() throws Exception;
  }

  private static double timed(Task t) throws Exception {
    long t0 = System.nanoTime();
    t.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Runs a cuepoint command in this JVM; a non-zero status is an error with what it printed. */
  static void cli(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    if (status != 0) {
      throw new IllegalStateException("cuepoint " + String.join(" ", args) + " failed (" + status + "): " + out + err);
    }
  }

  /** The heap in use, sampled every 10 ms from creation to {@link #stop()}: its maximum. */
  static final class HeapPeak {
    private volatile boolean running = true;
    private volatile long max;
    private final Thread thread;

    HeapPeak() {
      System.gc();
      var memory = ManagementFactory.getMemoryMXBean();
      thread = new Thread(() -> {
        while (running) {
          max = Math.max(max, memory.getHeapMemoryUsage().getUsed());
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      thread.setDaemon(true);
      thread.start();
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      return max;
    }
  }

  private static CorpusMaker.Written recount(Path captions) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(captions)) {
      files = s.filter(f -> f.toString().endsWith(".srt")).sorted().toList();
    }
    Captions c = Captions.standard();
    long cues = 0, words = 0, bytes = 0, text = 0;
    for (Path f : files) {
      bytes += Files.size(f);
      for (var cue : c.read(f).cues()) {
        cues++;
        words += cue.text().split(" ").length;
        text += cue.text().getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return new CorpusMaker.Written(captions, files, files.size(), cues, words, bytes, text);
  }

  static long sizeOf(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void log(String format, Object... args) {
    System.out.printf("bench: " + format + "%n", args);
    System.out.flush();
  }

  private void writeReport() throws IOException {
    new Report(options, results, httpTool, sqliteVersion).write(options.out());
  }
}
