package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.EmbeddingCache;
import dev.cuepoint.index.OnnxEmbedder;
import dev.cuepoint.index.Passage;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.Passages;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.web.RateLimiter;
import dev.cuepoint.web.VideoSource;
import dev.cuepoint.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Hybrid, semantic and keyword latency at 10,000 videos (issue 10), one command:
 *
 * <pre>
 * ./mvnw -o -Pbench-hybrid verify -Dhybrid.args="--reuse"
 * </pre>
 *
 * <p>Builds (or with {@code --reuse} keeps) the recombined corpus and its keyword index exactly as
 * {@link Bench} does, in the same folder ({@code target/bench/remix-10000}); embeds the passages of the
 * 135 real videos with the real model through the real {@link PassageIndex} and its cache; then writes a
 * passage index of the recombined corpus with every passage it really has (cut by {@link Passages}),
 * whose vectors are the real ones where a passage's text is a real passage's and otherwise SYNTHETIC
 * (see {@link SyntheticVectors}), stored under the labelled model id {@code …+synthetic}. Queries then
 * take the real path: the real MiniLM embedder embeds each query, {@link ModeSearch} runs keyword,
 * semantic and hybrid search over the real indexes, in process at 1 and 8 threads and over HTTP.
 * Writes {@code hybrid.md} to the output folder.
 */
public final class HybridLatency {
  /**
   * What to run.
   *
   * @param videos recombined corpus size
   * @param realVideos use only the first this many real videos (0: all; the smoke test uses a few)
   * @param sample recombined passages embedded for real: embedding throughput, and the fit of the noise
   * @param http also measure hybrid search over HTTP
   * @param searches what to time, of {@link #SEARCHES}
   */
  record Options(int videos, Path out, Path work, Path realRoot, int realVideos, int reps, double seconds,
      List<Integer> threads, int sample, boolean reuse, boolean http, List<String> searches) {

    static Options parse(String[] args) {
      int videos = 10_000, realVideos = 0, reps = 3, sample = 256;
      Path out = Path.of("target", "bench-report"), work = Path.of("target", "bench");
      Path real = RealVideos.DEFAULT_ROOT;
      double seconds = 10;
      List<Integer> threads = List.of(1, 8);
      boolean reuse = false, http = true;
      List<String> searches = SEARCHES;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--videos" -> videos = Integer.parseInt(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--work" -> work = Path.of(args[++i]);
          case "--data3b1b" -> real = Path.of(args[++i]);
          case "--reps" -> reps = Integer.parseInt(args[++i]);
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--threads" -> threads = Stream.of(args[++i].split(",")).map(String::strip).map(Integer::parseInt).toList();
          case "--sample" -> sample = Integer.parseInt(args[++i]);
          case "--real-videos" -> realVideos = Integer.parseInt(args[++i]);
          case "--reuse" -> reuse = true;
          case "--no-http" -> http = false;
          case "--searches" -> searches = List.of(args[++i].split(","));
          default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --videos 10000"
              + " --out DIR --work DIR --data3b1b DIR --reps N --seconds S --threads 1,8 --sample N --real-videos N --reuse --no-http --searches " + String.join(",", SEARCHES));
        }
      }
      return new Options(videos, out, work, real, realVideos, reps, seconds, threads, sample, reuse, http, searches);
    }
  }

  /**
   * The searches timed: the three modes, and "keyword-part", the keyword search hybrid search runs
   * inside (as {@code HybridSearch} asks for it: {@code KEYWORD_VIDEOS} videos, {@code KEYWORD_MOMENTS} moments each).
   */
  static final List<String> SEARCHES = List.of("hybrid", "semantic", "keyword", "keyword-part");

  /**
   * Also known: "hybrid-vectors-ready", hybrid search whose query vectors the real model computed
   * before the timed run (kept in a map), so the timed path is the same minus the model call: what the
   * model's run costs the rest of the search (profiling, not in the default list).
   */
  static final String VECTORS_READY = "hybrid-vectors-ready";

  /** The real embedder, counting the texts it embeds and timing each call (the queries' embedding cost). */
  static class Counting implements Embedder {
    final Embedder real;
    final AtomicLong calls = new AtomicLong();
    private final List<Long> nanos = new ArrayList<>();

    Counting(Embedder real) {
      this.real = real;
    }

    @Override
    public String id() {
      return real.id();
    }

    @Override
    public int dimensions() {
      return real.dimensions();
    }

    @Override
    public boolean handles(String language) {
      return real.handles(language);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      long t0 = System.nanoTime();
      List<float[]> out = real.embed(texts);
      long took = System.nanoTime() - t0;
      calls.addAndGet(texts.size());
      synchronized (nanos) {
        nanos.add(took);
      }
      return out;
    }

    /** Per-call times since the last reset, and resets. */
    long[] drain() {
      synchronized (nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).toArray();
        nanos.clear();
        calls.set(0);
        return a;
      }
    }
  }

  /** One mode at one concurrency: latencies, and how many of its queries ran the model. */
  record Run(String mode, int threads, Latencies latencies, long embedded, double embedP50Ms) {}

  private final Options options;
  private final Embedder model;
  private final Map<String, Object> facts = new LinkedHashMap<>();
  private final List<Run> runs = new ArrayList<>();
  private final Map<SyntheticVectors.Kind, Long> kinds = new EnumMap<>(SyntheticVectors.Kind.class);

  /** @param model the real model (MiniLM); the smoke test passes a fast fake */
  HybridLatency(Options options, Embedder model) {
    this.options = options;
    this.model = model;
  }

  public static void main(String[] args) throws Exception {
    Path report = new HybridLatency(Options.parse(args), new OnnxEmbedder()).run();
    System.out.println("hybrid latency report: " + report.toAbsolutePath());
    System.exit(0); // the HTTP server and load threads
  }

  /** What was measured, in the order run (for the smoke test). */
  List<Run> runs() {
    return List.copyOf(runs);
  }

  Map<SyntheticVectors.Kind, Long> kinds() {
    return Map.copyOf(kinds);
  }

  Path run() throws Exception {
    long t0 = System.nanoTime();
    fact("machine", Runtime.getRuntime().availableProcessors() + " cores, load average at start "
        + String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
        + ", Java " + Runtime.version() + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    RealVideos real = RealVideos.load(options.realRoot());
    if (options.realVideos() > 0) {
      real = new RealVideos(real.root(), real.videos().subList(0, Math.min(options.realVideos(), real.videos().size())));
    }
    Files.createDirectories(options.work());
    Files.createDirectories(options.out());

    Path remix = options.work().resolve("remix-" + options.videos());
    Path data = remix.resolve("data");
    keywordIndex(real, remix, data);
    SyntheticVectors.Builder realVectors = realVectors(real);
    SyntheticVectors synthetic = calibrate(realVectors, data);
    Path vectors = remix.resolve("synthetic-vectors");
    passageIndex(synthetic, data, vectors);
    queries(data, vectors);
    fact("total time", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - t0) / 60e9));
    fact("load average at end", String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    Path report = options.out().resolve("hybrid.md");
    Files.writeString(report, report());
    return report;
  }

  // ---------------------------------------------------------------- the keyword corpus (as Bench builds it)

  private void keywordIndex(RealVideos real, Path remix, Path data) throws Exception {
    boolean built = options.reuse() && (Files.exists(remix.resolve("built")) || Files.exists(remix.resolve("keyword-built")));
    if (built) {
      log("[%d] reusing the corpus and keyword index in %s", options.videos(), remix);
      fact("keyword index", "reused from an earlier build (" + remix + ")");
    } else {
      Bench.deleteTree(remix);
      log("[%d] writing the recombined corpus", options.videos());
      CorpusMaker.Written w = new CorpusMaker(real).writeRecombined(remix.resolve("ytdlp"), options.videos());
      long t = System.nanoTime();
      Bench.cli("import", remix.resolve("ytdlp").toString(), "--no-index", "--data", data.toString());
      withoutEmbeddings(() -> Bench.cli("index", "--data", data.toString()));
      double s = (System.nanoTime() - t) / 1e9;
      Files.writeString(remix.resolve("keyword-built"), String.format(Locale.ROOT, "%d %d %.1f%n", w.videos(), w.cues(), s));
      fact("keyword index", String.format(Locale.ROOT, "built in this run: %d videos, %,d cues, import + index %.1f s",
          w.videos(), w.cues(), s));
    }
    fact("keyword index size", mb(Bench.sizeOf(data.resolve("lucene"))));
  }

  // ---------------------------------------------------------------- real vectors of the real videos

  /** Imports the real videos and embeds their passages with the real model, through the real PassageIndex and cache. */
  private SyntheticVectors.Builder realVectors(RealVideos real) throws Exception {
    Path dir = options.work().resolve("hybrid-real-" + real.videos().size());
    Path data = dir.resolve("data");
    if (!Files.exists(dir.resolve("imported"))) {
      Bench.deleteTree(dir);
      new CorpusMaker(real).writeReal(dir.resolve("ytdlp"));
      Bench.cli("import", dir.resolve("ytdlp").toString(), "--no-index", "--data", data.toString());
      Files.writeString(dir.resolve("imported"), "");
    }
    CorpusStore store = new CorpusStore(data);
    PassageSyncResult r;
    try (PassageIndex index = PassageIndex.open(data.resolve("vectors"), model)) {
      r = index.sync(CorpusSnapshot.of(store), false, Bench::log, null);
    }
    log("real passages: %s", r.summary());
    if (r.embedded() > 0) {
      fact("real embedding, whole real corpus", String.format(Locale.ROOT,
          "%,d passages embedded in %.1f s: %.1f passages/s (through PassageIndex.sync, index writes included)",
          r.embedded(), r.tookMs() / 1000.0, r.embedded() * 1000.0 / Math.max(1, r.tookMs())));
    }
    SyntheticVectors.Builder b = new SyntheticVectors.Builder(model.dimensions());
    try (EmbeddingCache cache = EmbeddingCache.open(data.resolve("vectors"), model)) {
      for (String id : store.ids()) {
        Video v = store.read(id).orElseThrow();
        for (Transcript t : PassageIndex.embeddable(v, model)) {
          List<Passage> ps = Passages.of(t.cues());
          List<float[]> vs = new ArrayList<>();
          for (Passage p : ps) {
            float[] vec = cache.get(EmbeddingCache.Hash.of(p.text()));
            if (vec == null) {
              throw new IllegalStateException("real passage of " + id + " has no cached vector after sync");
            }
            vs.add(vec);
          }
          b.add(t.cues(), ps, vs);
        }
      }
    }
    return b;
  }

  // ---------------------------------------------------------------- how far real vectors sit from the mixtures

  /**
   * Embeds a fixed sample of recombined passages for real: the embedding throughput of this run, and
   * the cosine between real vectors and their mixtures that fixes the synthetic noise.
   */
  private SyntheticVectors calibrate(SyntheticVectors.Builder b, Path data) throws IOException {
    SyntheticVectors noiseless = b.build(0);
    CorpusStore store = new CorpusStore(data);
    List<String> ids = store.ids().stream().sorted().toList();
    List<Passage> sample = new ArrayList<>();
    List<List<Cue>> sampleCues = new ArrayList<>();
    int step = Math.max(1, ids.size() / Math.max(1, options.sample()));
    for (int i = 0; i < ids.size() && sample.size() < options.sample(); i += step) {
      Video v = store.read(ids.get(i)).orElseThrow();
      for (Transcript t : PassageIndex.embeddable(v, model)) {
        List<Passage> ps = Passages.of(t.cues());
        if (!ps.isEmpty()) {
          Passage p = ps.get(ps.size() / 2);
          sample.add(p);
          sampleCues.add(SyntheticVectors.cuesOf(t.cues(), p));
          break;
        }
      }
    }
    model.embed(List.of("warm up the model")); // its first call loads it
    long t0 = System.nanoTime();
    List<float[]> real = new ArrayList<>();
    for (int i = 0; i < sample.size(); i += 32) { // batches of 32, as PassageIndex embeds about a video at a time
      real.addAll(model.embed(sample.subList(i, Math.min(sample.size(), i + 32)).stream().map(Passage::text).toList()));
    }
    double s = (System.nanoTime() - t0) / 1e9;
    fact("real embedding throughput", String.format(Locale.ROOT, "%d recombined passages in %.1f s: %.1f passages/s",
        sample.size(), s, sample.size() / s));
    double toMix = 0;
    int n = 0;
    for (int i = 0; i < sample.size(); i++) {
      float[] mix = noiseless.mixture(sampleCues.get(i));
      if (mix != null) {
        toMix += SyntheticVectors.dot(real.get(i), mix);
        n++;
      }
    }
    double meanToMix = toMix / Math.max(1, n);
    SyntheticVectors synthetic = b.build(SyntheticVectors.noiseFor(meanToMix));
    double toSynthetic = 0, toOther = 0;
    for (int i = 0; i < sample.size(); i++) {
      toSynthetic += SyntheticVectors.dot(real.get(i), synthetic.of(sample.get(i), sampleCues.get(i)).values());
      int j = (i + sample.size() / 2) % sample.size();
      toOther += SyntheticVectors.dot(real.get(i), synthetic.of(sample.get(j), sampleCues.get(j)).values());
    }
    fact("synthetic fit", String.format(Locale.ROOT, "over %d recombined passages embedded for real: mean cosine real·mixture"
        + " %.3f → noise %.2f × the mixture's length; mean cosine real·synthetic %.3f (real·another passage's synthetic %.3f)",
        sample.size(), meanToMix, synthetic.noise(), toSynthetic / sample.size(), toOther / sample.size()));
    return synthetic;
  }

  // ---------------------------------------------------------------- the passage index of the recombined corpus

  private void passageIndex(SyntheticVectors synthetic, Path data, Path vectors) throws IOException {
    Path marker = vectors.resolve("built");
    PrecomputedVectors labelled = new PrecomputedVectors(model);
    if (options.reuse() && Files.exists(marker)) {
      log("reusing the passage index in %s", vectors);
      String[] t = Files.readString(marker).strip().split(" ");
      kinds.put(SyntheticVectors.Kind.REAL, Long.parseLong(t[0]));
      kinds.put(SyntheticVectors.Kind.MIXED, Long.parseLong(t[1]));
      kinds.put(SyntheticVectors.Kind.RANDOM, Long.parseLong(t[2]));
      fact("passage index build", "reused from an earlier build: " + t[3] + " s write + HNSW build (sync and close)");
    } else {
      Bench.deleteTree(vectors);
      CorpusStore store = new CorpusStore(data);
      long t0 = System.nanoTime();
      try (EmbeddingCache cache = EmbeddingCache.open(vectors, labelled)) {
        for (String id : store.ids()) {
          Video v = store.read(id).orElseThrow();
          for (Transcript t : PassageIndex.embeddable(v, labelled)) {
            for (Passage p : Passages.of(t.cues())) {
              SyntheticVectors.Vector vec = synthetic.of(p, SyntheticVectors.cuesOf(t.cues(), p));
              cache.put(EmbeddingCache.Hash.of(p.text()), vec.values());
              kinds.merge(vec.kind(), 1L, Long::sum);
            }
          }
        }
        cache.flush();
      }
      log("vectors made in %.1f s: %s", (System.nanoTime() - t0) / 1e9, kinds);
      long t1 = System.nanoTime();
      PassageSyncResult r;
      try (PassageIndex index = PassageIndex.open(vectors, labelled)) {
        r = index.sync(CorpusSnapshot.of(store), false, Bench::log, null);
      } // close waits for the merges, which rebuild graphs
      double s = (System.nanoTime() - t1) / 1e9;
      if (r.embedded() != 0 || !r.failures().isEmpty()) {
        throw new IllegalStateException("the passage index should take every vector from the cache: " + r.summary());
      }
      Files.writeString(marker, String.format(Locale.ROOT, "%d %d %d %.1f%n", kinds.getOrDefault(SyntheticVectors.Kind.REAL, 0L),
          kinds.getOrDefault(SyntheticVectors.Kind.MIXED, 0L), kinds.getOrDefault(SyntheticVectors.Kind.RANDOM, 0L), s));
      fact("passage index build", String.format(Locale.ROOT,
          "%.1f s to write %,d passages of %,d videos with their vectors and build the HNSW graphs (PassageIndex.sync, then close, which waits for merges)",
          s, r.passages(), r.added()));
    }
    long luceneBytes = Bench.sizeOf(vectors.resolve("lucene"));
    long all = Bench.sizeOf(vectors);
    try (PassageIndex index = PassageIndex.openReadOnly(vectors)) {
      fact("passages", String.format(Locale.ROOT, "%,d (%,d with the real vector of a real passage of the same text,"
          + " %,d SYNTHETIC mixtures, %,d SYNTHETIC random)", index.passages(),
          kinds.getOrDefault(SyntheticVectors.Kind.REAL, 0L), kinds.getOrDefault(SyntheticVectors.Kind.MIXED, 0L),
          kinds.getOrDefault(SyntheticVectors.Kind.RANDOM, 0L)));
      var searcher = index.acquire();
      try {
        fact("passage index segments", Integer.toString(searcher.getIndexReader().leaves().size()));
      } finally {
        index.release(searcher);
      }
    }
    fact("passage index size", mb(luceneBytes) + " (Lucene: vectors, HNSW graph, stored passages); embedding cache "
        + mb(all - luceneBytes));
  }

  // ---------------------------------------------------------------- queries, the real path

  /** Questions of the evaluation set, each in several spellings the model reads alike, so each is a new query text. */
  static List<String> queryTexts() throws IOException {
    List<String> questions = new ArrayList<>();
    try (InputStream in = HybridLatency.class.getResourceAsStream("/eval/questions.json")) {
      for (JsonNode q : new ObjectMapper().readTree(in)) {
        questions.add(q.get("question").asText());
      }
    }
    List<String> out = new ArrayList<>();
    for (String ending : List.of("", ".", ",")) {
      for (int casing = 0; casing < 3; casing++) {
        for (String q : questions) {
          out.add(cased(q, casing) + ending);
        }
      }
    }
    // a question written with a capital already is the same text in two casings: each text once, so that
    // every timed search embeds its query however many searches a run makes
    return List.copyOf(new java.util.LinkedHashSet<>(out));
  }

  /** 0: as written, 1: first letter capital, 2: every word capitalised (the model is uncased; keyword search too). */
  private static String cased(String q, int casing) {
    return switch (casing) {
      case 0 -> q;
      case 1 -> Character.toUpperCase(q.charAt(0)) + q.substring(1);
      default -> Stream.of(q.split(" ")).map(w -> w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1))
          .reduce((a, c) -> a + " " + c).orElse(q);
    };
  }

  private void queries(Path data, Path vectors) throws Exception {
    List<String> texts = queryTexts();
    Counting embedder = new Counting(model);
    try (SearchIndex index = SearchIndex.openReadOnly(data.resolve("lucene"));
        PassageIndex passages = PassageIndex.openReadOnly(vectors)) {
      SearchService keyword = new SearchService(index);
      ModeSearch modes = ModeSearch.of(index, keyword, passages, embedder);
      // each measured run gets a ModeSearch of its own: SemanticSearch's cache of recent query vectors
      // starts empty, so what the warm-up or an earlier run embedded is embedded again
      java.util.function.Supplier<ModeSearch> fresh = () -> ModeSearch.of(index, keyword, passages, embedder);
      Map<String, float[]> ready = new java.util.concurrent.ConcurrentHashMap<>();
      Embedder fromMap = new Counting(model) {
        @Override
        public List<float[]> embed(List<String> texts) {
          return texts.stream().map(t -> ready.computeIfAbsent(t, x -> model.embed(x))).toList();
        }
      };
      if (options.searches().contains(VECTORS_READY)) {
        ModeSearch filling = ModeSearch.of(index, keyword, passages, fromMap);
        for (String t : texts) {
          filling.search(request("hybrid", t));
        }
      }
      fact("queries", texts.size() + " distinct texts: the questions of the evaluation set,"
          + " each in up to 3 casings × 3 endings (the model is uncased, so each spelling costs a real embedding and"
          + " finds the same passages); first page of 10 videos, 5 moments each");
      // warm-up: every mode, so JIT, page cache and model are warm
      for (SearchRequest.Mode m : SearchRequest.Mode.values()) {
        InProcessLoad.run(workers(modes, texts, m.name().toLowerCase(Locale.ROOT), 2), 2, Math.min(5, options.seconds()));
      }
      embedder.drain();
      for (int threads : options.threads()) {
        for (String m : options.searches()) {
          List<Latencies> reps = new ArrayList<>();
          long embedded = 0;
          List<Long> embedNanos = new ArrayList<>();
          for (int rep = 0; rep < options.reps(); rep++) {
            ModeSearch modesOfRun = m.equals(VECTORS_READY) ? ModeSearch.of(index, keyword, passages, fromMap) : fresh.get();
            reps.add(InProcessLoad.run(workers(modesOfRun, texts, m, threads), threads, options.seconds()));
            embedded += embedder.calls.get();
            for (long x : embedder.drain()) {
              embedNanos.add(x);
            }
          }
          Latencies l = Latencies.median(reps);
          double embedP50 = embedNanos.isEmpty() ? Double.NaN
              : Latencies.of(embedNanos.stream().mapToLong(Long::longValue).toArray(), embedNanos.size(), 1, 0).p50();
          runs.add(new Run(m, threads, l, embedded, embedP50));
          log("%s, %d thread(s): p50 %.1f p95 %.1f p99 %.1f ms, %.1f q/s, %d searches, %d queries embedded (p50 %.1f ms)",
              m, threads, l.p50(), l.p95(), l.p99(), l.perSecond(), l.requests(), embedded, embedP50);
        }
      }
      // the same questions again and again: their vectors stay in SemanticSearch's small cache (paging, repeats)
      List<String> few = texts.subList(0, Math.min(64, texts.size()));
      InProcessLoad.run(workers(modes, few, "hybrid", 1), 1, Math.min(3, options.seconds()));
      embedder.drain();
      List<Latencies> cached = new ArrayList<>();
      for (int rep = 0; rep < options.reps(); rep++) {
        cached.add(InProcessLoad.run(workers(modes, few, "hybrid", 1), 1, options.seconds()));
      }
      runs.add(new Run("hybrid, query vector cached", 1, Latencies.median(cached), embedder.calls.get(), Double.NaN));
      embedder.drain();
      if (options.http()) {
        http(index, fresh, texts, embedder, data);
      }
    }
  }

  /**
   * Workers over disjoint stretches of the query texts: each worker starts {@code 1/threads} of the
   * list after the one before, so no worker reaches a text another asked for until the texts of all
   * of them have passed through SemanticSearch's cache of recent queries, and every query is embedded.
   */
  private static InProcessLoad.WorkerFactory workers(ModeSearch modes, List<String> texts, String search, int threads) {
    AtomicInteger made = new AtomicInteger();
    return () -> {
      int start = made.getAndIncrement() * texts.size() / threads;
      return i -> {
        String q = texts.get((start + i) % texts.size());
        SearchResponse r = modes.search(request(search, q));
        if (r.results().isEmpty() && !search.startsWith("keyword")) {
          throw new IllegalStateException(search + " search for '" + q + "' found nothing");
        }
      };
    };
  }

  /** One search of the mix: the first page of 10 videos with 5 moments, or the keyword part of a hybrid search. */
  static SearchRequest request(String search, String q) {
    return switch (search) {
      case "hybrid", VECTORS_READY -> SearchRequest.of(q).withMode(SearchRequest.Mode.HYBRID);
      case "semantic" -> SearchRequest.of(q).withMode(SearchRequest.Mode.SEMANTIC);
      case "keyword" -> SearchRequest.of(q).withMode(SearchRequest.Mode.KEYWORD);
      // HybridSearch.keywordPart, copied: its keyword search, for the breakdown of a hybrid search's time
      case "keyword-part" -> new SearchRequest(q.replaceAll("\\?(?=\\s|$)", " ").strip(),
          dev.cuepoint.search.HybridSearch.KEYWORD_VIDEOS, 0, null, null, null, null, SearchRequest.Sort.RELEVANCE,
          5, List.of(), SearchRequest.Mode.KEYWORD);
      default -> throw new IllegalArgumentException("unknown search '" + search + "'; known: " + SEARCHES);
    };
  }

  private void http(SearchIndex index, java.util.function.Supplier<ModeSearch> fresh, List<String> texts, Counting embedder,
      Path data) throws Exception {
    CorpusStore store = new CorpusStore(data);
    VideoSource videos = VideoSource.of(id -> Video.ID.matcher(id).matches() ? store.read(id) : Optional.empty(), List::of);
    WebServer.Operations ops = new WebServer.Operations(null, null, () -> null, false, new RateLimiter.Limit(1e9, 1_000_000_000));
    try (WebServer server = new WebServer(index, fresh.get(), videos, new WebServer.Settings("127.0.0.1", 0, Path.of("web")), ops).start()) {
      List<String> paths = texts.stream()
          .map(t -> "/api/search?mode=hybrid&q=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).toList();
      HttpLoad load = new HttpLoad(server.url().replaceAll("/$", ""), options.work(), false);
      fact("HTTP load", load.tool() + ", the server in this JVM (real WebServer, no rate limit, no access log)");
      load.run(paths, 2, Math.min(3, options.seconds()));
      embedder.drain();
      for (int c : options.threads()) {
        List<Latencies> reps = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
          reps.add(load.run(paths, c, options.seconds()));
        }
        Latencies l = Latencies.median(reps);
        long embedded = embedder.calls.get();
        embedder.drain();
        runs.add(new Run("hybrid over HTTP", c, l, embedded, Double.NaN));
        log("HTTP hybrid c=%d: p50 %.1f p95 %.1f p99 %.1f ms, %.1f q/s, %d requests (%d errors), %d queries embedded",
            c, l.p50(), l.p95(), l.p99(), l.perSecond(), l.requests(), l.errors(), embedded);
      }
    }
  }

  // ---------------------------------------------------------------- report

  private String report() {
    StringBuilder s = new StringBuilder();
    s.append("# Hybrid search latency at ").append(String.format(Locale.ROOT, "%,d", options.videos()))
        .append(" videos (issue 10)\n\n")
        .append("Written by `dev.cuepoint.bench.HybridLatency`. **The passage vectors of the recombined videos are SYNTHETIC**"
            + " where their text is not a real passage's (see `SyntheticVectors`); every query runs the real path:"
            + " the real MiniLM model embeds it, `ModeSearch` searches the real keyword index and the real passage index.\n\n");
    s.append("| | |\n|---|---|\n");
    facts.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    s.append("\nMedians of ").append(options.reps()).append(" runs of ").append(options.seconds())
        .append(" s each; milliseconds. \"embedded\" counts the searches whose query the model embedded"
            + " (the rest found its vector in SemanticSearch's cache of 256 recent queries).\n\n")
        .append("| search | threads | p50 | p95 | p99 | searches/s | searches | embedded | query embedding p50 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Run r : runs) {
      Latencies l = r.latencies();
      s.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %d | %s |%n", r.mode(), r.threads(),
          l.p50(), l.p95(), l.p99(), l.perSecond(), l.requests(), r.embedded(),
          Double.isNaN(r.embedP50Ms()) ? "–" : String.format(Locale.ROOT, "%.1f", r.embedP50Ms())));
    }
    runs.stream().filter(r -> r.mode().equals("hybrid") && r.threads() == 1).findFirst().ifPresent(r -> s.append(
        String.format(Locale.ROOT, "%nTarget (issue 10): hybrid p50 ≤ 30 ms at 10,000 videos. Measured, 1 thread: %.1f ms — %s.%n",
            r.latencies().p50(), r.latencies().p50() <= 30 ? "met" : "missed")));
    return s.toString();
  }

  // ---------------------------------------------------------------- helpers

  private void fact(String key, String value) {
    facts.put(key, value);
    log("%s: %s", key, value);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static void log(String format, Object... args) {
    Bench.log(format, args);
  }

  private static void withoutEmbeddings(Bench.Task t) throws Exception {
    String before = System.getProperty("cuepoint.embedder");
    System.setProperty("cuepoint.embedder", "none"); // the keyword index only; passages are built below
    try {
      t.run();
    } finally {
      if (before == null) {
        System.clearProperty("cuepoint.embedder");
      } else {
        System.setProperty("cuepoint.embedder", before);
      }
    }
  }
}
