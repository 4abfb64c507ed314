package dev.cuepoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.realdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hybrid latency benchmark end to end in seconds: 12 real videos, 30 recombined ones, a fast
 * stand-in for the model (the real one takes minutes to embed even a small corpus), the shortest runs.
 * The numbers mean nothing; what is checked is that the benchmark builds a passage index with a
 * vector for every passage, labels the synthetic ones, and embeds every query it times.
 */
class HybridLatencySmokeTest {
  @TempDir Path tmp;

  @Test
  void benchmark_runs_on_a_tiny_corpus_and_embeds_every_timed_query() throws Exception {
    Path real = RealData.require("3b1b");
    HybridLatency.Options o = new HybridLatency.Options(30, tmp.resolve("out"), tmp.resolve("work"), real, 12, 1, 0.5,
        List.of(1, 4), 16, false, false, HybridLatency.SEARCHES);
    HybridLatency bench = new HybridLatency(o, new FakeEmbedder());
    String md = Files.readString(bench.run());

    long made = bench.kinds().values().stream().mapToLong(Long::longValue).sum();
    try (PassageIndex index = PassageIndex.openReadOnly(tmp.resolve("work/remix-30/synthetic-vectors"))) {
      assertEquals(index.passages(), made, "one vector made per passage indexed");
    }
    assertTrue(bench.kinds().getOrDefault(SyntheticVectors.Kind.MIXED, 0L) > 0, "recombined passages get mixtures");
    assertTrue(md.contains("SYNTHETIC"), md);
    for (HybridLatency.Run r : bench.runs()) {
      assertTrue(r.latencies().requests() > 0, r.toString());
      if (!r.mode().startsWith("keyword") && !r.mode().contains("cached")) {
        assertEquals(r.latencies().requests(), r.embedded(), "every timed query is embedded: " + r);
      }
    }
    assertEquals(List.of("hybrid", "semantic", "keyword", "keyword-part", "hybrid", "semantic", "keyword", "keyword-part",
        "hybrid, query vector cached"),
        bench.runs().stream().map(HybridLatency.Run::mode).toList());
  }
}
