package dev.cuepoint.captions;

import static dev.cuepoint.captions.Fixtures.parseFile;
import static dev.cuepoint.captions.Fixtures.w;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimedTextParserTest {
  private final TimedTextParser parser = new TimedTextParser();

  @Test
  void srv1_times_are_seconds_and_doubly_escaped_text_is_decoded() throws Exception {
    assertEquals(
        List.of(
            new Cue(500, 2750, "A neuron collects signals at its dendrites."),
            new Cue(2750, 5750, "When the voltage crosses a threshold, it fires."),
            new Cue(6200, 9000, "That's the action potential & it travels down the axon."),
            new Cue(9000, 10999, "Synapses pass it on > to the next cell.")),
        parseFile(parser, "neurons.srv1.xml"));
  }

  @Test
  void srv2_times_are_milliseconds_and_empty_text_gives_no_cue() throws Exception {
    assertEquals(
        List.of(
            new Cue(1230, 3730, "The axon hillock"),
            new Cue(3730, 6000, "integrates the inputs."),
            new Cue(6000, 9000, "A spike is all-or-none: it either fires, or it doesn't.")),
        parseFile(parser, "neurons.srv2.xml"));
  }

  @Test
  void srv3_gives_word_timings_and_no_cue_for_line_break_paragraphs() throws Exception {
    assertEquals(
        List.of(
            new Cue(
                1200,
                4600,
                "each neuron sums its inputs",
                List.of(
                    w(1200, "each"),
                    w(1440, "neuron"),
                    w(1800, "sums"),
                    w(2210, "its"),
                    w(2460, "inputs"))),
            new Cue(
                2960,
                5960,
                "and fires when they're large",
                List.of(
                    w(2960, "and"),
                    w(3140, "fires"),
                    w(3480, "when"),
                    w(3660, "they're"),
                    w(4060, "large"))),
            new Cue(
                6000,
                8500,
                "spikes travel down the axon",
                List.of(
                    w(6000, "spikes"),
                    w(6300, "travel"),
                    w(6650, "down"),
                    w(6900, "the"),
                    w(7000, "axon"))),
            // a one-word line has no s@t, but its ac attribute marks it as a recognised word
            new Cue(8600, 8900, "okay", List.of(w(8600, "okay"))),
            new Cue(9000, 10500, "[Music]")),
        parseFile(parser, "neurons.srv3.xml"));
  }

  @Test
  void real_srv1_sample_from_youtube_transcript_api_parses() throws Exception {
    Path sample =
        Fixtures.SHARED_DATA.resolve("timedtext/youtube-transcript-api/transcript.xml.static");
    dev.cuepoint.realdata.RealData.present(Files.isRegularFile(sample), "shared data not found at " + sample.toAbsolutePath());
    try (Reader in = Files.newBufferedReader(sample, UTF_8)) {
      assertEquals(
          List.of(
              new Cue(0, 1540, "Hey, this is just a test"),
              new Cue(1540, 5700, "this is not the original transcript"),
              new Cue(5700, 8939, "just something shorter, I made up for testing")),
          parser.parse(in, sample.getFileName().toString()));
    }
  }

  @Test
  void a_bom_before_the_xml_declaration_is_skipped() throws Exception {
    String xml =
        "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\" ?><transcript>"
            + "<text start=\"1\" dur=\"1\">Soma</text></transcript>";
    assertEquals(List.of(new Cue(1000, 2000, "Soma")), parse(xml));
  }

  @Test
  void external_entities_are_never_read(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE transcript [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><transcript><text start=\"0\" dur=\"1\">&x;</text></transcript>";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(xml));
    assertTrue(e.getMessage().startsWith("lecture.xml line 1: XML is malformed"), e.getMessage());
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
  }

  @Test
  void internal_entities_cannot_expand_into_a_billion_laughs() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE transcript [");
    xml.append("<!ENTITY a0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      xml.append("<!ENTITY a").append(i).append(" \"");
      xml.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
    }
    xml.append("]><transcript><text start=\"0\" dur=\"1\">&a10;</text></transcript>");
    CaptionException e = assertThrows(CaptionException.class, () -> parse(xml.toString()));
    assertTrue(e.getMessage().startsWith("lecture.xml line 1: XML is malformed"), e.getMessage());
  }

  @Test
  void truncated_xml_names_the_file_and_line() {
    String xml =
        "<?xml version=\"1.0\"?>\n<transcript>\n<text start=\"0\" dur=\"1\">Axon</text>\n"
            + "<text start=\"1\" dur=\"1\">So";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(xml));
    assertTrue(
        e.getMessage().startsWith("lecture.xml line 4: XML is malformed or truncated: "),
        e.getMessage());
  }

  @Test
  void a_start_that_is_not_a_number_names_the_line_and_value() {
    String xml =
        "<transcript>\n<text start=\"0\" dur=\"1\">Axon</text>\n"
            + "<text start=\"1,5\" dur=\"1\">Soma</text>\n</transcript>";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(xml));
    assertEquals("lecture.xml line 3: <text> start '1,5' is not a number", e.getMessage());
  }

  @Test
  void another_xml_root_is_not_timedtext() {
    CaptionException e =
        assertThrows(CaptionException.class, () -> parse("<html><body>hi</body></html>"));
    assertEquals(
        "lecture.xml line 1: XML root element <html> is not YouTube timedtext (<transcript> or"
            + " <timedtext>)",
        e.getMessage());
  }

  private List<Cue> parse(String xml) throws Exception {
    return parser.parse(new StringReader(xml), "lecture.xml");
  }
}
