package dev.cuepoint.captions;

import static dev.cuepoint.captions.Fixtures.parseFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbvParserTest {
  private final SbvParser parser = new SbvParser();

  @Test
  void fixture_gives_each_cue_with_its_lines_joined() throws Exception {
    assertEquals(
        List.of(
            new Cue(400, 2900, "Welcome back. Today: how a neuron decides to fire."),
            new Cue(3100, 5000, "It's all about the threshold."),
            new Cue(5000, 7250, "First, the resting state."),
            new Cue(7250, 9000, "Then depolarisation.")),
        parseFile(parser, "neurons.sbv"));
  }

  @Test
  void crlf_and_a_bom_are_read_like_plain_lines() throws Exception {
    String sbv = "\uFEFF0:00:01.000,0:00:03.500\r\nAxon\r\n\r\n0:00:04.000,0:00:05.000\r\nSoma\r\n";
    assertEquals(
        List.of(new Cue(1000, 3500, "Axon"), new Cue(4000, 5000, "Soma")),
        parser.parse(new StringReader(sbv), "talk.sbv"));
  }

  @Test
  void broken_timing_line_names_file_line_and_timestamp() {
    String sbv = "0:00:01.000,0:00:03.500\nAxon\n\n0:00:0x.000,0:00:05.000\nSoma\n";
    CaptionException e =
        assertThrows(CaptionException.class, () -> parser.parse(new StringReader(sbv), "talk.sbv"));
    assertEquals("talk.sbv line 4: timestamp '0:00:0x.000' is not H:MM:SS.mmm", e.getMessage());
  }

  @Test
  void a_time_inside_a_sentence_stays_text() throws Exception {
    String sbv = "0:00:01.000,0:00:03.500\nat 3:15, we meet\n";
    assertEquals(
        List.of(new Cue(1000, 3500, "at 3:15, we meet")),
        parser.parse(new StringReader(sbv), "talk.sbv"));
  }

  @Test
  void text_without_timing_lines_is_not_a_caption_file() {
    CaptionException e =
        assertThrows(
            CaptionException.class, () -> parser.parse(new StringReader("hello\n"), "talk.sbv"));
    assertEquals("talk.sbv: no SBV cues found: is this a caption file?", e.getMessage());
  }
}
