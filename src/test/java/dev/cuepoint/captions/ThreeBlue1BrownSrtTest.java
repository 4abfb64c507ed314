package dev.cuepoint.captions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real SRT of the 3Blue1Brown captions (../shared/data/3b1b: 135 English tracks and the
 * community and auto-generated translations of the neural-network series), read in place.
 */
class ThreeBlue1BrownSrtTest {
  private static final Path ROOT = Fixtures.SHARED_DATA.resolve("3b1b");
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

  private final SrtParser parser = new SrtParser();

  static Stream<Path> srtFiles() throws IOException {
    return filesEndingWith(".srt");
  }

  static Stream<Path> sentenceTimings() throws IOException {
    return filesEndingWith("english/sentence_timings.json");
  }

  /**
   * The files, or only the missing folder when the data is not there: each test then starts with
   * {@link #requireData()}, so the run shows one skipped test with the reason rather than nothing.
   */
  private static Stream<Path> filesEndingWith(String suffix) throws IOException {
    if (!Files.isDirectory(ROOT)) {
      return Stream.of(ROOT);
    }
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().replace('\\', '/').endsWith(suffix))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static void requireData() {
    dev.cuepoint.realdata.RealData.present(
        Files.isDirectory(ROOT),
        "skipped: the shared 3b1b captions are not at " + ROOT.toAbsolutePath());
  }

  /**
   * The file is read here a second way, line by line: a timing line is one with "-->", and it has a
   * cue when the line under it has text (35 timing lines in this data have none). The parser keeps
   * a cue's start when the file ends it before it starts, so the expected end is the later of the
   * two.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("srtFiles")
  void real_srt_gives_one_cue_per_timing_line_with_text(Path file) throws Exception {
    requireData();
    List<String> lines = Files.readAllLines(file, UTF_8);
    List<long[]> timings = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("-->") && i + 1 < lines.size() && !lines.get(i + 1).isBlank()) {
        String[] ends = lines.get(i).split("-->");
        long start = millis(ends[0]);
        timings.add(new long[] {start, Math.max(start, millis(ends[1]))});
      }
    }

    List<Cue> cues;
    try (var in = Files.newBufferedReader(file, UTF_8)) {
      cues = parser.parse(in, file.toString());
    }

    assertEquals(timings.size(), cues.size(), "cues");
    assertEquals(timings.get(0)[0], cues.get(0).startMs(), "first start");
    assertEquals(timings.get(0)[1], cues.get(0).endMs(), "first end");
    long[] last = timings.get(timings.size() - 1);
    assertEquals(last[0], cues.get(cues.size() - 1).startMs(), "last start");
    assertEquals(last[1], cues.get(cues.size() - 1).endMs(), "last end");
    for (Cue cue : cues) {
      assertFalse(cue.text().isBlank(), () -> "blank cue at " + cue.startMs() + " ms");
    }
  }

  /**
   * The words of sentence_timings.json are in the cues, in order. The two files were edited apart
   * upstream (a "kinda" dropped here, "happens to equal" made "equals" there), so the test asks for
   * 99% of the sentence words in the longest common subsequence, not for all of them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sentenceTimings")
  void english_cues_hold_the_words_of_the_sentence_timings(Path json) throws Exception {
    requireData();
    List<String> said = new ArrayList<>();
    for (JsonNode sentence : new ObjectMapper().readTree(json.toFile())) {
      said.addAll(words(sentence.get(0).asText()));
    }
    List<String> cueWords = new ArrayList<>();
    try (var in = Files.newBufferedReader(json.resolveSibling("captions.srt"), UTF_8)) {
      for (Cue cue : parser.parse(in, "captions.srt")) {
        cueWords.addAll(words(cue.text()));
      }
    }
    int common = longestCommonSubsequence(said, cueWords);
    assertTrue(
        common >= said.size() * 0.99,
        () -> common + " of " + said.size() + " sentence words found in order in the cues");
  }

  private static int longestCommonSubsequence(List<String> a, List<String> b) {
    // words as numbers: the table has millions of cells for an hour-long lecture
    Map<String, Integer> ids = new HashMap<>();
    int[] x = a.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
    int[] y = b.stream().mapToInt(w -> ids.computeIfAbsent(w, k -> ids.size())).toArray();
    int[] previous = new int[y.length + 1];
    int[] current = new int[y.length + 1];
    for (int i = 0; i < x.length; i++) {
      for (int j = 1; j <= y.length; j++) {
        current[j] = x[i] == y[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length];
  }

  /** "00:01:02,500" as h:m:s with the digits after the comma counted as milliseconds. */
  private static long millis(String timestamp) {
    String[] hms = timestamp.strip().split(" ")[0].split(":");
    String[] secondsAndMillis = hms[2].split("[,.]", 2);
    return (Long.parseLong(hms[0]) * 3600
                + Long.parseLong(hms[1]) * 60
                + Long.parseLong(secondsAndMillis[0]))
            * 1000
        + Math.round(Double.parseDouble(secondsAndMillis[1]));
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
