package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportSummaryTest {
  private static ImportSummary.Item item(String file, String reason) {
    return new ImportSummary.Item(Path.of(file), reason);
  }

  @Test
  void the_line_counts_changed_videos_inside_imported_ones() {
    ImportSummary s =
        new ImportSummary(145, 3, 12,
            List.of(item("a", "no captions"), item("b", "no captions")),
            List.of(item("c", "broken")));
    assertEquals(
        "imported 148 videos (3 changed), 12 unchanged, 2 skipped (no captions), 1 failed (see above)",
        s.line());
  }

  @Test
  void the_line_leaves_out_what_is_zero_and_says_one_video() {
    assertEquals("imported 1 video", new ImportSummary(1, 0, 0, List.of(), List.of()).line());
    assertEquals("imported 0 videos", new ImportSummary(0, 0, 0, List.of(), List.of()).line());
  }

  @Test
  void mixed_skip_reasons_are_counted_most_common_first() {
    ImportSummary s =
        new ImportSummary(0, 0, 0,
            List.of(item("a", "not a video info.json"), item("b", "no captions"),
                item("c", "no captions")),
            List.of());
    assertEquals(
        "imported 0 videos, 3 skipped (2 no captions, 1 not a video info.json)", s.line());
  }

  @Test
  void a_failure_message_names_the_file_once() {
    assertEquals("/d/x.srt line 3: bad", item("/d/x.srt", "x.srt line 3: bad").message());
    assertEquals("/d/x.srt: bad", item("/d/x.srt", "bad").message());
  }
}
