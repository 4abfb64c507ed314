package dev.cuepoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.realdata.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness end to end in seconds: two tiny recombined corpora, every measurement with
 * the shortest durations (JMH in this JVM, the Java HTTP driver), and the report with its plots. The
 * numbers mean nothing; that the harness runs, and what it writes, is what is checked.
 */
class BenchSmokeTest {
  @TempDir Path tmp;

  @Test
  void harness_runs_on_tiny_corpora_and_writes_the_report() throws Exception {
    Path real = RealData.require("3b1b");
    Path out = tmp.resolve("report");
    Bench.Options o = new Bench.Options(List.of(30), out, tmp.resolve("work"), real, 1, 0.2, 0, 50, true, false,
        List.of(1, 4));
    Path report = new Bench(o).run();

    String md = Files.readString(report);
    assertTrue(md.contains("| 30 | recombined |"), md);
    assertTrue(md.contains("## Targets (issue 7) at 30 videos"), md);
    for (String png : List.of("latency.png", "indexing.png", "size.png")) {
      byte[] head = Files.readAllBytes(out.resolve(png));
      assertEquals((byte) 0x89, head[0], png + " is a PNG");
      assertEquals('P', head[1], png + " is a PNG");
    }
    String json = Files.readString(out.resolve("results.json"));
    assertTrue(json.contains("\"httpSearch\""), json);
    assertTrue(json.contains("\"httpSearchCached\""), json);
    assertTrue(md.contains("**With the default settings** (the response cache on)"), md);
    assertTrue(!json.contains("\"errors\" : 1"), "no HTTP errors: " + json);
  }

  @Test
  void recombined_corpus_is_the_same_for_the_same_size() throws Exception {
    RealVideos real = RealVideos.load(RealData.require("3b1b"));
    CorpusMaker maker = new CorpusMaker(real);
    CorpusMaker.Written a = maker.writeRecombined(tmp.resolve("a"), 5);
    CorpusMaker.Written b = maker.writeRecombined(tmp.resolve("b"), 5);
    assertEquals(a.cues(), b.cues());
    assertEquals(a.captionFiles().stream().map(p -> p.getFileName().toString()).toList(),
        b.captionFiles().stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(Files.readString(a.captionFiles().getFirst()), Files.readString(b.captionFiles().getFirst()));
  }
}
