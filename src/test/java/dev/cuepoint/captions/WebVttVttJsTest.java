package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mozilla/vtt.js test corpus in {@code shared/data/webvtt/vttjs}: every {@code .vtt} against
 * vtt.js's expected parse, comparing cue count, ids, start and end times and raw text.
 */
class WebVttVttJsTest {
  /**
   * The expected result of the 104 files that have no same-named {@code .json}. vtt.js's own
   * runners ({@code tests/**}{@code /test.js} at mozilla/vtt.js, not copied here) compare each of
   * them with a shared file; this is that mapping, per folder, with the exceptions after it.
   */
  private static final Map<String, String> SHARED_EXPECTATION =
      Map.ofEntries(
          Map.entry("cue-settings/align", "bad-align.json"),
          Map.entry("cue-settings/line", "bad-line.json"),
          Map.entry("cue-settings/position", "bad-position.json"),
          Map.entry("cue-settings/region", "bad-region.json"),
          Map.entry("cue-settings/size", "bad-size.json"),
          Map.entry("cue-settings/vertical", "bad-vertical.json"),
          Map.entry("cue-times", "with-data.json"),
          Map.entry("file-layout", "no-output.json"),
          Map.entry("regions", "bad-region.json"),
          Map.entry("regions/id", "bad-id.json"),
          Map.entry("regions/lines", "bad-line.json"),
          Map.entry("regions/regionanchor", "bad-regionanchor.json"),
          Map.entry("regions/scroll", "bad-scroll.json"),
          Map.entry("regions/viewportanchor", "bad-viewportanchor.json"),
          Map.entry("regions/width", "bad-width.json"));

  private static final Map<String, String> SHARED_EXPECTATION_EXCEPTIONS =
      Map.of(
          "cue-times/missing-separator.vtt", "bad-data.json",
          "file-layout/webvtt-no-bom.vtt", "with-data.json",
          "file-layout/webvtt-space.vtt", "with-data.json",
          "file-layout/webvtt-tab.vtt", "with-data.json",
          "file-layout/webvtt-with-bom.vtt", "with-data.json",
          "regions/no-line-break.vtt", "good-region.json",
          "regions/no-space-after-delimiter.vtt", "good-region.json");

  /**
   * Where we follow the W3C spec and vtt.js does not. Each entry says why; the test checks that the
   * difference is still there, so a fixed entry fails until it is removed from this list.
   */
  private static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "cue-times/min-top-digits.vtt",
          "'000:00.000': a first field of other than two digits is hours, so the spec requires"
              + " hh:mm:ss and drops the cue (WPT timings-too-long checks exactly this);"
              + " vtt.js reads it as minutes",
          "cue-times/minimum-spots-over-sixty.vtt",
          "'120:00.000': three digits make hours, and the spec then requires a seconds field, so"
              + " the cue is dropped; vtt.js reads 120 hours (its own runner skips this case)",
          "file-layout/header-no-new-line.vtt",
          "a timing line right below WEBVTT ends the header and starts a cue in the spec"
              + " (WPT header-timings expects 1 cue); vtt.js gives none",
          "integration/id.vtt",
          "a block whose first line is a bad '-->' line ends before the next timing line, which"
              + " starts a new cue (WPT arrows expects it); vtt.js drops that cue");

  /**
   * Files whose signature the spec rejects. We throw a {@link CaptionException} for them; vtt.js,
   * like a browser's failed track, gives no cues.
   */
  private static final Set<String> REJECTED_SIGNATURES =
      Set.of(
          "file-layout/bad-double-webvtt.vtt",
          "file-layout/blank-file.vtt",
          "file-layout/blank-file-with-bom.vtt",
          "file-layout/bom-garbage-data.vtt",
          "file-layout/bom-tab-webvtt.vtt",
          "file-layout/garbage-signature.vtt",
          "file-layout/newline-before-webvtt.vtt",
          "file-layout/tab-after-bom-before-header.vtt");

  private static final AtomicInteger agreed = new AtomicInteger();
  private static final AtomicInteger rejectedAsExpected = new AtomicInteger();
  private static final AtomicInteger differed = new AtomicInteger();

  static Stream<Arguments> cases() throws IOException {
    Path root = WebVttTestData.require("webvtt/vttjs");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".vtt"))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .map(Arguments::of)
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void vttjs_case_gives_the_expected_cues(String relative) throws Exception {
    Path root = WebVttTestData.DIR.resolve("webvtt/vttjs");
    Path vtt = root.resolve(relative);
    JsonNode expected = new ObjectMapper().readTree(expectationFor(root, relative).toFile());
    List<String> expectedCues = describe(expected.get("cues"));
    if (REJECTED_SIGNATURES.contains(relative)) {
      assertEquals(List.of(), expectedCues, relative);
      CaptionException e = assertThrows(CaptionException.class, () -> WebVttTestData.parseRaw(vtt));
      assertEquals(1, e.line(), e.getMessage());
      rejectedAsExpected.incrementAndGet();
      return;
    }
    List<String> actualCues = describe(WebVttTestData.parseRaw(vtt));
    // The cleaning step copes with every odd input too: it never has more cues than the file.
    assertTrue(WebVttTestData.parse(vtt).size() <= actualCues.size(), relative);
    String difference = KNOWN_DIFFERENCES.get(relative);
    if (difference == null) {
      assertEquals(expectedCues, actualCues, relative);
      agreed.incrementAndGet();
    } else {
      assertNotEquals(
          expectedCues,
          actualCues,
          relative
              + " now agrees with vtt.js: remove it from KNOWN_DIFFERENCES ("
              + difference
              + ")");
      differed.incrementAndGet();
    }
  }

  private static Path expectationFor(Path root, String relative) {
    Path sameName = root.resolve(relative.replaceFirst("\\.vtt$", ".json"));
    if (Files.exists(sameName)) {
      return sameName;
    }
    String folder = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
    String shared =
        SHARED_EXPECTATION_EXCEPTIONS.getOrDefault(relative, SHARED_EXPECTATION.get(folder));
    assertNotNull(shared, relative + " has no expected result: add it to SHARED_EXPECTATION");
    return root.resolve(folder).resolve(shared);
  }

  /** One line per cue: id, times in ms, raw text; what the comparison looks at. */
  private static List<String> describe(JsonNode cues) {
    List<String> out = new ArrayList<>();
    for (JsonNode cue : cues) {
      out.add(
          describe(
              cue.get("id").asText(),
              Math.round(cue.get("startTime").asDouble() * 1000),
              Math.round(cue.get("endTime").asDouble() * 1000),
              cue.get("text").asText()));
    }
    return out;
  }

  private static List<String> describe(List<VttCue> cues) {
    return cues.stream().map(c -> describe(c.id(), c.startMs(), c.endMs(), c.rawText())).toList();
  }

  private static String describe(String id, long startMs, long endMs, String text) {
    return "id=" + id + " " + startMs + "-->" + endMs + " text=" + text;
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "vtt.js corpus: %d agree, %d rejected for their signature (vtt.js: no cues),"
            + " %d documented differences%n",
        agreed.get(), rejectedAsExpected.get(), differed.get());
  }
}
