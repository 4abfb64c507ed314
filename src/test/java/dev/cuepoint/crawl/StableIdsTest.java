package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Video;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StableIdsTest {
  private static final Path ROOT = Path.of("/srv/lectures");

  @Test
  void a_recordings_id_is_a_valid_video_id_that_no_youtube_video_can_have() {
    Set<String> seen = new HashSet<>();
    Set<Character> endings = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      String id = StableIds.of(ROOT, ROOT.resolve("week " + i / 10).resolve("lecture " + i));
      assertTrue(Video.ID.matcher(id).matches(), id);
      assertFalse(Video.onYouTube(id), id);
      assertTrue(seen.add(id), "two recordings got " + id);
      endings.add(id.charAt(10));
    }
    assertEquals(48, endings.size(), "every one of the 48 endings YouTube does not use: " + endings);
  }

  @Test
  void the_same_file_under_the_same_folder_keeps_its_id_wherever_the_folder_is() {
    assertEquals(StableIds.of(ROOT, ROOT.resolve("a/b")), StableIds.of(Path.of("/elsewhere"), Path.of("/elsewhere/a/b")));
    assertNotEquals(StableIds.of(ROOT, ROOT.resolve("a/b")), StableIds.of(ROOT, ROOT.resolve("a/c")));
  }
}
