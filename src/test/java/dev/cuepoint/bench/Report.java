package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cuepoint.bench.Bench.SizeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Writes {@code report.md}, {@code results.json} and the PNG plots from one run's results. */
final class Report {
  /** The corpus size the targets of issue 7 speak of; the largest measured one stands in if absent. */
  static final int TARGET_SIZE = 10_000;

  /** Hand-written notes (profiling findings, before/after) included at the end when the file exists. */
  static final Path NOTES = Path.of("src", "bench", "report", "notes.md");

  private final Bench.Options options;
  private final List<SizeResult> results;
  private final String httpTool;
  private final String sqlite;
  private final StringBuilder md = new StringBuilder();

  Report(Bench.Options options, List<SizeResult> results, String httpTool, String sqlite) {
    this.options = options;
    this.results = results;
    this.httpTool = httpTool;
    this.sqlite = sqlite;
  }

  void write(Path out) throws IOException {
    Files.createDirectories(out);
    header();
    corpora();
    indexing();
    sizes();
    jmh();
    inProcess();
    http();
    growth();
    targets();
    plots(out);
    if (Files.isRegularFile(NOTES)) {
      md.append("\n").append(Files.readString(NOTES).strip()).append("\n");
    }
    Files.writeString(out.resolve("report.md"), md.toString());
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("options", options.toString());
    raw.put("results", results.stream().map(Report::raw).toList());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), raw);
  }

  private static Map<String, Object> raw(SizeResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("videos", r.videos);
    m.put("real", r.real);
    m.put("cues", r.corpus.cues());
    m.put("words", r.corpus.words());
    m.put("captionBytes", r.corpus.captionBytes());
    m.put("textBytes", r.corpus.textBytes());
    m.put("parseS", r.parseS);
    m.put("parallelParseS", r.parallelParseS);
    m.put("importS", r.importS);
    m.put("indexS", r.indexS);
    m.put("cuepointPeakHeap", r.cuepointPeakHeap);
    m.put("luceneBytes", r.luceneBytes);
    m.put("corpusJsonBytes", r.corpusJsonBytes);
    m.put("ftsS", r.ftsS);
    m.put("ftsPeakHeap", r.ftsPeakHeap);
    m.put("ftsBytes", r.ftsBytes);
    m.put("jmhCuepointMs", r.jmhCuepoint);
    m.put("jmhFts5Ms", r.jmhFts);
    m.put("inProcessCuepoint", r.inCuepoint);
    m.put("inProcessFts5", r.inFts);
    m.put("httpSearch", r.httpSearch);
    m.put("httpNoop", r.httpNoop);
    m.put("httpSearchCached", r.httpCached);
    m.put("firstAnswerMs", r.firstAnswerMs);
    m.put("notes", r.notes);
    return m;
  }

  private void header() {
    Runtime rt = Runtime.getRuntime();
    md.append("# Cuepoint benchmark report\n\n");
    md.append("Written by `dev.cuepoint.bench.Bench` (`./mvnw -Pbench verify`) on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(".\n\n");
    md.append("| | |\n|---|---|\n");
    row("machine", rt.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch") + ", harness heap max " + (rt.maxMemory() >> 20) + " MB");
    row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    row("peer", "SQLite " + sqlite + " FTS5 via sqlite-jdbc, in the same JVM");
    row("HTTP load", httpTool);
    row("options", "sizes " + options.sizes() + ", " + options.reps() + " repetitions of every load run ("
        + options.seconds() + " s each), JMH " + options.jmhForks() + " fork(s) × 3 iterations of "
        + options.jmhIterationMs() + " ms after 2 warm-up iterations");
    md.append("\nAll figures are from this one run on this machine; latencies are medians over the repetitions."
        + " The machine is shared and noisy: compare the ratios within one run, not absolute numbers across runs.\n\n");
    md.append("**What each engine returns.** Cuepoint answers the API's default page: the 10 best videos, every"
        + " moment of each (5 shown, all counted) with its time, link and a snippet with highlights, plus the"
        + " total hit count and, for few hits, a spelling suggestion. FTS5 answers as yt-fts does: the "
        + Fts5.LIMIT + " best caption cues by bm25 (video id, start time, text), one row per cue. Multi-word queries"
        + " differ in meaning too: FTS5 needs every word in the *same cue*; Cuepoint ranks videos holding all"
        + " words first, finds phrases across cue boundaries, and still lists videos with some of the words.\n\n");
    md.append("**Query mix** (" + QueryMix.ALL.size() + " queries): ");
    List<String> qs = new ArrayList<>();
    for (QueryMix.Kind k : QueryMix.Kind.values()) {
      qs.add(k.label + " " + QueryMix.of(k).stream().map(q -> "`" + q.cuepoint() + "`").toList()
          .toString().replace("[", "").replace("]", ""));
    }
    md.append(String.join("; ", qs)).append(". FTS5 has no fuzzy matching; those run on Cuepoint only.\n\n");
  }

  private void row(String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  private void corpora() {
    md.append("## Corpora\n\n");
    md.append("The real corpus is the 135 English 3Blue1Brown transcripts; the others are recombined from their"
        + " cues (runs of 20–80 consecutive real cues, new 11-character ids, fixed seed).\n\n");
    md.append("| videos | kind | cues | words | caption files (SRT) MB | transcript text MB |\n|---:|---|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      md.append(String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %.1f | %.1f |%n", r.videos,
          r.real ? "real" : "recombined", r.corpus.cues(), r.corpus.words(), mb(r.corpus.captionBytes()),
          mb(r.corpus.textBytes())));
    }
    md.append("\n");
  }

  private void indexing() {
    md.append("## Indexing\n\n");
    md.append("*Parse only* is the floor: every caption file read and parsed, nothing kept (median of "
        + options.reps() + "), on one thread, and on " + Bench.PARSE_THREADS + " (as many as the importer parses on)."
        + " *Cuepoint* is `cuepoint import DIR --no-index` (parse, write the corpus JSON,"
        + " each file flushed to disk) then `cuepoint index` (read the corpus, build the Lucene index), in this"
        + " JVM; both use every core. *FTS5* parses with the same parser on one thread and inserts one row per cue."
        + " Throughput counts cues and caption-file bytes. Peak heap: the largest heap in use, sampled every 10 ms.\n\n");
    md.append("| videos | parse only s | on " + Bench.PARSE_THREADS + " threads s | import s | index s | Cuepoint total s"
        + " | × parse | × parse on " + Bench.PARSE_THREADS + " | cues/s | MB/s | peak heap MB"
        + " | FTS5 s | FTS5 cues/s | FTS5 peak heap MB | Cuepoint / FTS5 |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      double t = r.indexTotalS();
      md.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f× | %.1f× | %,.0f | %.1f | %,d | %.2f | %,.0f | %,d | %.2f |%n",
          r.videos, r.parseS, r.parallelParseS, r.importS, r.indexS, t, t / r.parseS, t / r.parallelParseS, r.corpus.cues() / t,
          mb(r.corpus.captionBytes()) / t, r.cuepointPeakHeap >> 20, r.ftsS, r.corpus.cues() / r.ftsS,
          r.ftsPeakHeap >> 20, t / r.ftsS));
    }
    md.append("\n");
    notes();
  }

  private void notes() {
    for (SizeResult r : results) {
      if (!r.notes.isEmpty()) {
        md.append("*").append(String.format("%,d", r.videos)).append(" videos: ").append(r.notes).append(".*\n\n");
      }
    }
  }

  private void sizes() {
    md.append("## Index size\n\n");
    md.append("Against the raw transcript text (cue texts joined by single spaces, UTF-8). Cuepoint also keeps the"
        + " corpus JSON (the source of truth the index is rebuilt from, with every cue's times); the FTS5 file"
        + " holds both the cue table and its full-text index.\n\n");
    md.append("| videos | text MB | Lucene index MB | × text | corpus JSON MB | FTS5 file MB | × text | Lucene / FTS5 |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      double text = r.corpus.textBytes();
      md.append(String.format(Locale.ROOT, "| %,d | %.1f | %.1f | %.2f× | %.1f | %.1f | %.2f× | %.2f |%n", r.videos,
          mb(r.corpus.textBytes()), mb(r.luceneBytes), r.luceneBytes / text, mb(r.corpusJsonBytes), mb(r.ftsBytes),
          r.ftsBytes / text, (double) r.luceneBytes / r.ftsBytes));
    }
    md.append("\n");
  }

  private void jmh() {
    md.append("## In-process latency per query kind (JMH, one thread)\n\n");
    md.append("JMH `SampleTime`, milliseconds. Each call runs the next query of its kind. *FTS5 ÷ Cuepoint* above 1"
        + " means Cuepoint is faster.\n\n");
    for (SizeResult r : results) {
      md.append(String.format("**%,d videos**\n\n", r.videos));
      md.append("| kind | Cuepoint p50 | p95 | p99 | FTS5 p50 | p95 | p99 | FTS5 ÷ Cuepoint (p50) |\n");
      md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
      for (QueryMix.Kind k : QueryMix.Kind.values()) {
        double[] c = r.jmhCuepoint.get(k.name());
        double[] f = r.jmhFts.get(k.name());
        md.append("| ").append(k.label).append(" | ").append(three(c)).append(" | ").append(three(f)).append(" | ")
            .append(c != null && f != null ? String.format(Locale.ROOT, "%.1f×", f[0] / c[0]) : "–").append(" |\n");
      }
      md.append("\n");
    }
  }

  private static String three(double[] p) {
    return p == null ? "– | – | –" : String.format(Locale.ROOT, "%s | %s | %s", ms(p[0]), ms(p[1]), ms(p[2]));
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "–" : v < 1 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private void inProcess() {
    md.append("## In-process latency under concurrency (whole mix)\n\n");
    md.append("A fixed pool of threads, each running the query mix back to back (closed loop), "
        + options.reps() + " runs of " + options.seconds() + " s; medians. One SQLite connection per thread.\n\n");
    md.append("| videos | threads | Cuepoint p50 ms | p95 | p99 | queries/s | FTS5 p50 ms | p95 | p99 | queries/s |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      for (int c : r.inCuepoint.keySet()) {
        Latencies a = r.inCuepoint.get(c), b = r.inFts.get(c);
        md.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %,.0f | %s | %s | %s | %,.0f |%n", r.videos, c,
            ms(a.p50()), ms(a.p95()), ms(a.p99()), a.perSecond(), ms(b.p50()), ms(b.p95()), ms(b.p99()), b.perSecond()));
      }
    }
    md.append("\n");
  }

  private void http() {
    md.append("## HTTP latency\n\n");
    md.append("`cuepoint serve` in its own JVM (started as the launcher starts it), loaded by " + httpTool
        + " on the same 2 cores: closed loop, one keep-alive connection per user, the query mix cycled through"
        + " `/api/search?q=…`, with the response cache off (`searchCache: 0`): every search is worked out. The"
        + " floor is `GET /healthz` on the same server (Javalin routing, security headers"
        + " and a small JSON body: the cost of any request). *Start to first answer*: from starting the JVM to the"
        + " first 200 of `/api/search` (median of " + options.reps() + " starts).\n\n");
    md.append("| videos | users | search p50 ms | p95 | p99 | req/s | errors | /healthz p50 ms | p95 | p99 | req/s | search ÷ no-op (p50) |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      for (int c : r.httpSearch.keySet()) {
        Latencies a = r.httpSearch.get(c), b = r.httpNoop.get(c);
        md.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %,.0f | %d | %s | %s | %s | %,.0f | %.1f× |%n", r.videos,
            c, ms(a.p50()), ms(a.p95()), ms(a.p99()), a.perSecond(), a.errors(), ms(b.p50()), ms(b.p95()), ms(b.p99()),
            b.perSecond(), a.p50() / b.p50()));
      }
    }
    md.append("\n**With the default settings** (the response cache on): the same load on a server that keeps the"
        + " answers to recent searches until the index changes. The mix's " + QueryMix.ALL.size() + " searches repeat,"
        + " so after the warm-up every one is answered from the cache: this is the cost of a search many people"
        + " make, not of a new one (the table above).\n\n");
    md.append("| videos | users | search p50 ms | p95 | p99 | req/s | errors | cached ÷ computed (p50) |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SizeResult r : results) {
      for (int c : r.httpCached.keySet()) {
        Latencies a = r.httpCached.get(c), b = r.httpSearch.get(c);
        md.append(String.format(Locale.ROOT, "| %,d | %d | %s | %s | %s | %,.0f | %d | %.2f |%n", r.videos, c,
            ms(a.p50()), ms(a.p95()), ms(a.p99()), a.perSecond(), a.errors(), b == null ? Double.NaN : a.p50() / b.p50()));
      }
    }
    md.append("\n| videos | start to first answered search ms |\n|---:|---:|\n");
    for (SizeResult r : results) {
      md.append(String.format(Locale.ROOT, "| %,d | %,.0f |%n", r.videos, r.firstAnswerMs));
    }
    md.append("\n");
  }

  /** Median over query kinds of the JMH p50 (kinds both engines run, for a like-for-like line). */
  static double mixP50(Map<String, double[]> jmh, Map<String, double[]> other) {
    return Latencies.med(jmh.entrySet().stream().filter(e -> other.containsKey(e.getKey()))
        .mapToDouble(e -> e.getValue()[0]).toArray());
  }

  static double multiWordP50(Map<String, double[]> jmh) {
    return Latencies.med(new double[] {get(jmh, "MULTI_WORD"), get(jmh, "PHRASE")});
  }

  private static double get(Map<String, double[]> m, String k) {
    return m.containsKey(k) ? m.get(k)[0] : Double.NaN;
  }

  private void growth() {
    List<SizeResult> scaled = results.stream().filter(r -> !r.real).toList();
    if (scaled.size() < 2) {
      return;
    }
    SizeResult a = scaled.getFirst(), b = scaled.getLast();
    md.append("## Growth with corpus size\n\n");
    md.append(String.format("Exponent *k* in cost ∝ videos^k between the recombined corpora of %,d and %,d videos"
        + " (1 = linear; below 1 = sub-linear).%n%n", a.videos, b.videos));
    md.append("| measure | Cuepoint k | FTS5 k |\n|---|---:|---:|\n");
    growthRow("indexing time", a, b, r -> r.indexTotalS(), r -> r.ftsS);
    growthRow("index size", a, b, r -> r.luceneBytes, r -> r.ftsBytes);
    growthRow("query p50, one thread (median over kinds)", a, b, r -> mixP50(r.jmhCuepoint, r.jmhFts), r -> mixP50(r.jmhFts, r.jmhCuepoint));
    growthRow("query p50, multi-word", a, b, r -> multiWordP50(r.jmhCuepoint), r -> multiWordP50(r.jmhFts));
    if (a.httpSearch.containsKey(8) && b.httpSearch.containsKey(8)) {
      growthRow("HTTP search p50 at 8 users", a, b, r -> r.httpSearch.get(8).p50(), r -> Double.NaN);
    }
    md.append("\n");
  }

  private void growthRow(String name, SizeResult a, SizeResult b, ToDoubleFunction<SizeResult> cue, ToDoubleFunction<SizeResult> fts) {
    md.append("| ").append(name).append(" | ").append(k(a, b, cue)).append(" | ").append(k(a, b, fts)).append(" |\n");
  }

  private static String k(SizeResult a, SizeResult b, ToDoubleFunction<SizeResult> f) {
    double ya = f.applyAsDouble(a), yb = f.applyAsDouble(b);
    if (!(ya > 0) || !(yb > 0)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", Math.log(yb / ya) / Math.log((double) b.videos / a.videos));
  }

  private void targets() {
    SizeResult t = results.stream().filter(r -> r.videos == TARGET_SIZE).findFirst()
        .orElse(results.getLast());
    md.append(String.format("## Targets (issue 7) at %,d videos%n%n", t.videos));
    if (t.videos != TARGET_SIZE) {
      md.append("*The targets speak of 10,000 videos; this run's largest corpus stands in.*\n\n");
    }
    md.append("| target | measured | |\n|---|---|---|\n");
    Latencies h8 = t.httpSearch.get(8);
    if (h8 != null) {
      target("HTTP search p50 ≤ 5 ms at 8 users, every search worked out", ms(h8.p50()) + " ms", h8.p50() <= 5, h8.p50() / 5);
      target("HTTP search p99 ≤ 25 ms at 8 users, every search worked out", ms(h8.p99()) + " ms", h8.p99() <= 25, h8.p99() / 25);
    }
    Latencies c8 = t.httpCached.get(8);
    if (c8 != null) {
      target("HTTP search p50 ≤ 5 ms at 8 users, default settings (repeated searches from the cache)",
          ms(c8.p50()) + " ms", c8.p50() <= 5, c8.p50() / 5);
      target("HTTP search p99 ≤ 25 ms at 8 users, default settings (repeated searches from the cache)",
          ms(c8.p99()) + " ms", c8.p99() <= 25, c8.p99() / 25);
    }
    double mw = Math.min(ratio(t, "MULTI_WORD"), ratio(t, "PHRASE"));
    target("≥ 3× faster than FTS5 at p50 on multi-word queries (worst of words / phrase)",
        String.format(Locale.ROOT, "%.1f× (words %.1f×, phrase %.1f×)", mw, ratio(t, "MULTI_WORD"), ratio(t, "PHRASE")),
        mw >= 3, 3 / mw);
    double idx = t.indexTotalS() / t.parseS;
    target("indexing within 3× of parse only (one thread)", String.format(Locale.ROOT,
        "%.2f× (index step alone %.2f×; %.1f× the parse on %d threads)", idx, t.indexS / t.parseS,
        t.indexTotalS() / t.parallelParseS, Bench.PARSE_THREADS), idx <= 3, idx / 3);
    double size = (double) t.luceneBytes / t.corpus.textBytes();
    target("index ≤ 1.5× the raw transcript text", String.format(Locale.ROOT, "%.2f×", size), size <= 1.5, size / 1.5);
    md.append("\nGrowth targets (indexing ≤ linear, queries sub-linear): see *Growth* above.\n\n");
  }

  private static double ratio(SizeResult r, String kind) {
    return get(r.jmhFts, kind) / get(r.jmhCuepoint, kind);
  }

  private void target(String name, String measured, boolean met, double factor) {
    md.append("| ").append(name).append(" | ").append(measured).append(" | ")
        .append(met ? "met" : String.format(Locale.ROOT, "**missed** (%.2f× off)", factor)).append(" |\n");
  }

  private void plots(Path out) throws IOException {
    double[] x = results.stream().mapToDouble(r -> r.videos).toArray();
    Charts.logLog(out.resolve("latency.png"), "Search latency p50 against corpus size", "videos", "milliseconds",
        List.of(
            new Charts.Series("Cuepoint, in-process", x, col(r -> mixP50(r.jmhCuepoint, r.jmhFts))),
            new Charts.Series("FTS5, in-process", x, col(r -> mixP50(r.jmhFts, r.jmhCuepoint))),
            new Charts.Series("Cuepoint, multi-word", x, col(r -> multiWordP50(r.jmhCuepoint))),
            new Charts.Series("FTS5, multi-word", x, col(r -> multiWordP50(r.jmhFts))),
            new Charts.Series("Cuepoint HTTP, 8 users", x, col(r -> r.httpSearch.containsKey(8) ? r.httpSearch.get(8).p50() : Double.NaN)),
            new Charts.Series("no-op HTTP, 8 users", x, col(r -> r.httpNoop.containsKey(8) ? r.httpNoop.get(8).p50() : Double.NaN))));
    Charts.logLog(out.resolve("indexing.png"), "Indexing time against corpus size", "videos", "seconds",
        List.of(
            new Charts.Series("Cuepoint import + index", x, col(SizeResult::indexTotalS)),
            new Charts.Series("Cuepoint index step", x, col(r -> r.indexS)),
            new Charts.Series("FTS5 parse + insert", x, col(r -> r.ftsS)),
            new Charts.Series("parse only (floor)", x, col(r -> r.parseS))));
    Charts.logLog(out.resolve("size.png"), "Index size against corpus size", "videos", "MB",
        List.of(
            new Charts.Series("Cuepoint Lucene index", x, col(r -> mb(r.luceneBytes))),
            new Charts.Series("FTS5 file", x, col(r -> mb(r.ftsBytes))),
            new Charts.Series("transcript text", x, col(r -> mb(r.corpus.textBytes())))));
    md.append("## Plots\n\n![latency](latency.png)\n\n![indexing](indexing.png)\n\n![size](size.png)\n");
  }

  private double[] col(ToDoubleFunction<SizeResult> f) {
    return results.stream().mapToDouble(f).toArray();
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }
}
