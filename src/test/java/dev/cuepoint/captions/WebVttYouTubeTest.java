package dev.cuepoint.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * YouTube captions: auto-captions with rolling lines and word timing tags, real and in the shape
 * yt-dlp writes them, and real uploader captions that must pass through untouched.
 */
class WebVttYouTubeTest {
  private final WebVttParser parser = new WebVttParser();

  private List<Cue> parse(String vtt) throws Exception {
    return parser.parse(new StringReader(vtt), "inline.vtt");
  }

  // --- real data ---------------------------------------------------------------------------------

  @Test
  void real_youtube_auto_caption_fragment_gives_each_word_once_with_its_time() throws Exception {
    Path file = WebVttTestData.require("timedtext/webvtt-py/youtube_dl.vtt");
    List<Cue> cues = WebVttTestData.parse(file);
    assertEquals(4, WebVttTestData.parseRaw(file).size(), "cues in the file");
    // Read by eye from the file: "yeah", then "yeah / what" (rolling), then a line with word tags,
    // then the same line again without tags, which is a repeat.
    assertEquals(
        List.of(
            new Cue(286_070, 286_470, "yeah", List.of(new Word(286_070, "yeah"))),
            new Cue(286_470, 304_080, "what", List.of(new Word(286_470, "what"))),
            new Cue(
                304_080,
                305_069,
                "this will happen is I'm telling",
                List.of(
                    new Word(304_080, "this"),
                    new Word(304_199, "will"),
                    new Word(304_379, "happen"),
                    new Word(304_620, "is"),
                    new Word(304_860, "I'm"),
                    new Word(305_069, "telling")))),
        cues);
    assertNoRollingRepeats(cues);
    assertWordTimesInOrderAndInsideTheirCues(cues);
  }

  static Stream<Path> russianFiles() throws IOException {
    Path dir = WebVttTestData.require("timedtext/youtube-dl-ru");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".vtt")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("russianFiles")
  void real_uploader_captions_pass_through_with_every_cue(Path file) throws Exception {
    List<VttCue> raw = WebVttTestData.parseRaw(file);
    List<Cue> cues = WebVttTestData.parse(file);
    assertEquals(raw.size(), cues.size(), "no cue dropped or merged");
    for (int i = 0; i < raw.size(); i++) {
      assertEquals(CueText.clean(raw.get(i).rawText()), cues.get(i).text());
      assertEquals(raw.get(i).startMs(), cues.get(i).startMs());
      assertEquals(List.of(), cues.get(i).words(), "uploader captions carry no word times");
    }
    assertNoRollingRepeats(cues);
  }

  @Test
  void real_russian_captions_start_as_read_in_the_files() throws Exception {
    Path dir = WebVttTestData.require("timedtext/youtube-dl-ru");
    assertEquals(
        new Cue(6_870, 10_639, "В изюме больше полезных свойств, чем в свежем винограде,"),
        WebVttTestData.parse(dir.resolve("j6TL7ufqoLc.ru.vtt")).getFirst());
    assertEquals(
        new Cue(26_760, 30_710, "Обычно сложно вот так сходу объяснить, чем же Linux отличается"),
        WebVttTestData.parse(dir.resolve("ypEPe5Ii3Aw.ru.vtt")).getFirst());
    List<Cue> lecture = WebVttTestData.parse(dir.resolve("gB0s8oBCjeQ.ru.vtt"));
    assertEquals(1329, lecture.size());
    assertEquals(
        new Cue(26_680, 29_160, "Здравствуйте, дорогие все, я уже второй раз"), lecture.getFirst());
  }

  // --- the shape yt-dlp writes, built inline -----------------------------------------------------

  /** What was said, one caption line per row: each word with the millisecond it starts. */
  private static final List<List<Word>> SPOKEN_LINES =
      spokenLines(
          """
          0 Today | 380 we | 520 look | 700 at | 820 how | 1040 neurons | 1480 fire.
          2310 A | 2400 spike | 2850 is | 2990 brief, | 3500 about | 3800 one | 4020 millisecond.
          5120 So
          6000 that's | 6240 fast, | 6900 and | 7010 it's | 7300 all-or-nothing
          8200 & | 8350 <loud>
          """);

  @Test
  void rolling_auto_captions_give_exactly_the_spoken_words_at_their_times() throws Exception {
    List<Cue> cues = parse(ytDlpRollingVtt(SPOKEN_LINES));
    List<Word> expected = SPOKEN_LINES.stream().flatMap(List::stream).toList();
    assertEquals(expected, cues.stream().flatMap(c -> c.words().stream()).toList());
    assertEquals(SPOKEN_LINES.size(), cues.size(), "one cue per spoken line");
    for (int i = 0; i < cues.size(); i++) {
      List<Word> line = SPOKEN_LINES.get(i);
      assertEquals(
          line.getFirst().startMs(), cues.get(i).startMs(), "cue starts at its first word");
      assertEquals(String.join(" ", line.stream().map(Word::text).toList()), cues.get(i).text());
    }
    assertWordTimesInOrderAndInsideTheirCues(cues);
  }

  @Test
  void a_line_really_said_twice_in_a_row_is_kept_twice() throws Exception {
    List<List<Word>> lines =
        spokenLines(
            """
            0 Any | 300 questions?
            1000 thank | 1200 you
            2000 thank | 2200 you
            3000 bye
            """);
    List<Cue> cues = parse(ytDlpRollingVtt(lines));
    assertEquals(
        List.of("Any questions?", "thank you", "thank you", "bye"),
        cues.stream().map(Cue::text).toList());
    assertEquals(List.of(0L, 1_000L, 2_000L, 3_000L), cues.stream().map(Cue::startMs).toList());
  }

  @Test
  void rolling_captions_without_word_tags_drop_repeated_lines_and_snapshots() throws Exception {
    String vtt =
        """
        WEBVTT
        Kind: captions
        Language: en

        00:00:00.000 --> 00:00:02.000
        one two three

        00:00:02.000 --> 00:00:04.000
        one two three
        four five six

        00:00:04.000 --> 00:00:04.010
        four five six

        00:00:04.010 --> 00:00:06.000
        four five six
        seven eight

        00:00:06.000 --> 00:00:06.010
        four five six
        """;
    assertEquals(
        List.of(
            new Cue(0, 2_000, "one two three"),
            new Cue(2_000, 4_000, "four five six"),
            new Cue(4_010, 6_000, "seven eight")),
        parse(vtt));
  }

  @Test
  void a_snapshot_cue_showing_an_earlier_line_again_is_dropped() throws Exception {
    String vtt =
        """
        WEBVTT

        00:00:00.000 --> 00:00:02.000
        first<00:00:01.000><c> line</c>

        00:00:02.000 --> 00:00:04.000
        first line
        second<00:00:03.000><c> line</c>

        00:00:04.000 --> 00:00:04.010
        first line

        00:00:04.010 --> 00:00:05.000
        second line
        third
        """;
    assertEquals(
        List.of("first line", "second line", "third"), parse(vtt).stream().map(Cue::text).toList());
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Rows of {@code ms word} pairs separated by {@code |}, one caption line per row. */
  private static List<List<Word>> spokenLines(String rows) {
    return rows.lines()
        .map(
            row ->
                Arrays.stream(row.split(" \\| "))
                    .map(pair -> pair.split(" ", 2))
                    .map(pair -> new Word(Long.parseLong(pair[0]), pair[1]))
                    .toList())
        .toList();
  }

  /**
   * Writes spoken lines as yt-dlp writes YouTube auto-captions (the shape of
   * shared/tools/make_ytdlp_corpus.py): each line is a cue showing the previous line and the new
   * one with {@code <time><c> word</c>} tags except on its first word, followed by a 10 ms snapshot
   * cue showing the new line alone, without tags, and a blank line. Text is escaped as WebVTT
   * requires.
   */
  static String ytDlpRollingVtt(List<List<Word>> lines) {
    StringBuilder out = new StringBuilder("WEBVTT\nKind: captions\nLanguage: en\n\n");
    String previous = " ";
    for (int k = 0; k < lines.size(); k++) {
      List<Word> line = lines.get(k);
      long start = line.getFirst().startMs();
      long next = k + 1 < lines.size() ? lines.get(k + 1).getFirst().startMs() : start + 3_000;
      StringBuilder tagged = new StringBuilder(escape(line.getFirst().text()));
      for (Word w : line.subList(1, line.size())) {
        tagged
            .append('<')
            .append(time(w.startMs()))
            .append("><c> ")
            .append(escape(w.text()))
            .append("</c>");
      }
      String plain = String.join(" ", line.stream().map(w -> escape(w.text())).toList());
      String settings = " align:start position:0%\n";
      out.append(time(start))
          .append(" --> ")
          .append(time(next - 10))
          .append(settings)
          .append(previous)
          .append('\n')
          .append(tagged)
          .append("\n\n");
      out.append(time(next - 10))
          .append(" --> ")
          .append(time(next))
          .append(settings)
          .append(plain)
          .append("\n \n\n");
      previous = plain;
    }
    return out.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String time(long ms) {
    return String.format(
        "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1_000 % 60, ms % 1_000);
  }

  /** No run of 3 to 15 words is immediately repeated in the text of all cues together. */
  private static void assertNoRollingRepeats(List<Cue> cues) {
    List<String> words = cues.stream().flatMap(c -> Arrays.stream(c.text().split(" "))).toList();
    for (int k = 3; k <= 15; k++) {
      for (int i = 0; i + 2 * k <= words.size(); i++) {
        List<String> run = words.subList(i, i + k);
        assertTrue(
            !run.equals(words.subList(i + k, i + 2 * k)), "repeated after word " + i + ": " + run);
      }
    }
  }

  private static void assertWordTimesInOrderAndInsideTheirCues(List<Cue> cues) {
    long last = 0;
    for (Cue cue : cues) {
      for (Word w : cue.words()) {
        assertTrue(w.startMs() >= last, "word time goes back at " + w);
        assertTrue(
            w.startMs() >= cue.startMs() && w.startMs() <= cue.endMs(),
            w + " outside its cue " + cue.startMs() + "-" + cue.endMs());
        last = w.startMs();
      }
    }
  }
}
