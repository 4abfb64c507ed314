package dev.cuepoint.bench;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cost of new searches under load (issue 21): a recombined corpus of each size, imported with
 * {@code cuepoint import}; 400 different queries drawn from that corpus's own captions (100 single
 * words, 100 pairs of neighbouring words, 80 quoted three-word phrases, 60 prefixes, 60 of the most
 * common words; fixed seed); {@code cuepoint serve} in its own JVM with the search cache off
 * ({@code searchCache: 0}), keyword mode; wrk at 8 connections cycling through the 400 (each search
 * is worked out: none repeats within 400 requests of a connection, and the cache is off anyway). Also
 * the no-op floor {@code /healthz}, and the server's CPU per search (its process CPU time from
 * {@code /proc} over the load run, divided by the searches answered: JIT and GC included).
 *
 * <pre>./mvnw -Pbench verify -Dbench.args="new-searches --sizes 2000,10000 --reps 3 --seconds 10"</pre>
 *
 * Options: {@code --work DIR} (default {@code target/bench/new-searches}; corpora and indexes are
 * kept there and reused), {@code --jfr} (the server records a JDK Flight Recorder profile,
 * {@code settings=profile}, to {@code DIR/remix-N/serve.jfr}), {@code --connections N} (default 8),
 * {@code --data3b1b DIR}. The queries are written to {@code DIR/remix-N/queries.txt}, one per line
 * (for {@code ResultsDump INDEX OUT QUERIES}); the report to {@code DIR/new-searches.md}.
 */
final class NewSearches {
  private NewSearches() {}

  record Row(int videos, Latencies search, Latencies noop, double cpuMsPerSearch) {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(2000, 10000);
    int reps = 3;
    double seconds = 10;
    int connections = 8;
    boolean jfr = false;
    Path work = Path.of("target/bench/new-searches");
    Path real = RealVideos.DEFAULT_ROOT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = Stream.of(args[++i].split(",")).map(String::trim).map(Integer::parseInt).toList();
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--data3b1b" -> real = Path.of(args[++i]);
        case "--jfr" -> jfr = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; options: --sizes N,N --reps N --seconds S --connections N --work DIR --data3b1b DIR --jfr");
      }
    }
    Files.createDirectories(work);
    // the import runs in this JVM: it must not embed passages (keyword search is what is measured)
    System.setProperty("cuepoint.embedder", "none");
    RealVideos seeds = null;
    List<Row> rows = new ArrayList<>();
    for (int size : sizes) {
      Path dir = work.resolve("remix-" + size);
      Path captions = dir.resolve("captions");
      Path data = dir.resolve("data");
      if (!Files.exists(dir.resolve("built"))) {
        Bench.deleteTree(dir);
        seeds = seeds == null ? RealVideos.load(real) : seeds;
        new CorpusMaker(seeds).writeRecombined(captions, size);
        Bench.cli("import", captions.toString(), "--data", data.toString());
        Files.writeString(dir.resolve("built"), "");
      }
      List<String> queries = queries(captions, 400, size);
      Files.write(dir.resolve("queries.txt"), queries);
      List<String> paths = queries.stream()
          .map(q -> "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
      List<String> jvm = jfr
          ? List.of("-XX:StartFlightRecording=filename=" + dir.resolve("serve.jfr").toAbsolutePath() + ",settings=profile")
          : List.of();
      try (Bench.Server server = Bench.Server.start(data, dir.resolve("serve.log"), false, jvm)) {
        HttpLoad load = new HttpLoad(server.baseUrl, dir, false);
        load.run(paths, connections, Math.max(5, seconds)); // warm-up: every query at least once, JIT
        load.run(Bench.NOOP, connections, 2);
        List<Latencies> a = new ArrayList<>(), b = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
          long c0 = cpuNanos(server.process.pid());
          Latencies l = load.run(paths, connections, seconds);
          long c1 = cpuNanos(server.process.pid());
          a.add(l);
          cpu.add((c1 - c0) / 1e6 / Math.max(1, l.requests()));
          b.add(load.run(Bench.NOOP, connections, Math.max(2, seconds / 2)));
          Bench.log("[%d] rep %d: search p50 %.2f p99 %.2f ms, %.0f/s, %d errors, CPU %.2f ms/search", size, rep,
              l.p50(), l.p99(), l.perSecond(), l.errors(), cpu.getLast());
        }
        Row row = new Row(size, Latencies.median(a), Latencies.median(b),
            Latencies.med(cpu.stream().mapToDouble(d -> d).toArray()));
        rows.add(row);
        Bench.log("[%d] search p50 %.2f p95 %.2f p99 %.2f ms, %.0f/s (%d errors); /healthz p50 %.3f p99 %.3f ms;"
            + " CPU %.2f ms per search", size, row.search().p50(), row.search().p95(), row.search().p99(),
            row.search().perSecond(), row.search().errors(), row.noop().p50(), row.noop().p99(), row.cpuMsPerSearch());
      }
    }
    Path report = work.resolve("new-searches.md");
    Files.writeString(report, table(rows, reps, seconds, connections));
    System.out.println(Files.readString(report));
  }

  static String table(List<Row> rows, int reps, double seconds, int connections) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "New searches: 400 different queries, cache off, wrk at %d connections,"
        + " %d runs of %.0f s, medians (%d cores, %s)%n%n", connections, reps, seconds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version")));
    s.append("| videos | search p50 ms | p95 | p99 | searches/s | errors | server CPU ms per search |"
        + " /healthz p50 ms | p99 |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "| %,d | %.2f | %.2f | %.2f | %,.0f | %d | %.2f | %.3f | %.3f |%n",
          r.videos(), r.search().p50(), r.search().p95(), r.search().p99(), r.search().perSecond(),
          r.search().errors(), r.cpuMsPerSearch(), r.noop().p50(), r.noop().p99()));
    }
    return s.toString();
  }

  /** A process's CPU time (user + system) from {@code /proc/PID/stat}, in nanoseconds. */
  static long cpuNanos(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    return ticks * 10_000_000L; // USER_HZ is 100 on Linux
  }

  /**
   * {@code n} different queries drawn from a corpus's captions (a fixed seed per corpus size): 25%
   * single words, 25% two neighbouring words, 20% quoted three-word phrases, 15% prefixes (the first
   * 4 or 5 letters of a word of 6 or more, then {@code *}), 15% the corpus's most common words.
   */
  static List<String> queries(Path captions, int n, int size) throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(captions)) {
      files = s.filter(p -> p.toString().endsWith(".srt")).sorted().toList();
    }
    Random rnd = new Random(0x5EA4C4L + size);
    Captions parser = Captions.standard();
    List<List<String>> cues = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < Math.min(300, files.size()); i++) {
      for (Cue c : parser.read(files.get(rnd.nextInt(files.size()))).cues()) {
        List<String> words = words(c.text());
        if (!words.isEmpty()) {
          cues.add(words);
          words.forEach(w -> counts.merge(w, 1, Integer::sum));
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    int singles = n / 4, pairs = n / 4, phrases = n / 5, prefixes = n * 15 / 100;
    int common = n - singles - pairs - phrases - prefixes;
    List<String> byCount = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    for (int i = 0; out.size() < common; i++) {
      out.add(byCount.get(i));
    }
    Set<String> commonWords = Set.copyOf(out);
    addDrawn(out, common + singles, rnd, cues, 1, w -> w.length() >= 3 && !commonWords.contains(w), false);
    addDrawn(out, common + singles + pairs, rnd, cues, 2, w -> true, false);
    addDrawn(out, common + singles + pairs + phrases, rnd, cues, 3, w -> true, true);
    while (out.size() < n) {
      List<String> cue = cues.get(rnd.nextInt(cues.size()));
      String w = cue.get(rnd.nextInt(cue.size()));
      if (w.length() >= 6 && w.chars().allMatch(Character::isLetter)) {
        out.add(w.substring(0, 4 + rnd.nextInt(2)) + "*");
      }
    }
    return List.copyOf(out);
  }

  private static void addDrawn(Set<String> out, int until, Random rnd, List<List<String>> cues, int words,
      java.util.function.Predicate<String> ok, boolean quoted) {
    while (out.size() < until) {
      List<String> cue = cues.get(rnd.nextInt(cues.size()));
      if (cue.size() < words) {
        continue;
      }
      int at = rnd.nextInt(cue.size() - words + 1);
      List<String> run = cue.subList(at, at + words);
      if (run.stream().allMatch(ok)) {
        String q = String.join(" ", run);
        out.add(quoted ? "\"" + q + "\"" : q);
      }
    }
  }

  /** Lower-case words of letters, digits and inner apostrophes, as typed into a search box. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      String w = t.replaceAll("^'+|'+$", "");
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
