package dev.cuepoint.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.cli.Main;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.VideoHit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real data: {@code make_ytdlp_corpus.py} turns the real 3Blue1Brown captions and word
 * timings into a yt-dlp download folder (SRT, rolling auto-caption VTT, json3), which is imported with
 * {@code cuepoint import} and searched with its {@code queries.json}: each quoted phrase must find its
 * video first with a moment in the expected window, each keyword query its video in the top 3.
 */
class YtDlpEndToEndTest {
  /**
   * Phrases the generator writes differently from what is said, with the reason. The generator keeps
   * only [a-z0-9] of each word, so "4π times" becomes "4 times": the phrase is not in the video.
   */
  static final Map<String, String> GENERATOR_ARTEFACTS =
      Map.of("\"sphere is 4 times its\"", "the captions say '4π times'; the generator dropped the π");

  @TempDir Path tmp;

  @Test
  void imported_yt_dlp_folder_finds_every_phrase_at_its_second() throws Exception {
    Path data3b1b = RealData.require("3b1b");
    Path tool = RealData.ROOT.resolve("../tools/make_ytdlp_corpus.py");
    dev.cuepoint.realdata.RealData.present(Files.exists(tool), tool + " not found: end-to-end test skipped");
    Path out = tmp.resolve("corpus/ytdlp");
    Process p = new ProcessBuilder("python3", tool.toString(), data3b1b.toString(), out.toString())
        .redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "corpus generator did not finish");
    assertEquals(0, p.exitValue(), "make_ytdlp_corpus.py failed: " + log);

    Path data = tmp.resolve("data");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = Main.run(new String[] {"import", out.toString(), "--data", data.toString()},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertEquals(0, status, "import failed: " + stdout + stderr);
    assertTrue(stdout.toString().contains("imported 132 videos"), stdout.toString());

    JsonNode queries = new ObjectMapper().readTree(tmp.resolve("corpus/queries.json").toFile());
    Map<String, int[]> byFormat = new TreeMap<>(); // format -> {asked, landed}
    int keywordsAsked = 0, keywordsTop3 = 0, artefacts = 0;
    List<String> misses = new ArrayList<>();
    try (SearchIndex index = SearchIndex.openReadOnly(data.resolve("lucene"))) {
      SearchService search = new SearchService(index);
      for (JsonNode q : queries) {
        String vid = q.get("videoId").asText();
        if (q.get("kind").asText().equals("keywords")) {
          keywordsAsked++;
          SearchResponse r = search.search(SearchRequest.of(q.get("q").asText()).withLimit(3));
          if (r.results().stream().anyMatch(h -> h.videoId().equals(vid))) {
            keywordsTop3++;
          } else {
            misses.add("keywords " + q.get("q").asText() + " -> " + vid + " not in top 3");
          }
          continue;
        }
        if (GENERATOR_ARTEFACTS.containsKey(q.get("q").asText())) {
          artefacts++;
          continue;
        }
        int[] counts = byFormat.computeIfAbsent(q.get("format").asText(), f -> new int[2]);
        counts[0]++;
        double lo = q.get("lo").asDouble();
        double hi = q.get("hi").asDouble();
        SearchResponse r = search.search(new SearchRequest(q.get("q").asText(), 5, 0, null, null, null, null,
            null, 100));
        VideoHit first = r.results().isEmpty() ? null : r.results().getFirst();
        if (first != null && first.videoId().equals(vid)
            && first.moments().stream().map(Moment::start).anyMatch(t -> t >= lo && t <= hi)) {
          counts[1]++;
        } else {
          misses.add(q.get("format").asText() + " " + q.get("q").asText() + " -> expected " + vid + " in ["
              + lo + ", " + hi + "], got " + (first == null ? "nothing" : first.videoId() + " "
              + first.moments().stream().map(Moment::start).toList()));
        }
      }
    }
    int asked = byFormat.values().stream().mapToInt(c -> c[0]).sum();
    int landed = byFormat.values().stream().mapToInt(c -> c[1]).sum();
    StringBuilder report = new StringBuilder("yt-dlp end to end: phrases " + landed + "/" + asked + " landed (");
    byFormat.forEach((f, c) -> report.append(f).append(' ').append(c[1]).append('/').append(c[0]).append(", "));
    report.setLength(report.length() - 2);
    report.append("; ").append(artefacts).append(" generator artefacts left out");
    report.append("); keywords ").append(keywordsTop3).append('/').append(keywordsAsked).append(" in top 3");
    System.out.println(report);
    misses.stream().limit(15).forEach(m -> System.out.println("  miss: " + m));
    assertTrue(asked > 1000, "too few phrase queries: " + asked);
    assertEquals(asked, landed, "every phrase lands on its video and second: " + misses.stream().limit(5).toList());
    assertTrue(keywordsTop3 >= keywordsAsked * 0.97, report.toString());
  }
}
