package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-written cases for the WebVTT parser: one behaviour of the spec or of the cleaning each. */
class WebVttParserTest {
  private final WebVttParser parser = new WebVttParser();

  private List<Cue> parse(String vtt) throws Exception {
    return parser.parse(new StringReader(vtt), "test.vtt");
  }

  private List<VttCue> parseRaw(String vtt) throws Exception {
    return parser.parseRaw(new StringReader(vtt), "test.vtt");
  }

  private static List<String> texts(List<Cue> cues) {
    return cues.stream().map(Cue::text).toList();
  }

  @Test
  void byte_order_mark_before_the_signature_is_skipped() throws Exception {
    List<Cue> cues = parse("\ufeffWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n");
    assertEquals(List.of(new Cue(1000, 2000, "hello")), cues);
  }

  @Test
  void a_second_byte_order_mark_is_not_part_of_a_signature() {
    CaptionException e = assertThrows(CaptionException.class, () -> parse("\ufeff\ufeffWEBVTT\n"));
    assertEquals(1, e.line());
  }

  @Test
  void crlf_cr_and_lf_all_end_lines() throws Exception {
    String vtt =
        "WEBVTT\r\n\r\n"
            + "a\r\n00:00:00.000 --> 00:00:01.000\r\none\r\n\r\n"
            + "b\r00:00:01.000 --> 00:00:02.000\rtwo\r\r"
            + "c\n00:00:02.000 --> 00:00:03.000\nthree\nmore\n";
    List<VttCue> cues = parseRaw(vtt);
    assertEquals(List.of("a", "b", "c"), cues.stream().map(VttCue::id).toList());
    assertEquals(List.of("one", "two", "three\nmore"), cues.stream().map(VttCue::rawText).toList());
  }

  @Test
  void timestamps_may_omit_the_hours() throws Exception {
    VttCue cue = parseRaw("WEBVTT\n\n01:02.003 --> 59:59.999\nx").getFirst();
    assertEquals(62_003, cue.startMs());
    assertEquals(3_599_999, cue.endMs());
  }

  @Test
  void hours_may_have_more_than_two_digits_and_a_first_field_over_59_means_hours()
      throws Exception {
    List<VttCue> cues =
        parseRaw(
            "WEBVTT\n\n100:00:00.000 --> 100:00:01.000\nx\n\n"
                + "60:00.000 --> 61:00.000\nbad: 60 minutes without hours\n");
    assertEquals(1, cues.size());
    assertEquals(360_000_000, cues.getFirst().startMs());
  }

  @Test
  void a_cue_with_a_bad_timestamp_is_dropped_with_all_its_text() throws Exception {
    String vtt =
        "WEBVTT\n\n"
            + "00:00:00.000 --> 00:00:01.000\nfirst\n\n"
            + "00:00:01.000 --> 00:00:02.00\nbad fraction\nsecond line of the bad cue\n\n"
            + "00:00:02.000 --> 00:00:03.000\nthird\n";
    assertEquals(List.of("first", "third"), texts(parse(vtt)));
  }

  @Test
  void a_note_block_is_a_comment_not_a_cue() throws Exception {
    String vtt =
        "WEBVTT\n\nNOTE this is a comment\nspanning two lines\n\n"
            + "00:00:00.000 --> 00:00:01.000\nspoken\n\nNOTE\nanother\n";
    assertEquals(List.of("spoken"), texts(parse(vtt)));
  }

  @Test
  void style_and_region_blocks_give_no_cues() throws Exception {
    String vtt =
        "WEBVTT\n\nSTYLE\n::cue { color: red }\n\nREGION\nid:r width:40%\n\n"
            + "00:00:00.000 --> 00:00:01.000 region:r\nshown\n";
    List<VttCue> cues = parseRaw(vtt);
    assertEquals(1, cues.size());
    assertEquals("region:r", cues.getFirst().settings());
  }

  @Test
  void the_line_before_the_timings_is_the_cue_identifier() throws Exception {
    VttCue cue =
        parseRaw("WEBVTT\n\nintro-1\n00:00:00.000 --> 00:00:01.000 align:start\nhi").getFirst();
    assertEquals(new VttCue("intro-1", 0, 1000, "align:start", "hi"), cue);
  }

  @Test
  void an_arrow_inside_cue_text_ends_the_cue_and_starts_another_block() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nbefore\nnot --> text\nafter\n\n"
            + "00:00:02.000 --> 00:00:03.000\nnext\n";
    List<VttCue> cues = parseRaw(vtt);
    // "not --> text" is a failed timing line: it and "after" form a dropped block.
    assertEquals(List.of("before", "next"), cues.stream().map(VttCue::rawText).toList());
  }

  @Test
  void text_right_below_the_signature_is_header_and_a_timing_line_there_starts_a_cue()
      throws Exception {
    assertEquals(
        List.of("a"), texts(parse("WEBVTT\nKind: captions\n\n00:00.000 --> 00:01.000\na")));
    assertEquals(List.of("b"), texts(parse("WEBVTT\n00:00.000 --> 00:01.000\nb")));
  }

  @Test
  void entities_are_decoded_and_tags_removed() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n"
            + "<v Roger Bingham><i>Fish</i> &amp; chips &lt;3 &#233;t&#xE9;&gt;\n"
            + "<c.yellow>caf&eacute;</c> <ruby>漢<rt>kan</rt></ruby>&nbsp;ok&lrm;\n";
    assertEquals(List.of("Fish & chips <3 été> café 漢kan ok"), texts(parse(vtt)));
  }

  @Test
  void whitespace_and_line_breaks_collapse_to_single_spaces() throws Exception {
    assertEquals(
        List.of("two lines here"),
        texts(parse("WEBVTT\n\n00:00.000 --> 00:01.000\n  two \t lines\n here  \n")));
  }

  @Test
  void cues_that_are_empty_after_cleaning_are_dropped() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00.000 --> 00:01.000\n<i></i>\n\n00:01.000 --> 00:02.000\n \n\n"
            + "00:02.000 --> 00:03.000\nkept\n\n00:03.000 --> 00:04.000\n";
    assertEquals(List.of(new Cue(2000, 3000, "kept")), parse(vtt));
  }

  @Test
  void timestamp_tags_give_each_word_its_time() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n"
            + "<v Sam>Never <00:00:01.500>gonna<00:00:02.250> give <00:03.000>you up\n";
    Cue cue = parse(vtt).getFirst();
    assertEquals("Never gonna give you up", cue.text());
    assertEquals(
        List.of(
            new Word(1000, "Never"),
            new Word(1500, "gonna"),
            new Word(2250, "give"),
            new Word(3000, "you"),
            new Word(3000, "up")),
        cue.words());
  }

  @Test
  void word_times_never_go_back_and_a_cue_stretches_to_its_last_word() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00:10.000 --> 00:00:20.000\n"
            + "early<00:00:05.000> before <00:00:30.000>after <00:00:12.000>back\n";
    Cue cue = parse(vtt).getFirst();
    assertEquals(
        List.of(10_000L, 10_000L, 30_000L, 30_000L),
        cue.words().stream().map(Word::startMs).toList());
    assertEquals(10_000, cue.startMs());
    assertEquals(30_000, cue.endMs());
  }

  @Test
  void ordinary_captions_that_repeat_a_line_keep_every_line() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00.000 --> 00:01.000\nLa la la\n\n00:01.000 --> 00:02.000\nLa la la\n\n"
            + "00:02.000 --> 00:03.000\nLa la la\nand again\n\n00:03.000 --> 00:04.000\nthe end\n";
    assertEquals(
        List.of("La la la", "La la la", "La la la and again", "the end"), texts(parse(vtt)));
  }

  @Test
  void a_cue_ending_before_it_starts_is_kept_as_an_instant() throws Exception {
    assertEquals(
        List.of(new Cue(5000, 5000, "odd")),
        parse("WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nodd\n"));
  }

  @Test
  void cues_come_back_in_time_order() throws Exception {
    String vtt =
        "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nlater\n\n00:00:01.000 --> 00:00:02.000\nsooner\n";
    assertEquals(List.of("sooner", "later"), texts(parse(vtt)));
  }

  @Test
  void a_file_without_the_signature_is_an_error_naming_the_file_and_line_1() {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\nhello\n";
    CaptionException e =
        assertThrows(
            CaptionException.class,
            () -> parser.parse(new StringReader(srt), "lecture-01.srt.vtt"));
    assertEquals(1, e.line());
    assertEquals(
        "lecture-01.srt.vtt line 1: missing the WEBVTT signature: this is not a WebVTT file"
            + " (it starts with \"1\")",
        e.getMessage());
  }

  @Test
  void an_empty_file_is_not_a_webvtt_file() {
    CaptionException e = assertThrows(CaptionException.class, () -> parse(""));
    assertTrue(e.getMessage().contains("the file is empty"), e.getMessage());
  }

  @Test
  void webvtt_followed_by_other_text_is_not_a_signature() {
    assertThrows(CaptionException.class, () -> parse("WEBVTTX\n"));
    assertThrows(CaptionException.class, () -> parse("WEBVTT\f\n"));
  }

  @Test
  void a_huge_single_line_is_refused_after_reading_only_the_limit() {
    int limit = 1000;
    CountingReader endlessLine = new CountingReader("WEBVTT\n\n00:00.000 --> 00:01.000\n", 'x');
    CaptionException e =
        assertThrows(
            CaptionException.class, () -> new WebVttParser(limit).parse(endlessLine, "huge.vtt"));
    assertEquals(4, e.line());
    assertEquals(
        "huge.vtt line 4: line is longer than 1000 characters: this is not a caption file",
        e.getMessage());
    assertTrue(endlessLine.served < limit + 20_000, "read " + endlessLine.served + " chars");
  }

  @Test
  void the_default_line_limit_is_a_few_megabytes_and_real_lines_are_far_below_it()
      throws Exception {
    String longLine = "word ".repeat(200_000); // a million characters on one line
    List<Cue> cues = parse("WEBVTT\n\n00:00.000 --> 00:01.000\n" + longLine);
    assertEquals(200_000, cues.getFirst().text().split(" ").length);
    CountingReader endless = new CountingReader("WEBVTT\n", 'y');
    assertThrows(CaptionException.class, () -> parser.parse(endless, "endless.vtt"));
    assertTrue(endless.served <= WebVttParser.MAX_LINE_CHARS + 20_000);
  }

  /** Serves a prefix, then one character forever, counting what was read. */
  private static final class CountingReader extends Reader {
    private final String prefix;
    private final char fill;
    long served;

    CountingReader(String prefix, char fill) {
      this.prefix = prefix;
      this.fill = fill;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      for (int i = 0; i < len; i++) {
        buf[off + i] = served < prefix.length() ? prefix.charAt((int) served) : fill;
        served++;
      }
      return len;
    }

    @Override
    public void close() {}
  }
}
