package dev.cuepoint.captions;

import static dev.cuepoint.captions.Fixtures.parseFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TtmlParserTest {
  private final TtmlParser parser = new TtmlParser();

  @Test
  void clock_times_dur_spans_br_and_div_offsets() throws Exception {
    assertEquals(
        List.of(
            new Cue(1000, 3500, "The membrane keeps a resting potential"),
            new Cue(3500, 5750, "of about minus seventy millivolts."),
            new Cue(60500, 62000, "Ion channels open, sodium rushes in."),
            new Cue(62000, 63500, "Then potassium flows out.")),
        parseFile(parser, "neurons-clock.ttml"));
  }

  @Test
  void frames_sub_frames_ticks_and_offset_units() throws Exception {
    assertEquals(
        List.of(
            new Cue(10200, 12800, "Myelin speeds conduction"),
            new Cue(13000, 15000, "between the nodes of Ranvier."),
            new Cue(16000, 18500, "Saltatory conduction"),
            new Cue(18600, 19000, "jumps from node to node,"),
            new Cue(19500, 19800, "far faster than a bare axon.")),
        parseFile(parser, "neurons-frames.dfxp"));
  }

  @Test
  void frame_rate_multiplier_slows_ntsc_frames() {
    TtmlTime ntsc = TtmlTime.of("30", "1000 1001", null, null);
    assertEquals(968, ntsc.millis("00:00:00:29"));
    assertEquals(1001, ntsc.millis("30f"));
  }

  @Test
  void tick_rate_defaults_to_frame_rate_or_one_per_second() {
    assertEquals(2000, TtmlTime.of("25", null, null, null).millis("50t"));
    assertEquals(3000, TtmlTime.of(null, null, null, null).millis("3t"));
  }

  @Test
  void a_bad_time_expression_names_line_and_value() {
    String ttml =
        "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div>\n"
            + "<p begin=\"1.5x\" end=\"2s\">Axon</p></div></body></tt>";
    CaptionException e =
        assertThrows(CaptionException.class, () -> parser.parse(new StringReader(ttml), "t.ttml"));
    assertEquals(
        "t.ttml line 2: <p> time '1.5x' is not a TTML clock time (00:00:01.500, 00:00:01:12) or"
            + " offset (1.5s, 1500ms, 30f, 90t)",
        e.getMessage());
  }

  @Test
  void a_paragraph_without_an_end_lasts_zero_milliseconds() throws Exception {
    String ttml = "<tt><body><p begin=\"4s\">Soma</p></body></tt>";
    assertEquals(
        List.of(new Cue(4000, 4000, "Soma")), parser.parse(new StringReader(ttml), "t.ttml"));
  }

  @Test
  void a_paragraph_ends_with_its_div() throws Exception {
    String ttml =
        "<tt><body><div begin=\"10s\" end=\"12s\"><p begin=\"1s\" dur=\"5s\">Soma</p>"
            + "</div></body></tt>";
    assertEquals(
        List.of(new Cue(11000, 12000, "Soma")), parser.parse(new StringReader(ttml), "t.ttml"));
  }

  @Test
  void another_xml_root_is_not_ttml() {
    CaptionException e =
        assertThrows(
            CaptionException.class,
            () -> parser.parse(new StringReader("<transcript/>"), "t.ttml"));
    assertEquals("t.ttml line 1: XML root element <transcript> is not TTML (<tt>)", e.getMessage());
  }
}
