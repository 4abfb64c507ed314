package dev.cuepoint.captions;

import static dev.cuepoint.captions.Fixtures.parseFile;
import static dev.cuepoint.captions.Fixtures.w;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class Json3ParserTest {
  private final Json3Parser parser = new Json3Parser();

  @Test
  void fixture_gives_word_timings_and_every_word_once() throws Exception {
    assertEquals(
        List.of(
            new Cue(
                800,
                4000,
                "a synapse releases transmitter",
                List.of(
                    w(800, "a"), w(960, "synapse"), w(1520, "releases"), w(2080, "transmitter"))),
            new Cue(
                2410,
                5410,
                "molecules that bind to receptors",
                List.of(
                    w(2410, "molecules"),
                    w(2910, "that"),
                    w(3110, "bind"),
                    w(3410, "to"),
                    w(3560, "receptors"))),
            // the overlapping event repeats "receptors" at 3560 ms: it is kept once, above
            new Cue(
                4200,
                5410,
                "on the next cell",
                List.of(w(4200, "on"), w(4360, "the"), w(4460, "next"), w(4660, "cell"))),
            new Cue(6000, 8000, "Neurons that fire together wire together."),
            // "dendr" + "ites": a word YouTube split in two is one word at its first part's time
            new Cue(
                8500,
                8500,
                "dendrites branch widely",
                List.of(w(8500, "dendrites"), w(9000, "branch"), w(9400, "widely"))),
            // regression: a one-word auto-caption line has no tOffsetMs but is still a timed word
            new Cue(9410, 10110, "right", List.of(w(9410, "right")))),
        parseFile(parser, "neurons.json3"));
  }

  @Test
  void a_segment_with_several_words_gives_each_the_segment_time() throws Exception {
    String json =
        "{\"events\":[{\"tStartMs\":100,\"dDurationMs\":900,\"segs\":["
            + "{\"utf8\":\"ion\"},{\"utf8\":\" channels open\",\"tOffsetMs\":300}]}]}";
    assertEquals(
        List.of(
            new Cue(
                100,
                1000,
                "ion channels open",
                List.of(w(100, "ion"), w(400, "channels"), w(400, "open")))),
        parser.parse(new StringReader(json), "talk.json3"));
  }

  @Test
  void json_without_events_is_not_json3() {
    CaptionException e =
        assertThrows(
            CaptionException.class,
            () ->
                parser.parse(
                    new StringReader("{\"kind\":\"youtube#video\",\"items\":[]}"), "v.json"));
    assertEquals("v.json: not YouTube json3: it has no \"events\" array", e.getMessage());
  }

  @Test
  void truncated_json_names_the_line() {
    String json = "{\"events\":[\n{\"tStartMs\":0,\"segs\":[{\"utf8\":\"Axon\"}]},\n{\"tStartMs\":";
    CaptionException e =
        assertThrows(CaptionException.class, () -> parser.parse(new StringReader(json), "t.json3"));
    assertTrue(
        e.getMessage().startsWith("t.json3 line 3: JSON is malformed or truncated: "),
        e.getMessage());
  }

  @Test
  void a_start_time_that_is_not_a_number_is_reported() {
    String json = "{\"events\":[\n{\"tStartMs\":\"soon\",\"segs\":[{\"utf8\":\"Axon\"}]}]}";
    CaptionException e =
        assertThrows(CaptionException.class, () -> parser.parse(new StringReader(json), "t.json3"));
    assertEquals(
        "t.json3 line 2: \"tStartMs\" is soon, not a number of milliseconds", e.getMessage());
  }
}
