package dev.cuepoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChaptersTest {
  /**
   * Chapters as "seconds=title" joined with "; ", to keep the table below readable; in the table,
   * "~" separates description lines.
   */
  private static String show(List<Chapter> chapters) {
    return chapters.stream()
        .map(c -> (c.startMs() / 1000) + "=" + c.title())
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '§',
      textBlock =
          """
          plain lines                        § 0:00 Intro~1:05 Middle~12:34 End                    § 0=Intro; 65=Middle; 754=End
          dash after hours                   § 0:00:00 - Start~1:02:03 - Part two                  § 0=Start; 3723=Part two
          parenthesised                      § (0:00) Welcome~(12:34) Title                        § 0=Welcome; 754=Title
          square brackets                    § [00:00] Welcome~[02:10] Next                        § 0=Welcome; 130=Next
          pipe                               § 00:00 | Intro~12:34 | Title                         § 0=Intro; 754=Title
          en dash and colon                  § 0:00 – Intro~3:00: Proof                            § 0=Intro; 180=Proof
          title first                        § Intro 0:00~Proof - 3:00~Outro (9:59)                § 0=Intro; 180=Proof; 599=Outro
          bulleted                           § - 0:00 Intro~• 1:00 More                            § 0=Intro; 60=More
          prose around the list              § In this lecture:~~0:00 Intro~4:10 Proof~~Thanks!     § 0=Intro; 250=Proof
          lines before the first 0:00        § Recorded 2:30 pm~0:00 Intro~1:00 Rest               § 0=Intro; 60=Rest
          list ends where times stop rising  § 0:00 A~2:00 B~1:00 C~3:00 D                         § 0=A; 120=B
          only one chapter is not a list     § 0:00 Intro~see the paper                            §
          first timestamp not 0:00           § 0:10 Intro~1:00 Rest                                §
          minutes over 59 with hours         § 0:00 A~1:75:00 B                                    §
          seconds over 59                    § 0:00 A~1:60 B                                       §
          timestamp inside a sentence        § 0:00 A~we saw at 1:00 that~2:00 B                   § 0=A; 120=B
          unicode titles                     § 0:00 Einführung~1:00 神经元 🧠                         § 0=Einführung; 60=神经元 🧠
          version numbers are not times      § 0:00 A~v1.2:30 B~2:00 C                             § 0=A; 120=C
          long minutes                       § 0:00 A~75:00 B                                      § 0=A; 4500=B
          """)
  void description_lines_give_chapters(String name, String lines, String expected) {
    String description = lines == null ? "" : lines.replace('~', '\n');
    assertEquals(expected == null ? "" : expected, show(Chapters.fromDescription(description)));
  }

  @Test
  void windows_line_ends_are_lines_too() {
    assertEquals(
        "0=Intro; 60=Rest", show(Chapters.fromDescription("0:00 Intro\r\n1:00 Rest\r\n")));
  }

  @Test
  void ytdlp_chapters_become_milliseconds_in_time_order() throws IOException {
    var json =
        new ObjectMapper()
            .readTree(
                """
                [{"start_time": 25.684, "end_time": 60, "title": " Second "},
                 {"start_time": 0.0, "end_time": 25.684, "title": "First"},
                 {"start_time": 60, "title": null}]
                """);
    assertEquals(
        List.of(new Chapter(0, "First"), new Chapter(25_684, "Second"), new Chapter(60_000, "")),
        Chapters.fromYtDlp(json));
  }

  @Test
  void missing_or_null_ytdlp_chapters_are_none() throws IOException {
    assertEquals(List.of(), Chapters.fromYtDlp(null));
    assertEquals(List.of(), Chapters.fromYtDlp(new ObjectMapper().readTree("null")));
  }

  @Test
  void a_ytdlp_chapter_without_a_start_is_an_error_that_says_which() throws IOException {
    var json = new ObjectMapper().readTree("[{\"start_time\": 0}, {\"title\": \"x\"}]");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Chapters.fromYtDlp(json));
    assertTrue(e.getMessage().startsWith("chapters[1].start_time must be a number"), e.getMessage());
  }

  @Test
  void table_covers_every_example_form_from_the_design() {
    // The four forms the design names, together in one description.
    String d = String.join("\n", Arrays.asList(
        "0:00 Intro", "1:02:03 - Part two", "(1:12:34) Title", "1:20:00 | Last"));
    assertEquals("0=Intro; 3723=Part two; 4354=Title; 4800=Last", show(Chapters.fromDescription(d)));
  }
}
