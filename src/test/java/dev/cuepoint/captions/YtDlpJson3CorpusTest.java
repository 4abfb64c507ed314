package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The json3 files that ../shared/tools/make_ytdlp_corpus.py writes from the real 3b1b word timings
 * (as yt-dlp saves YouTube auto-captions: line events with tOffsetMs words and line-break append
 * events) give back exactly those words, each once, at their times.
 */
class YtDlpJson3CorpusTest {
  private static final Path TOOL = dev.cuepoint.realdata.RealData.ROOT.resolveSibling("tools").resolve("make_ytdlp_corpus.py");
  private static final Path DATA = Fixtures.SHARED_DATA.resolve("3b1b");
  private static final Pattern VIDEO_ID = Pattern.compile("\\[([\\w-]{11})]\\.en\\.json3$");

  @TestFactory
  Stream<DynamicTest> every_generated_json3_gives_each_real_word_once_at_its_time(@TempDir Path out)
      throws Exception {
    if (!Files.isRegularFile(TOOL) || !Files.isDirectory(DATA)) {
      // under CI=true a missing shared folder fails here instead of skipping
      dev.cuepoint.realdata.RealData.present(false, TOOL.toAbsolutePath() + " or " + DATA.toAbsolutePath() + " not found");
      return skipped(TOOL.toAbsolutePath() + " or " + DATA.toAbsolutePath() + " not found");
    }
    Path corpus = out.resolve("ytdlp");
    Path log = out.resolve("generator.log");
    Process python;
    try {
      python =
          new ProcessBuilder("python3", TOOL.toString(), DATA.toString(), corpus.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      return skipped("python3 is not available to generate the corpus: " + e.getMessage());
    }
    assertTrue(python.waitFor(120, TimeUnit.SECONDS), "generator did not finish in 120 s");
    assertEquals(0, python.exitValue(), () -> "generator failed: " + read(log));

    Map<String, Path> videoDirs = new HashMap<>();
    for (JsonNode video : new ObjectMapper().readTree(DATA.resolve("manifest.json").toFile())) {
      videoDirs.put(video.get("videoId").asText(), DATA.resolve(video.get("path").asText()));
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(corpus)) {
      files = listing.filter(p -> p.toString().endsWith(".json3")).sorted().toList();
    }
    assertTrue(files.size() >= 40, "the generator wrote " + files.size() + " json3 files");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      Matcher id = VIDEO_ID.matcher(file.getFileName().toString());
                      assertTrue(id.find(), "no [videoId] in " + file.getFileName());
                      Path videoDir = videoDirs.get(id.group(1));
                      checkWords(file, videoDir.resolve("english/word_timings.json"));
                    }));
  }

  /** One test reported as skipped with the reason, so a run without the data says why. */
  private static Stream<DynamicTest> skipped(String why) {
    return Stream.of(DynamicTest.dynamicTest("generated corpus", () -> abort("skipped: " + why)));
  }

  private static void checkWords(Path json3, Path wordTimings) throws Exception {
    ParsedCaptions parsed = Captions.standard().read(json3);
    assertEquals(CaptionFormat.JSON3, parsed.format());
    List<Word> words = new ArrayList<>();
    parsed.cues().forEach(c -> words.addAll(c.words()));

    JsonNode expected = new ObjectMapper().readTree(wordTimings.toFile());
    assertEquals(expected.size(), words.size(), "words");
    for (int i = 0; i < words.size(); i++) {
      JsonNode w = expected.get(i);
      Word got = words.get(i);
      assertEquals(w.get(0).asText().strip(), got.text(), "word " + i);
      // the generator rounds half to even, Java half up: a millisecond either way is the same time
      long ms = Math.round(w.get(1).asDouble() * 1000);
      assertTrue(
          Math.abs(ms - got.startMs()) <= 1,
          () -> "word " + got.text() + " at " + got.startMs() + " ms, expected " + ms + " ms");
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
