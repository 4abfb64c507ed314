package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.PlaylistEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoJsonReaderTest {
  @TempDir Path tmp;

  private InfoJson read(String json) throws IOException {
    Path f = tmp.resolve("x.info.json");
    Files.writeString(f, json);
    return new InfoJsonReader().read(f);
  }

  @Test
  void several_megabytes_of_formats_are_skipped_and_the_fields_after_them_read()
      throws IOException {
    Path f = tmp.resolve("big.info.json");
    try (Writer w = Files.newBufferedWriter(f)) {
      w.write("{\"id\": \"dQw4w9WgXcQ\", \"formats\": [");
      for (int i = 0; i < 20_000; i++) {
        w.write((i == 0 ? "" : ",")
            + "{\"format_id\": \"" + i + "\", \"url\": \"https://example.invalid/" + "x".repeat(200)
            + "\", \"http_headers\": {\"Accept\": \"*/*\"}, \"fragments\": [{\"duration\": 5.0}]}");
      }
      w.write("], \"title\": \"After the formats\", \"playlist_index\": 4,"
          + " \"playlist_id\": \"PLx\", \"playlist_title\": \"X\"}");
    }
    assertTrue(Files.size(f) > 4_000_000);
    InfoJson info = new InfoJsonReader().read(f);
    assertEquals("After the formats", info.title());
    assertEquals(Optional.of(new PlaylistEntry("PLx", "X", 4)), info.playlistEntry());
  }

  @Test
  void timestamp_wins_over_upload_date_which_wins_over_release_timestamp() throws IOException {
    assertEquals(Instant.ofEpochSecond(1700000000),
        read("{\"id\":\"dQw4w9WgXcQ\",\"timestamp\":1700000000,\"upload_date\":\"20200101\"}")
            .publishedAt());
    assertEquals(Instant.parse("2020-01-01T00:00:00Z"),
        read("{\"id\":\"dQw4w9WgXcQ\",\"release_timestamp\":1,\"upload_date\":\"20200101\"}")
            .publishedAt());
    assertEquals(Instant.ofEpochSecond(1),
        read("{\"id\":\"dQw4w9WgXcQ\",\"release_timestamp\":1}").publishedAt());
    assertEquals(null, read("{\"id\":\"dQw4w9WgXcQ\"}").publishedAt());
  }

  @Test
  void a_bad_upload_date_says_what_it_should_look_like() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> read("{\"id\":\"dQw4w9WgXcQ\",\"upload_date\":\"2020-01-01\"}"));
    assertEquals("upload_date '2020-01-01' is not a date YYYYMMDD", e.getMessage());
  }

  @Test
  void uploader_stands_in_for_a_missing_channel_and_nulls_read_as_empty() throws IOException {
    InfoJson info =
        read("{\"id\":\"dQw4w9WgXcQ\",\"uploader\":\"U\",\"title\":null,\"language\":null,"
            + "\"duration\":null,\"chapters\":null,\"subtitles\":{},\"playlist_id\":null}");
    assertEquals("U", info.channel());
    assertEquals("", info.title());
    assertEquals("", info.language());
    assertEquals(0, info.durationSeconds());
    assertEquals(List.of(), info.chapters());
    assertEquals(Optional.empty(), info.playlistEntry());
  }

  @Test
  void caption_languages_come_from_the_keys_of_subtitles_and_automatic_captions()
      throws IOException {
    InfoJson info =
        read("{\"id\":\"dQw4w9WgXcQ\",\"subtitles\":{\"en\":[{\"ext\":\"vtt\"}],\"pt-BR\":[]},"
            + "\"automatic_captions\":{\"en-orig\":[],\"de-en\":[{\"ext\":\"json3\",\"url\":\"u\"}]}}");
    assertEquals(Set.of("en", "pt-BR"), info.manualLanguages());
    assertEquals(Set.of("en-orig", "de-en"), info.autoLanguages());
  }

  @Test
  void description_chapters_are_used_only_when_ytdlp_gives_none() throws IOException {
    String desc = "\"description\":\"0:00 A\\n1:00 B\"";
    assertEquals(List.of(new Chapter(0, "A"), new Chapter(60_000, "B")),
        read("{\"id\":\"dQw4w9WgXcQ\"," + desc + ",\"chapters\":[]}").chapters());
    assertEquals(List.of(new Chapter(0, "Y")),
        read("{\"id\":\"dQw4w9WgXcQ\"," + desc + ",\"chapters\":[{\"start_time\":0,\"title\":\"Y\"}]}")
            .chapters());
  }

  @Test
  void a_playlist_info_json_is_not_a_video() throws IOException {
    assertFalse(read("{\"_type\":\"playlist\",\"id\":\"PLx\",\"entries\":[]}").isVideo());
    assertFalse(read("{\"title\":\"no id\"}").isVideo());
    assertTrue(read("{\"_type\":\"video\",\"id\":\"dQw4w9WgXcQ\"}").isVideo());
  }
}
