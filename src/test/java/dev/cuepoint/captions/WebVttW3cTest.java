package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The W3C web-platform-tests WebVTT parser cases in {@code shared/data/webvtt/cases.json}: files
 * that must load, with the JavaScript assertions of their {@code .test} (or {@code .html}) file,
 * and files that must be rejected for their signature. The simple assertions on cue count, id,
 * start and end time and text are translated and checked; the others (settings, regions, style
 * sheets, loops) are counted as skipped and reported.
 */
class WebVttW3cTest {
  private static final Pattern ASSERTION = Pattern.compile("^\\s*assert_\\w+\\(.*");
  private static final Pattern CUE_COUNT =
      Pattern.compile("^\\s*assert_equals\\((?:\\w+\\.)?cues\\.length,\\s*(\\d+)\\s*[,)].*");
  private static final Pattern CUE_PROPERTY =
      Pattern.compile(
          "^\\s*assert_equals\\(cues\\[(\\d+)\\]\\.(id|text|startTime|endTime),\\s*(.*)$");

  private static final AtomicInteger cases = new AtomicInteger();
  private static final AtomicInteger checked = new AtomicInteger();
  private static final AtomicInteger skipped = new AtomicInteger();

  static Stream<Arguments> cases() throws IOException {
    Path index = WebVttTestData.require("webvtt/cases.json");
    JsonNode root = new ObjectMapper().readTree(index.toFile());
    return StreamSupport.stream(root.get("cases").spliterator(), false)
        .map(c -> Arguments.of(c.get("name").asText(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wpt_case_parses_as_the_browser_tests_expect(String name, JsonNode c) throws Exception {
    Path dir = WebVttTestData.DIR.resolve("webvtt");
    Path vtt = dir.resolve(c.get("vtt").asText());
    cases.incrementAndGet();
    if (c.get("expect").asText().equals("error")) {
      CaptionException e = assertThrows(CaptionException.class, () -> WebVttTestData.parseRaw(vtt));
      assertEquals(1, e.line(), e.getMessage());
      assertTrue(e.getMessage().startsWith(vtt.getFileName() + " line 1: "), e.getMessage());
      checked.incrementAndGet();
      return;
    }
    List<VttCue> cues = WebVttTestData.parseRaw(vtt);
    if (c.hasNonNull("expectedCueCount")) {
      assertEquals(c.get("expectedCueCount").asInt(), cues.size(), "cue count");
    }
    Path expectations = dir.resolve(c.get("expectations").asText());
    for (String line : Files.readAllLines(expectations, StandardCharsets.UTF_8)) {
      if (line.contains("===")) {
        break; // the WebVTT body of a .test file follows
      }
      if (ASSERTION.matcher(line).matches()) {
        if (check(line, cues)) {
          checked.incrementAndGet();
        } else {
          skipped.incrementAndGet();
        }
      }
    }
  }

  /** Checks one assertion line when it is of a kind we translate; false when it is not. */
  private static boolean check(String line, List<VttCue> cues) {
    Matcher count = CUE_COUNT.matcher(line);
    if (count.matches()) {
      assertEquals(Integer.parseInt(count.group(1)), cues.size(), line);
      return true;
    }
    Matcher property = CUE_PROPERTY.matcher(line);
    if (!property.matches()) {
      return false;
    }
    List<Object> literal = JsLiteral.parseFirstArgument(property.group(3));
    if (literal.isEmpty()) {
      return false; // an expression, not a literal
    }
    int index = Integer.parseInt(property.group(1));
    assertTrue(index < cues.size(), line + ": only " + cues.size() + " cues");
    VttCue cue = cues.get(index);
    Object expected = literal.getFirst();
    switch (property.group(2)) {
      case "id" -> assertEquals(expected, cue.id(), line);
      case "text" -> assertEquals(expected, cue.rawText(), line);
      case "startTime" -> assertEquals(millis(expected, line), cue.startMs(), line);
      case "endTime" -> assertEquals(millis(expected, line), cue.endMs(), line);
      default -> fail("unexpected property in " + line);
    }
    return true;
  }

  private static long millis(Object seconds, String line) {
    if (!(seconds instanceof Double d)) {
      throw new AssertionError("expected a number of seconds in " + line);
    }
    return Math.round(d * 1000);
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "WPT WebVTT: %d cases, %d assertions checked, %d skipped (settings, regions, style sheets,"
            + " loops)%n",
        cases.get(), checked.get(), skipped.get());
  }

  /** Reads the JavaScript literal at the start of an argument list: a string or a number. */
  static final class JsLiteral {
    private JsLiteral() {}

    /**
     * The literal that starts {@code args} and is followed by {@code ,} or {@code )}: a String or a
     * Double, in a one-element list; empty when the argument is not a plain literal.
     */
    static List<Object> parseFirstArgument(String args) {
      String s = args.strip();
      if (s.isEmpty()) {
        return List.of();
      }
      char q = s.charAt(0);
      if (q == '"' || q == '\'') {
        StringBuilder out = new StringBuilder();
        int i = 1;
        while (i < s.length() && s.charAt(i) != q) {
          char c = s.charAt(i++);
          if (c != '\\') {
            out.append(c);
            continue;
          }
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            case 'x' -> {
              out.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
              i += 2;
            }
            default -> out.append(e);
          }
        }
        return endsArgument(s, i + 1) ? List.of(out.toString()) : List.of();
      }
      int end = 0;
      while (end < s.length() && "0123456789.-+e".indexOf(s.charAt(end)) >= 0) {
        end++;
      }
      if (end == 0 || !endsArgument(s, end)) {
        return List.of();
      }
      try {
        return new ArrayList<>(List.of(Double.parseDouble(s.substring(0, end))));
      } catch (NumberFormatException e) {
        return List.of();
      }
    }

    private static boolean endsArgument(String s, int i) {
      String rest = s.substring(Math.min(i, s.length())).stripLeading();
      return rest.startsWith(",") || rest.startsWith(")");
    }
  }
}
