package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Transcript.Kind;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YtDlpImporterTest {
  static final String A = "Neurons [part 1] — «ünïcödé» 神经元 [vidAAAAAAA1]";
  static final String B = "Dendrites. A primer [vidBBBBBBB2]";

  @TempDir Path tmp;
  Path dl;
  Path data;
  CorpusStore store;
  FakeCaptionReader reader;

  @BeforeEach
  void downloadFolder() throws IOException {
    dl = tmp.resolve("downloads");
    data = tmp.resolve("data");
    store = new CorpusStore(data);
    reader = new FakeCaptionReader();
    write(
        A + ".info.json",
        """
        {"_type": "video", "id": "vidAAAAAAA1", "title": "Neurons [part 1] — «ünïcödé» 神经元",
         "formats": [{"format_id": "18", "url": "https://example.invalid/v", "fragments": [{"a": 1}]}],
         "description": "About neurons.\\n0:00 Not used, yt-dlp's chapters win\\n1:00 Really",
         "channel": "Cuepoint Lab", "uploader": "someone else", "channel_id": "UCcuepointLab",
         "upload_date": "20240301", "duration": 184.4,
         "thumbnail": "https://i.ytimg.com/vi/vidAAAAAAA1/maxresdefault.jpg",
         "webpage_url": "https://www.youtube.com/watch?v=vidAAAAAAA1", "language": "en",
         "playlist_id": "PLtest", "playlist_title": "Test playlist", "playlist_index": 2,
         "playlist_channel": "Cuepoint Lab",
         "chapters": [{"start_time": 0.0, "end_time": 60.5, "title": "Start"},
                      {"start_time": 60.5, "end_time": 184.4, "title": "Ion channels"}],
         "subtitles": {"en": [{"ext": "srt", "url": "https://x"}], "pt-BR": [{"ext": "srt"}]},
         "automatic_captions": {"en": [{"ext": "vtt", "url": "https://y"}]},
         "heatmap": null}
        """);
    write(A + ".en.vtt", "0 1000 neurons@0 fire@500\n1000 2000 together@1000\n");
    write(A + ".en.srt", "0 2000 Neurons fire together.\n");
    write(A + ".pt-BR.srt", "0 2000 Neurônios disparam juntos.\n");
    write(A + ".webm", "not captions, not looked at");
    write(
        "Playlist folder/" + B + ".info.json",
        """
        {"id": "vidBBBBBBB2", "title": "Dendrites. A primer", "uploader": "Uploader Name",
         "description": "Chapters:\\n0:00 Intro\\n1:02:03 - Part two\\n",
         "timestamp": 1709300000, "upload_date": "20240301", "duration": 3800,
         "playlist_id": "PLtest", "playlist_title": "Test playlist", "playlist_index": 1,
         "automatic_captions": {"en": []}}
        """);
    write("Playlist folder/" + B + ".en.srt", "0 1500 Dendrites receive input.\n");
    write(
        "Broken [vidCCCCCCC3].info.json",
        "{\"id\": \"vidCCCCCCC3\", \"title\": \"Broken\", \"subtitles\": {\"en\": [], \"de\": []}}");
    write("Broken [vidCCCCCCC3].en.srt", "this is not a cue\n");
    write("Broken [vidCCCCCCC3].de.srt", "0 1000 Hallo Welt\n");
    write("Malformed [vidDDDDDDD4].info.json", "{\"id\": \"vidDDDDDDD4\", \"title\": ");
    write("Malformed [vidDDDDDDD4].en.srt", "0 1000 malformed info but fine captions\n");
    write("plain/vidEEEEEEE5.en.srt", "0 1000 plain caption file\n");
    write("plain/vidGGGGGGG7.srt", "0 1000 no language in the name\n");
    write("plain/notes.srt", "0 1000 whose video is this\n");
    write("No captions [vidFFFFFFF6].info.json", "{\"id\": \"vidFFFFFFF6\", \"title\": \"Silent\"}");
    write(
        "Test playlist [PLtest].info.json",
        "{\"_type\": \"playlist\", \"id\": \"PLtest\", \"title\": \"Test playlist\"}");
  }

  private void write(String relative, String content) throws IOException {
    Path f = dl.resolve(relative);
    Files.createDirectories(f.getParent());
    Files.writeString(f, content);
  }

  private ImportSummary importAll() throws IOException {
    return new YtDlpImporter(store, reader).importFolders(List.of(dl));
  }

  @Test
  void many_videos_parsed_on_several_threads_are_stored_and_reported_in_id_order() throws IOException {
    Path many = tmp.resolve("many");
    int n = YtDlpImporter.BATCH + YtDlpImporter.BATCH / 2; // more than one batch of renames
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("many%07d", i);
      ids.add(id);
      Path f = many.resolve(id + ".en.srt");
      Files.createDirectories(many);
      Files.writeString(f, i % 10 == 3 ? "not a cue\n" : "0 1000 video number " + i + "\n");
    }
    // earlier videos take longer, so workers finish them after later ones
    CaptionReader slowFirst = file -> {
      int i = Integer.parseInt(file.getFileName().toString().substring(4, 11));
      try {
        Thread.sleep(i < 8 ? 30 - 3L * i : 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return reader.read(file);
    };
    ImportSummary s = new YtDlpImporter(store, slowFirst).importFolders(List.of(many));

    List<String> failedIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (i % 10 == 3) {
        failedIds.add(ids.get(i));
      }
    }
    assertEquals(failedIds, s.failed().stream().map(f -> f.file().getFileName().toString().substring(0, 11)).toList(),
        "failures in id order, whatever order the workers finished in");
    assertEquals(n - failedIds.size(), s.added());
    List<String> stored = new ArrayList<>(ids);
    stored.removeAll(failedIds);
    assertEquals(stored, store.ids());
    assertEquals("video number 12", store.read("many0000012").orElseThrow().transcripts().get(0).cues().get(0).text());
    try (Stream<Path> files = Files.list(store.directory())) {
      assertEquals(stored.size(), files.count(), "no temporary file left");
    }
  }

  @Test
  void summary_counts_each_video_skip_and_failure() throws IOException {
    ImportSummary s = importAll();
    assertEquals(6, s.added());
    assertEquals(0, s.changed());
    assertEquals(0, s.unchanged());
    assertEquals(
        "imported 6 videos, 3 skipped (1 no captions, 1 no video id in file name,"
            + " 1 not a video info.json), 2 failed (see above)",
        s.line());
    assertEquals(
        List.of(
            "No captions [vidFFFFFFF6].info.json=no captions",
            "Test playlist [PLtest].info.json=not a video info.json",
            "notes.srt=no video id in file name"),
        names(s.skipped()));
    // info.json files are read first, while finding the videos; caption files after
    assertEquals(2, s.failed().size());
    assertEquals(dl.resolve("Malformed [vidDDDDDDD4].info.json"), s.failed().get(0).file());
    assertTrue(
        s.failed().get(0).reason().startsWith("malformed info.json at line 1: Unexpected end-of-input"),
        s.failed().get(0).reason());
    assertEquals(dl.resolve("Broken [vidCCCCCCC3].en.srt"), s.failed().get(1).file());
    assertEquals(
        "Broken [vidCCCCCCC3].en.srt line 1: expected 'startMs endMs text', got 'this is not a cue'",
        s.failed().get(1).reason());
    assertEquals(
        dl.resolve("Broken [vidCCCCCCC3].en.srt") + " line 1: expected 'startMs endMs text', got 'this is not a cue'",
        s.failed().get(1).message());
    assertEquals(
        List.of("vidAAAAAAA1", "vidBBBBBBB2", "vidCCCCCCC3", "vidDDDDDDD4", "vidEEEEEEE5",
            "vidGGGGGGG7"),
        store.ids());
  }

  private static List<String> names(List<ImportSummary.Item> items) {
    return items.stream().map(i -> i.file().getFileName() + "=" + i.reason()).sorted().toList();
  }

  @Test
  void video_with_info_json_gets_its_metadata_and_every_track_with_its_kind() throws IOException {
    importAll();
    Video expected =
        new Video(
            "vidAAAAAAA1",
            "Neurons [part 1] — «ünïcödé» 神经元",
            "About neurons.\n0:00 Not used, yt-dlp's chapters win\n1:00 Really",
            "Cuepoint Lab",
            "UCcuepointLab",
            Instant.parse("2024-03-01T00:00:00Z"),
            184,
            "https://i.ytimg.com/vi/vidAAAAAAA1/maxresdefault.jpg",
            "en",
            List.of(new Chapter(0, "Start"), new Chapter(60_500, "Ion channels")),
            List.of(new PlaylistEntry("PLtest", "Test playlist", 2)),
            List.of(
                // en is under both subtitles and automatic_captions: the word timings decide
                new Transcript("en", Kind.MANUAL, "yt-dlp:" + A + ".en.srt",
                    List.of(new Cue(0, 2000, "Neurons fire together."))),
                new Transcript("en", Kind.AUTO, "yt-dlp:" + A + ".en.vtt",
                    List.of(
                        new Cue(0, 1000, "neurons fire",
                            List.of(new Word(0, "neurons"), new Word(500, "fire"))),
                        new Cue(1000, 2000, "together", List.of(new Word(1000, "together"))))),
                new Transcript("pt-BR", Kind.MANUAL, "yt-dlp:" + A + ".pt-BR.srt",
                    List.of(new Cue(0, 2000, "Neurônios disparam juntos.")))),
            // the recording beside it, for the page's local player (captions there: not transcribed)
            dl.resolve(A + ".webm").toAbsolutePath().normalize().toString());
    assertEquals(Optional.of(expected), store.read("vidAAAAAAA1"));
  }

  @Test
  void video_in_a_subfolder_takes_chapters_from_its_description_and_kind_from_info_json()
      throws IOException {
    importAll();
    Video b = store.read("vidBBBBBBB2").orElseThrow();
    assertEquals("Dendrites. A primer", b.title());
    assertEquals("Uploader Name", b.channel());
    assertEquals(Instant.ofEpochSecond(1709300000), b.publishedAt());
    assertEquals(List.of(new Chapter(0, "Intro"), new Chapter(3_723_000, "Part two")), b.chapters());
    assertEquals(
        List.of(new Transcript("en", Kind.AUTO, "yt-dlp:" + B + ".en.srt",
            List.of(new Cue(0, 1500, "Dendrites receive input.")))),
        b.transcripts());
  }

  @Test
  void broken_files_do_not_stop_the_other_files_of_their_video() throws IOException {
    importAll();
    Video c = store.read("vidCCCCCCC3").orElseThrow();
    assertEquals("Broken", c.title());
    assertEquals(
        List.of(new Transcript("de", Kind.MANUAL, "yt-dlp:Broken [vidCCCCCCC3].de.srt",
            List.of(new Cue(0, 1000, "Hallo Welt")))),
        c.transcripts());
    Video d = store.read("vidDDDDDDD4").orElseThrow();
    assertEquals(
        new Video("vidDDDDDDD4", "", "", "", "", null, 0, "", "", null, null,
            List.of(new Transcript("en", Kind.MANUAL, "yt-dlp:Malformed [vidDDDDDDD4].en.srt",
                List.of(new Cue(0, 1000, "malformed info but fine captions"))))),
        d);
  }

  @Test
  void caption_files_named_by_id_import_with_their_language_or_und() throws IOException {
    importAll();
    assertEquals(
        new Video("vidGGGGGGG7", "", "", "", "", null, 0, "", "", null, null,
            List.of(new Transcript("und", Kind.MANUAL, "file:vidGGGGGGG7.srt",
                List.of(new Cue(0, 1000, "no language in the name"))))),
        store.read("vidGGGGGGG7").orElseThrow());
    assertEquals(
        List.of(new Transcript("en", Kind.MANUAL, "file:vidEEEEEEE5.en.srt",
            List.of(new Cue(0, 1000, "plain caption file")))),
        store.read("vidEEEEEEE5").orElseThrow().transcripts());
  }

  @Test
  void playlist_is_stored_in_playlist_order() throws IOException {
    importAll();
    assertEquals(
        Optional.of(
            new Playlist("PLtest", "Test playlist", "Cuepoint Lab",
                List.of("vidBBBBBBB2", "vidAAAAAAA1"))),
        store.readPlaylist("PLtest"));
    assertEquals(List.of("PLtest"), store.playlistIds());
  }

  @Test
  void plain_caption_file_keeps_crawled_metadata_and_tracks_of_other_languages_and_kinds()
      throws IOException {
    Transcript crawledAuto =
        new Transcript("en", Kind.AUTO, "youtube-api:c1", List.of(new Cue(0, 900, "from asr")));
    Transcript crawledFrench =
        new Transcript("fr", Kind.MANUAL, "youtube-api:c2", List.of(new Cue(0, 900, "bonjour")));
    Transcript crawledManual =
        new Transcript("en", Kind.MANUAL, "youtube-api:c3", List.of(new Cue(0, 900, "old text")));
    Video crawled =
        new Video("vidEEEEEEE5", "From the crawl", "desc", "Chan", "UCchan",
            Instant.parse("2023-01-02T03:04:05Z"), 61, "https://thumb", "en",
            List.of(new Chapter(0, "All")), List.of(new PlaylistEntry("PLcrawl", "Crawl", 4)),
            List.of(crawledAuto, crawledManual, crawledFrench));
    store.write(crawled);

    ImportSummary s = importAll();

    assertEquals(5, s.added());
    assertEquals(1, s.changed());
    Transcript imported =
        new Transcript("en", Kind.MANUAL, "file:vidEEEEEEE5.en.srt",
            List.of(new Cue(0, 1000, "plain caption file")));
    assertEquals(
        new Video("vidEEEEEEE5", "From the crawl", "desc", "Chan", "UCchan",
            Instant.parse("2023-01-02T03:04:05Z"), 61, "https://thumb", "en",
            List.of(new Chapter(0, "All")), List.of(new PlaylistEntry("PLcrawl", "Crawl", 4)),
            List.of(crawledAuto, imported, crawledFrench)),
        store.read("vidEEEEEEE5").orElseThrow());
  }

  @Test
  void info_json_adds_its_playlist_to_the_ones_a_crawl_stored() throws IOException {
    store.write(
        new Video("vidBBBBBBB2", "old", "", "", "", null, 0, "", "", null,
            List.of(new PlaylistEntry("PLcrawl", "Crawl", 7), new PlaylistEntry("PLtest", "", 9)),
            null));
    importAll();
    assertEquals(
        List.of(new PlaylistEntry("PLcrawl", "Crawl", 7), new PlaylistEntry("PLtest", "Test playlist", 1)),
        store.read("vidBBBBBBB2").orElseThrow().playlists());
  }

  /** Every file under the data directory: bytes, modification time and identity. */
  private Map<Path, String> snapshot() throws IOException {
    Map<Path, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        out.put(data.relativize(f),
            a.lastModifiedTime().toInstant() + " " + a.fileKey() + " " + Files.readString(f));
      }
    }
    return out;
  }

  @Test
  void importing_the_same_folder_again_changes_no_file() throws IOException {
    importAll();
    Map<Path, String> before = snapshot();
    assertEquals(7, before.size()); // six videos and one playlist, and nothing else
    ImportSummary again = importAll();
    assertEquals(
        "imported 0 videos, 6 unchanged, 3 skipped (1 no captions, 1 no video id in file name,"
            + " 1 not a video info.json), 2 failed (see above)",
        again.line());
    assertEquals(before, snapshot());
  }

  @Test
  void a_changed_caption_file_rewrites_only_its_video() throws IOException {
    importAll();
    Map<Path, String> before = snapshot();
    write("Playlist folder/" + B + ".en.srt", "0 1500 Dendrites receive input.\n1500 2500 More.\n");

    ImportSummary s = importAll();

    assertEquals(1, s.changed());
    assertEquals(5, s.unchanged());
    assertTrue(s.line().startsWith("imported 1 video (1 changed), 5 unchanged,"), s.line());
    Map<Path, String> after = snapshot();
    List<Path> differ = new ArrayList<>();
    before.forEach((f, v) -> { if (!v.equals(after.get(f))) differ.add(f); });
    assertEquals(List.of(Path.of("corpus", "vidBBBBBBB2.json")), differ);
    assertEquals(
        List.of(new Cue(0, 1500, "Dendrites receive input."), new Cue(1500, 2500, "More.")),
        store.read("vidBBBBBBB2").orElseThrow().transcripts().get(0).cues());
  }

  @Test
  void two_files_of_the_same_language_and_kind_keep_the_first_and_skip_the_second()
      throws IOException {
    write("plain/vidEEEEEEE5.en.vtt", "0 1000 also manual\n");
    ImportSummary s = importAll();
    assertEquals(
        List.of("vidEEEEEEE5.en.vtt=" + YtDlpImporter.DUPLICATE),
        names(s.skipped()).stream().filter(n -> n.startsWith("vidE")).toList());
    assertEquals(
        "file:vidEEEEEEE5.en.srt",
        store.read("vidEEEEEEE5").orElseThrow().transcripts().get(0).source());
  }

  @Test
  void a_folder_that_does_not_exist_is_named_in_the_error_and_nothing_is_imported()
      throws IOException {
    Path missing = tmp.resolve("no such folder");
    FileSystemException e =
        assertThrows(FileSystemException.class,
            () -> new YtDlpImporter(store, reader).importFolders(List.of(dl, missing)));
    assertEquals(missing + ": import folder does not exist", e.getMessage());
    assertEquals(List.of(), store.ids());
  }

  @Test
  void a_file_given_as_folder_is_named_in_the_error() {
    Path file = dl.resolve("plain/notes.srt");
    FileSystemException e =
        assertThrows(FileSystemException.class,
            () -> new YtDlpImporter(store, reader).importFolders(List.of(file)));
    assertTrue(e.getMessage().startsWith(file + ": not a folder"), e.getMessage());
  }

  @Test
  void progress_is_reported_every_n_videos_with_the_total() throws IOException {
    List<String> reports = new ArrayList<>();
    new YtDlpImporter(store, reader, 3, Duration.ofHours(1), () -> 0L)
        .importFolders(List.of(dl), (done, total) -> reports.add(done + "/" + total));
    // seven videos found (F has no captions but is one of them)
    assertEquals(List.of("3/7", "6/7"), reports);
  }

  @Test
  void a_corrupt_corpus_entry_fails_that_video_only() throws IOException {
    Files.createDirectories(store.directory());
    Files.writeString(store.file("vidEEEEEEE5"), "{ oops");
    ImportSummary s = importAll();
    assertEquals(5, s.added());
    assertEquals(3, s.failed().size());
    assertEquals(store.file("vidEEEEEEE5"), s.failed().get(2).file());
    assertTrue(s.failed().get(2).reason().contains("delete it"), s.failed().get(2).reason());
  }
}
