package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cue text parsing: the W3C web-platform-tests cue text cases ({@code .dat} files in html5lib tree
 * format and the URL-encoded cases of {@code tags.html}), compared on what Cuepoint keeps of a
 * cue's text (its normalized plain text, and whether it has timestamps), plus hand-written cases.
 */
class WebVttCueTextTest {
  private static final Pattern TEXT_NODE = Pattern.compile("^\\|\\s*\"(.*)\"$");
  private static final Pattern TAGS_CASE = Pattern.compile("input:'([^']*)', expected:'([^']*)'");

  /** Named references outside the subset we decode (HTML has 2,231; captions use a handful). */
  private static final Map<String, String> KNOWN_DIFFERENCES =
      Map.of(
          "entities.dat: &ClockwiseContourIntegral;", "not in our table of named references",
          "entities.dat: &nsubE;", "not in our table of named references",
          "entities.dat: &notin;",
              "not in our table, so HTML's legacy rule reads '&not' and keeps 'in;'");

  static Stream<Arguments> cases() throws IOException {
    Path dir = WebVttTestData.require("webvtt/cue-text-parsing");
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir.resolve("dat"))) {
      for (Path dat : files.sorted().toList()) {
        String[] blocks = Files.readString(dat, StandardCharsets.UTF_8).split("(?m)^#data\\n");
        for (String block : blocks) {
          if (block.isBlank()) {
            continue;
          }
          String input = block.substring(0, block.indexOf("\n#errors"));
          String tree = block.substring(block.indexOf("#document-fragment"));
          out.add(Arguments.of(dat.getFileName() + ": " + input, unescape(input), tree));
        }
      }
    }
    Matcher m =
        TAGS_CASE.matcher(Files.readString(dir.resolve("tests/tags.html"), StandardCharsets.UTF_8));
    while (m.find()) {
      String input = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
      String tree = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
      out.add(Arguments.of("tags.html: " + input.replace("\n", "\\n"), input, tree));
    }
    return out.stream();
  }

  /**
   * Each input is the text of a cue in a file, as the WPT harness runs it, so the file rules apply
   * first (a NUL becomes U+FFFD, a blank line ends the cue).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wpt_cue_text_gives_the_expected_plain_text(String name, String input, String tree)
      throws Exception {
    String vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + input;
    VttCue cue = new WebVttParser().parseRaw(new StringReader(vtt), "cue-text.vtt").getFirst();
    VttCueText text = VttCueTextParser.parse(cue.rawText(), cue.startMs());
    StringBuilder expected = new StringBuilder();
    boolean timestamps = false;
    for (String line : tree.split("\n")) {
      Matcher node = TEXT_NODE.matcher(line);
      if (node.matches()) {
        expected.append(unescape(node.group(1)));
      }
      timestamps |= line.contains("<?timestamp ");
    }
    String difference = KNOWN_DIFFERENCES.get(name);
    if (difference != null) {
      assertNotEquals(
          CueText.collapse(expected.toString()),
          text.text(),
          name + " now passes: remove it from KNOWN_DIFFERENCES (" + difference + ")");
      return;
    }
    assertEquals(CueText.collapse(expected.toString()), text.text(), name);
    assertEquals(timestamps, text.timestamped(), name + ": has timestamps");
  }

  @Test
  void words_split_where_the_normalized_text_has_spaces() {
    VttCueText text =
        VttCueTextParser.parse("a&nbsp;b\u200e c\u00a0\td\n\n  <i>e</i>f <00:02.000>g", 1000);
    assertEquals("a b c d ef g", text.text());
    assertEquals(3, text.lines().size());
    assertEquals(
        List.of(new Word(1000, "a"), new Word(1000, "b"), new Word(1000, "c"), new Word(1000, "d")),
        text.lines().get(0).words());
    assertEquals("", text.lines().get(1).text());
    assertEquals(List.of(new Word(1000, "ef"), new Word(2000, "g")), text.lines().get(2).words());
    assertEquals(true, text.timestamped());
  }

  @Test
  void a_timestamp_inside_a_word_gives_the_word_the_time_of_its_first_letter() {
    VttCueText text = VttCueTextParser.parse("hel<00:00:03.000>lo world", 1000);
    assertEquals(
        List.of(new Word(1000, "hello"), new Word(3000, "world")), text.lines().getFirst().words());
  }

  @Test
  void an_invalid_timestamp_tag_is_ignored() {
    VttCueText text = VttCueTextParser.parse("a <00:03.0> b <1:00.000> c", 500);
    assertEquals(false, text.timestamped());
    assertEquals("a b c", text.text());
  }

  @Test
  void character_references_follow_html() {
    assertEquals(
        "& & < > é é © ¬it; &1; &; &#; \ufffd",
        CharacterReferences.decode(
            "&amp &amp; &lt; &GT; &#233; &#xE9 &copy &notit; &1; &; &#; &#0;"));
    assertEquals("R&D", CharacterReferences.decode("R&D"));
    assertEquals("\ud83d\ude00", CharacterReferences.decode("&#x1F600;"));
  }

  /** Decodes the escapes used in the .dat files: backslash-n, -xNN, -uNNNN. */
  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 'x' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append('\\').append(e);
      }
    }
    return out.toString();
  }
}
