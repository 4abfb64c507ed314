package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YouTubeTargetsTest {
  @ParameterizedTest
  @CsvSource({
    "PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL, PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL",
    "https://www.youtube.com/playlist?list=PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL, PL09WqqDbQWHErc8xOyWdKpNEk78Jjk0EL",
    "https://www.youtube.com/watch?v=GJLlxj_dtq8&list=PLabc_DEF-123&index=2, PLabc_DEF-123",
    "www.youtube.com/playlist?list=PLabc, PLabc",
  })
  void a_playlist_is_named_by_id_or_address(String given, String id) {
    assertEquals(id, YouTubeTargets.playlist(given));
  }

  @ParameterizedTest
  @CsvSource({
    "UCcuepointLab000000000000, UCcuepointLab000000000000",
    "https://www.youtube.com/channel/UCcuepointLab000000000000/videos, UCcuepointLab000000000000",
    "https://www.youtube.com/@MITOpenCourseWare, @MITOpenCourseWare",
    "youtube.com/@cs50/playlists, @cs50",
    "@cs50, @cs50",
  })
  void a_channel_is_named_by_id_handle_or_address(String given, String id) {
    assertEquals(id, YouTubeTargets.channel(given));
  }

  @ParameterizedTest
  @ValueSource(strings = {"UC123", "https://www.youtube.com/watch?v=GJLlxj_dtq8", "a b"})
  void anything_else_is_refused_with_what_to_write(String given) {
    assertThrows(IllegalArgumentException.class, () -> YouTubeTargets.channel(given));
  }
}
