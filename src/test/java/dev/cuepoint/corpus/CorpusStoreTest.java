package dev.cuepoint.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusStoreTest {
  @TempDir Path data;

  static Video richVideo(String id) {
    Transcript auto =
        new Transcript(
            "en",
            Transcript.Kind.AUTO,
            "yt-dlp:Spikes [" + id + "].en.vtt",
            List.of(
                new Cue(
                    0,
                    1810,
                    "neurons that fire",
                    List.of(new Word(0, "neurons"), new Word(420, "that"), new Word(800, "fire"))),
                new Cue(1820, 3690, "together wire together", List.of(
                    new Word(1820, "together"), new Word(2400, "wire"), new Word(3000, "together")))));
    Transcript manual =
        new Transcript(
            "pt-BR",
            Transcript.Kind.MANUAL,
            "yt-dlp:Spikes [" + id + "].pt-BR.srt",
            List.of(
                new Cue(0, 2000, "neurônios que disparam \"juntos\" \\ se conectam"),
                new Cue(2000, 2000, "ação → reação 🧠")));
    return new Video(
        id,
        "Hebb's rule — «cells that fire» 神经元 [part 1]",
        "Line one\nLine \"two\"\t\u00e9\n0:00 Intro\n1:02 Rule",
        "Cuepoint Lab",
        "UCabcdefghijklmnopqrstuv",
        Instant.parse("2024-03-01T10:15:30.123456789Z"),
        754,
        "https://i.ytimg.com/vi/" + id + "/maxresdefault.jpg",
        "en",
        List.of(new Chapter(0, "Intro"), new Chapter(62_000, "Rule")),
        List.of(
            new PlaylistEntry("PLcuepointSample", "Cuepoint sample lectures", 3),
            new PlaylistEntry("PLother", "", 0)),
        List.of(auto, manual));
  }

  @Test
  void a_rich_video_reads_back_equal_to_what_was_written() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Video v = richVideo("cpSample001");
    store.write(v);
    assertEquals(Optional.of(v), store.read("cpSample001"));
  }

  @Test
  void a_video_without_publish_date_or_anything_else_reads_back_equal() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Video v = new Video("abc-_DEF123", null, null, null, null, null, 0, null, null, null, null, null);
    store.write(v);
    assertEquals(Optional.of(v), store.read("abc-_DEF123"));
  }

  @Test
  void file_lays_out_one_field_per_line_and_one_cue_per_line_with_words_as_pairs()
      throws IOException {
    CorpusStore store = new CorpusStore(data);
    Video v =
        new Video(
            "cpSample002",
            "Tiny",
            "",
            "",
            "",
            Instant.parse("2024-03-01T00:00:00Z"),
            12,
            "",
            "en",
            List.of(new Chapter(0, "Intro")),
            List.of(new PlaylistEntry("PLx", "X", 1)),
            List.of(
                new Transcript(
                    "en",
                    Transcript.Kind.AUTO,
                    "s",
                    List.of(
                        new Cue(0, 900, "hi there", List.of(new Word(0, "hi"), new Word(400, "there"))),
                        new Cue(900, 1500, "bye")))));
    store.write(v);
    String expected =
        """
        {
          "schema": 1,
          "id": "cpSample002",
          "title": "Tiny",
          "description": "",
          "channel": "",
          "channelId": "",
          "publishedAt": "2024-03-01T00:00:00Z",
          "durationSeconds": 12,
          "thumbnailUrl": "",
          "defaultLanguage": "en",
          "chapters": [
            {"startMs": 0, "title": "Intro"}
          ],
          "playlists": [
            {"id": "PLx", "title": "X", "position": 1}
          ],
          "transcripts": [
            {
              "language": "en",
              "kind": "auto",
              "source": "s",
              "cues": [
                {"startMs": 0, "endMs": 900, "text": "hi there", "words": [[0,"hi"],[400,"there"]]},
                {"startMs": 900, "endMs": 1500, "text": "bye"}
              ]
            }
          ]
        }
        """;
    assertEquals(expected, Files.readString(store.file("cpSample002")));
  }

  @Test
  void writing_leaves_no_temporary_file_and_replaces_the_old_content() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Video v = richVideo("cpSample001");
    store.write(v);
    Video renamed =
        new Video(
            v.id(), "New title", v.description(), v.channel(), v.channelId(), v.publishedAt(),
            v.durationSeconds(), v.thumbnailUrl(), v.defaultLanguage(), v.chapters(), v.playlists(),
            List.of());
    store.write(renamed);
    try (Stream<Path> files = Files.list(store.directory())) {
      assertEquals(List.of("cpSample001.json"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertEquals(Optional.of(renamed), store.read("cpSample001"));
  }

  private static Video retitled(Video v, String title) {
    return new Video(
        v.id(), title, v.description(), v.channel(), v.channelId(), v.publishedAt(),
        v.durationSeconds(), v.thumbnailUrl(), v.defaultLanguage(), v.chapters(), v.playlists(),
        v.transcripts());
  }

  private List<String> namesInCorpus(CorpusStore store) throws IOException {
    try (Stream<Path> files = Files.list(store.directory())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void staged_videos_are_invisible_until_published_then_all_in_place() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    List<AtomicFiles.Staged> batch =
        List.of(
            store.stage(retitled(richVideo("cpSample001"), "New")),
            store.stage(richVideo("cpSample002")));
    // a crash here: the old video is whole, the new one absent, the staged files hidden from readers
    assertEquals("Hebb's rule — «cells that fire» 神经元 [part 1]", store.read("cpSample001").orElseThrow().title());
    assertEquals(Optional.empty(), store.read("cpSample002"));
    assertEquals(List.of("cpSample001"), store.ids());
    assertEquals(3, namesInCorpus(store).size(), "two staged temporary files beside the video");

    store.publish(batch);
    assertEquals("New", store.read("cpSample001").orElseThrow().title());
    assertEquals(Optional.of(richVideo("cpSample002")), store.read("cpSample002"));
    assertEquals(List.of("cpSample001.json", "cpSample002.json"), namesInCorpus(store));
  }

  @Test
  void a_batch_that_fails_half_way_leaves_each_file_old_or_new_and_no_temporary_files() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    store.write(richVideo("cpSample003"));
    List<AtomicFiles.Staged> batch =
        List.of(
            store.stage(retitled(richVideo("cpSample001"), "New one")),
            store.stage(richVideo("cpSample002")),
            store.stage(retitled(richVideo("cpSample003"), "New three")));
    // the second rename fails: its target is a folder that is not empty
    Files.createDirectories(store.file("cpSample002").resolve("in-the-way"));

    assertThrows(IOException.class, () -> store.publish(batch));
    assertEquals("New one", store.read("cpSample001").orElseThrow().title(), "renamed before the failure");
    assertEquals("Hebb's rule — «cells that fire» 神经元 [part 1]", store.read("cpSample003").orElseThrow().title(),
        "after the failure: the old file, whole");
    assertEquals(List.of("cpSample001.json", "cpSample002.json", "cpSample003.json"), namesInCorpus(store),
        "no staged file left behind");
  }

  @Test
  void discarded_staged_files_are_removed_and_change_nothing() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    AtomicFiles.Staged staged = store.stage(retitled(richVideo("cpSample001"), "Never"));
    AtomicFiles.discard(List.of(staged), new IOException("import stopped"));
    assertEquals(List.of("cpSample001.json"), namesInCorpus(store));
    assertEquals(Optional.of(richVideo("cpSample001")), store.read("cpSample001"));
  }

  @Test
  void unknown_video_reads_as_empty_and_deleting_it_reports_false() throws IOException {
    CorpusStore store = new CorpusStore(data);
    assertEquals(Optional.empty(), store.read("cpSample009"));
    assertFalse(store.delete("cpSample009"));
    assertEquals(List.of(), store.ids());
  }

  @Test
  void delete_removes_the_video_from_ids_and_fingerprints() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    store.write(richVideo("cpSample002"));
    assertTrue(store.delete("cpSample001"));
    assertEquals(List.of("cpSample002"), store.ids());
    assertEquals(List.of("cpSample002"), List.copyOf(store.fingerprints().keySet()));
    assertEquals(Optional.empty(), store.read("cpSample001"));
  }

  @Test
  void ids_skip_temporary_files_playlists_and_other_names() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample002"));
    store.write(richVideo("cpSample001"));
    store.writePlaylist(new Playlist("PLcuepointSample", "t", "", List.of("cpSample001")));
    Files.writeString(store.directory().resolve(".cpSample003.json.1a2b.tmp"), "{");
    Files.writeString(store.directory().resolve("notes.json"), "{}");
    Files.writeString(store.directory().resolve("cpSample004.txt"), "x");
    assertEquals(List.of("cpSample001", "cpSample002"), store.ids());
    assertEquals(
        List.of("cpSample001", "cpSample002"), store.all().map(Video::id).toList());
  }

  @Test
  void a_file_that_is_not_json_names_the_file_the_line_and_what_to_do() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Files.createDirectories(store.directory());
    Path f = store.file("cpSample001");
    Files.writeString(f, "{\n  \"schema\": 1,\n  \"id\": \"cpSample001\",\n  \"title\": \"cut off");
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample001"));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().startsWith("corpus file " + f + " is corrupt (not JSON at line 4"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("delete it, then import or crawl the video again"),
        e.getMessage());
  }

  @Test
  void an_empty_file_is_reported_as_corrupt() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Files.createDirectories(store.directory());
    Files.write(store.file("cpSample001"), new byte[0]);
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample001"));
    assertTrue(e.getMessage().contains("(it is empty)"), e.getMessage());
  }

  @Test
  void a_bad_value_deep_in_a_file_is_reported_with_its_path() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    Path f = store.file("cpSample001");
    String json = Files.readString(f).replace("\"endMs\": 3690", "\"endMs\": 1000");
    Files.writeString(f, json);
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample001"));
    assertTrue(
        e.getMessage().contains(
            "(transcripts[0].cues[1]: cue end must be >= start, got start 1820 ms and end 1000 ms)"),
        e.getMessage());
  }

  @Test
  void a_word_that_is_not_a_pair_is_reported_with_its_path() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    Path f = store.file("cpSample001");
    Files.writeString(f, Files.readString(f).replace("[420,\"that\"]", "[420]"));
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample001"));
    assertTrue(
        e.getMessage().contains("transcripts[0].cues[0].words[1]: a word must be [startMs, \"text\"]"),
        e.getMessage());
  }

  @Test
  void a_file_from_a_newer_schema_says_so() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    Path f = store.file("cpSample001");
    Files.writeString(f, Files.readString(f).replace("\"schema\": 1", "\"schema\": 2"));
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample001"));
    assertTrue(e.getMessage().contains("schema 2 is not 1, it was written by a newer Cuepoint"),
        e.getMessage());
  }

  @Test
  void a_file_holding_another_video_is_reported() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    Files.copy(store.file("cpSample001"), store.file("cpSample002"));
    CorpusException e = assertThrows(CorpusException.class, () -> store.read("cpSample002"));
    assertTrue(e.getMessage().contains("it holds video cpSample001, not cpSample002"), e.getMessage());
  }

  @Test
  void reading_all_stops_at_a_corrupt_file_instead_of_skipping_it() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    Files.writeString(store.file("cpSample002"), "not json", StandardCharsets.UTF_8);
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> store.all().toList());
    CorpusException cause = assertInstanceOf(CorpusException.class, e.getCause());
    assertEquals(store.file("cpSample002"), cause.file());
  }

  @Test
  void an_invalid_video_id_is_refused_before_touching_the_disk() {
    CorpusStore store = new CorpusStore(data);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> store.read("../../etc/pa"));
    assertTrue(e.getMessage().contains("'../../etc/pa'"), e.getMessage());
  }

  @Test
  void fingerprint_changes_when_a_video_is_rewritten_and_only_then() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.write(richVideo("cpSample001"));
    store.write(richVideo("cpSample002"));
    Map<String, String> before = store.fingerprints();
    assertEquals(before, store.fingerprints());
    // Same content, same size: the rewrite must still show (a fresh file was renamed into place).
    store.write(richVideo("cpSample002"));
    Map<String, String> after = store.fingerprints();
    assertEquals(before.get("cpSample001"), after.get("cpSample001"));
    assertNotEquals(before.get("cpSample002"), after.get("cpSample002"));
  }

  @Test
  void a_playlist_reads_back_equal_and_is_listed() throws IOException {
    CorpusStore store = new CorpusStore(data);
    Playlist p =
        new Playlist(
            "PLcuepointSample", "Cuepoint sample lectures — ü", "Cuepoint",
            List.of("cpSample002", "cpSample001"));
    store.writePlaylist(p);
    store.writePlaylist(new Playlist("PLa", "", "", List.of()));
    assertEquals(Optional.of(p), store.readPlaylist("PLcuepointSample"));
    assertEquals(List.of("PLa", "PLcuepointSample"), store.playlistIds());
    assertEquals(Optional.empty(), store.readPlaylist("PLnone"));
    assertTrue(
        Files.exists(store.directory().resolve("playlists").resolve("PLcuepointSample.json")));
  }

  @Test
  void a_corrupt_playlist_file_names_the_file() throws IOException {
    CorpusStore store = new CorpusStore(data);
    store.writePlaylist(new Playlist("PLa", "", "", List.of("cpSample001")));
    Path f = store.directory().resolve("playlists").resolve("PLa.json");
    Files.writeString(f, Files.readString(f).replace("\"cpSample001\"", "42"));
    CorpusException e = assertThrows(CorpusException.class, () -> store.readPlaylist("PLa"));
    assertTrue(e.getMessage().contains(f + " is corrupt (videoIds[0] must be text, got 42)"),
        e.getMessage());
  }
}
