package dev.cuepoint.captions;

import static dev.cuepoint.captions.Fixtures.parse;
import static dev.cuepoint.captions.Fixtures.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.Reader;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SrtParserTest {
  private final SrtParser parser = new SrtParser();

  static Stream<Arguments> sloppyFiles() {
    return Stream.of(
        Arguments.of(
            "numbered cues separated by blank lines",
            "1\n"
                + "00:00:01,000 --> 00:00:03,500\n"
                + "Hello world\n\n"
                + "2\n"
                + "00:00:04,000 --> 00:00:05,000\n"
                + "Next\n",
            "1000-3500 Hello world | 4000-5000 Next"),
        Arguments.of(
            "a BOM before the first number",
            "\uFEFF1\n00:00:01,000 --> 00:00:02,000\nAxon\n",
            "1000-2000 Axon"),
        Arguments.of(
            "CRLF line ends",
            "1\r\n"
                + "00:00:01,000 --> 00:00:02,000\r\n"
                + "Axon\r\n\r\n"
                + "2\r\n"
                + "00:00:03,000 --> 00:00:04,000\r\n"
                + "Soma\r\n",
            "1000-2000 Axon | 3000-4000 Soma"),
        Arguments.of(
            "CR-only line ends",
            "1\r00:00:01,000 --> 00:00:02,000\rAxon\r\r2\r00:00:03,000 --> 00:00:04,000\rSoma\r",
            "1000-2000 Axon | 3000-4000 Soma"),
        Arguments.of(
            "no blank line before the next cue number",
            "1\n00:00:01,000 --> 00:00:02,000\nAxon\n2\n00:00:02,000 --> 00:00:03,000\nSoma\n",
            "1000-2000 Axon | 2000-3000 Soma"),
        Arguments.of(
            "bare timing lines without numbers or blank lines",
            "00:00:01,000 --> 00:00:02,000\nAxon\n00:00:02,500 --> 00:00:03,000\nSoma\n",
            "1000-2000 Axon | 2500-3000 Soma"),
        Arguments.of(
            "a period before the milliseconds",
            "1\n00:00:01.250 --> 00:00:02.750\nAxon\n",
            "1250-2750 Axon"),
        Arguments.of(
            "one and two millisecond digits count milliseconds",
            "1\n00:00:01,5 --> 00:00:02,25\nAxon\n",
            "1005-2025 Axon"),
        Arguments.of(
            "fractional milliseconds as in 3b1b's chinese captions are rounded",
            "1\n00:00:04,560.0000000000009 --> 00:04:35,69.5234375\nAxon\n",
            "4560-275070 Axon"),
        Arguments.of(
            "trailing spaces and tabs on every line",
            "1 \n"
                + "00:00:01,000 --> 00:00:02,000  \t\n"
                + "Axon   \n"
                + "   \n"
                + "2\t\n"
                + "00:00:03,000 --> 00:00:04,000 \n"
                + "Soma \n",
            "1000-2000 Axon | 3000-4000 Soma"),
        Arguments.of(
            "numbering gaps and numbers out of sequence",
            "5\n00:00:01,000 --> 00:00:02,000\nAxon\n\n3\n00:00:03,000 --> 00:00:04,000\nSoma\n\n"
                + "100\n00:00:05,000 --> 00:00:06,000\nDendrite\n",
            "1000-2000 Axon | 3000-4000 Soma | 5000-6000 Dendrite"),
        Arguments.of(
            "italic, bold and font tags are removed",
            "1\n"
                + "00:00:01,000 --> 00:00:02,000\n"
                + "<i>Neurons</i> <font color=\"#ffff00\">fire</font> <b>fast</b>\n",
            "1000-2000 Neurons fire fast"),
        Arguments.of(
            "SSA override blocks such as {\\an8} are removed",
            "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}Top of the screen\n",
            "1000-2000 Top of the screen"),
        Arguments.of(
            "a position suffix after the end time is ignored",
            "1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:600 Y1:050 Y2:100\nAxon\n",
            "1000-2000 Axon"),
        Arguments.of(
            "no spaces around the arrow and a one-digit hour",
            "1\n0:00:01,000-->0:00:02,000\nAxon\n",
            "1000-2000 Axon"),
        Arguments.of(
            "lines of one cue are joined with a space",
            "1\n00:00:01,000 --> 00:00:02,000\nThe action\npotential\n",
            "1000-2000 The action potential"),
        Arguments.of(
            "a blank line inside a cue's text keeps the text with that cue",
            "1\n"
                + "00:00:01,000 --> 00:00:02,000\n"
                + "first part\n\n"
                + "second part\n\n"
                + "2\n"
                + "00:00:03,000 --> 00:00:04,000\n"
                + "next\n",
            "1000-2000 first part second part | 3000-4000 next"),
        Arguments.of(
            "a number that is the cue's text stays text",
            "1\n00:00:01,000 --> 00:00:02,000\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nSoma\n",
            "1000-2000 42 | 3000-4000 Soma"),
        Arguments.of(
            "character references are decoded",
            "1\n00:00:01,000 --> 00:00:02,000\nSodium &amp; potassium &#8212; ions\n",
            "1000-2000 Sodium & potassium \u2014 ions"),
        Arguments.of(
            "an arrow inside text stays text",
            "1\n00:00:01,000 --> 00:00:02,000\ninput --> output\n",
            "1000-2000 input --> output"),
        Arguments.of(
            "cues without text are dropped",
            "1\n"
                + "00:00:01,000 --> 00:00:02,000\n"
                + " \n\n"
                + "2\n"
                + "00:00:03,000 --> 00:00:04,000\n"
                + "Soma\n\n"
                + "3\n"
                + "00:00:05,000 --> 00:00:06,000\n",
            "3000-4000 Soma"),
        Arguments.of(
            "an end before the start keeps the start and lasts zero milliseconds",
            "214\n00:13:41,380 --> 00:13:40,520\nOrganize the activations\n",
            "821380-821380 Organize the activations"),
        Arguments.of(
            "cues out of order come out in time order",
            "1\n"
                + "00:00:05,000 --> 00:00:06,000\n"
                + "later\n\n"
                + "2\n"
                + "00:00:01,000 --> 00:00:02,000\n"
                + "earlier\n",
            "1000-2000 earlier | 5000-6000 later"),
        Arguments.of(
            "text before the first timing line is ignored",
            "Captions by the course team\n\n1\n00:00:01,000 --> 00:00:02,000\nAxon\n",
            "1000-2000 Axon"),
        Arguments.of(
            "hours beyond 99 and no trailing newline",
            "1\n100:00:00,000 --> 100:00:01,000\nlong lecture",
            "360000000-360001000 long lecture"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sloppyFiles")
  void sloppy_real_world_srt_is_read_as_intended(String name, String srt, String expected)
      throws Exception {
    assertEquals(expected, render(parse(parser, srt)));
  }

  @Test
  void broken_timestamp_names_file_line_and_text() {
    String srt =
        "1\n00:00:01,000 --> 00:00:02,000\nAxon\n\n"
            + "2\n00:00:02,000 --> 00:00:03,000\nSoma\n\n"
            + "3\n00:00:03,000 --> 00:00:04,000\nDendrite\n\n"
            + "4\n00:01:0x,000 --> 00:01:02,000\nSynapse\n";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(parser, srt));
    assertEquals(
        "lecture.srt line 14: timestamp '00:01:0x,000' is not HH:MM:SS,mmm", e.getMessage());
    assertEquals(14, e.line());
  }

  @Test
  void broken_end_timestamp_is_reported_too() {
    String srt = "1\n00:00:01,000 --> 00:00:02;000\nAxon\n";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(parser, srt));
    assertEquals(
        "lecture.srt line 2: timestamp '00:00:02;000' is not HH:MM:SS,mmm", e.getMessage());
  }

  @Test
  void minutes_above_59_are_not_a_timestamp() {
    String srt = "1\n00:75:00,000 --> 00:76:00,000\nAxon\n";
    CaptionException e = assertThrows(CaptionException.class, () -> parse(parser, srt));
    assertEquals(
        "lecture.srt line 2: timestamp '00:75:00,000' is not HH:MM:SS,mmm", e.getMessage());
  }

  @Test
  void text_without_any_cue_is_not_a_caption_file() {
    CaptionException e =
        assertThrows(CaptionException.class, () -> parse(parser, "Dear students,\nsee you.\n"));
    assertEquals("lecture.srt: no SRT cues found: is this a caption file?", e.getMessage());
  }

  @Test
  void timing_lines_without_text_are_reported_as_such() {
    CaptionException e =
        assertThrows(
            CaptionException.class,
            () ->
                parse(
                    parser,
                    "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\n"));
    assertEquals(
        "lecture.srt: no SRT cues found: the 2 timing lines have no text under them",
        e.getMessage());
  }

  @Test
  void a_million_lines_without_timing_fail_quickly() {
    CaptionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    CaptionException.class,
                    () ->
                        parser.parse(
                            new RepeatingReader("no timing here\n", 1_000_000), "big.srt")));
    assertEquals("big.srt: no SRT cues found: is this a caption file?", e.getMessage());
  }

  @Test
  void a_line_of_megabytes_is_refused_without_holding_it() {
    CaptionException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    CaptionException.class,
                    () -> parser.parse(new RepeatingReader("x", 50_000_000), "one-line.srt")));
    assertEquals(
        "one-line.srt line 1: line is longer than 1048576 characters: is this a caption file?",
        e.getMessage());
  }

  /** A long input generated on the fly, so the test itself needs no memory for it. */
  static final class RepeatingReader extends Reader {
    private final String unit;
    private long remaining;
    private int at;

    RepeatingReader(String unit, long times) {
      this.unit = unit;
      this.remaining = times;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = 0;
      while (n < length && remaining > 0) {
        buffer[offset + n++] = unit.charAt(at++);
        if (at == unit.length()) {
          at = 0;
          remaining--;
        }
      }
      return n;
    }

    @Override
    public void close() {}
  }
}
