package dev.cuepoint.bench;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SyncResult;
import dev.cuepoint.opensearch.OpenSearchIndex;
import dev.cuepoint.opensearch.OpenSearchSettings;
import dev.cuepoint.opensearch.TestCluster;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The OpenSearch backend beside the embedded one, on the benchmark's corpora (the 135 real videos and
 * recombined ones) and its query mix: index time (the same corpus synced into each) and in-process
 * search latency through the same {@link SearchService}, at 1 and 8 threads. The cluster is two real
 * OpenSearch 3.8 nodes started in this JVM (one shard, one replica): they share the machine's two
 * cores with Cuepoint and the load, which a real deployment would not.
 *
 * <p>{@code ./mvnw -Pbench-opensearch verify -Dos.bench.args="--sizes 135,1000 --seconds 5"}
 */
public final class OpenSearchBench {
  private OpenSearchBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = List.of(135, 1000);
    double seconds = 5;
    Path work = Path.of("target", "bench-opensearch");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--out" -> work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + " (--sizes 135,1000 --seconds 5 --out DIR)");
      }
    }
    RealVideos real = RealVideos.load(RealVideos.DEFAULT_ROOT);
    CorpusMaker maker = new CorpusMaker(real);
    TestCluster cluster = TestCluster.start("cuepoint-bench", 9280);
    StringBuilder report = new StringBuilder();
    report.append("# OpenSearch backend beside the embedded index\n\n")
        .append("Run ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores. The cluster: two OpenSearch 3.8.0 nodes inside the benchmark's JVM (one shard, one")
        .append(" replica), sharing the cores with Cuepoint and the load threads. Query mix: the benchmark's ")
        .append(QueryMix.ALL.size()).append(" queries, in turn; 10 videos with 5 moments each per query.")
        .append(" Latencies in ms, in process, through the same SearchService.\n\n")
        .append("| videos | backend | index (s) | videos/s | 1 thread p50 / p95 / p99 | 8 threads p50 / p95 / p99 | 8 threads q/s |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|\n");
    try {
      for (int size : sizes) {
        Path dir = work.resolve("remix-" + size);
        Path captions = dir.resolve("captions");
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data.resolve("corpus"))) {
          if (size == 135) {
            maker.writeReal(captions);
          } else {
            maker.writeRecombined(captions, size);
          }
          Bench.cli("import", captions.toString(), "--no-index", "--data", data.toString());
        }
        CorpusSnapshot corpus = CorpusSnapshot.of(new CorpusStore(data));
        List<Row> rows = new ArrayList<>();
        try (SearchIndex embedded = SearchIndex.open(dir.resolve("lucene"))) {
          rows.add(measure("embedded", embedded, corpus, size, seconds));
        }
        OpenSearchSettings s = new OpenSearchSettings(cluster.urls().stream().map(URI::create).toList(),
            "bench" + size, 1, 1, null, null);
        try (OpenSearchIndex os = OpenSearchIndex.open(s)) {
          rows.add(measure("OpenSearch", os, corpus, size, seconds));
        }
        for (Row r : rows) {
          report.append(String.format(Locale.ROOT, "| %,d | %s | %.1f | %.0f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.0f |%n",
              size, r.backend, r.indexSeconds, size / r.indexSeconds, r.one.p50(), r.one.p95(), r.one.p99(),
              r.eight.p50(), r.eight.p95(), r.eight.p99(), r.eight.perSecond()));
        }
        System.out.println(report);
      }
    } finally {
      cluster.stop();
    }
    Files.createDirectories(work);
    Files.writeString(work.resolve("opensearch.md"), report);
    System.out.println("written to " + work.resolve("opensearch.md"));
  }

  private record Row(String backend, double indexSeconds, Latencies one, Latencies eight) {}

  private static Row measure(String name, KeywordIndex index, CorpusSnapshot corpus, int size, double seconds)
      throws Exception {
    long t0 = System.nanoTime();
    SyncResult r = index.sync(corpus, true, null);
    double indexSeconds = (System.nanoTime() - t0) / 1e9;
    if (r.added() != size || !r.failures().isEmpty()) {
      throw new IllegalStateException(name + ": " + r.summary());
    }
    SearchService search = new SearchService(index);
    InProcessLoad.WorkerFactory factory = () -> i -> search.search(
        SearchRequest.of(QueryMix.ALL.get(Math.floorMod(i, QueryMix.ALL.size())).cuepoint()));
    InProcessLoad.run(factory, 2, Math.min(3, seconds)); // warm up
    Latencies one = InProcessLoad.run(factory, 1, seconds);
    Latencies eight = InProcessLoad.run(factory, 8, seconds);
    return new Row(name, indexSeconds, one, eight);
  }
}
