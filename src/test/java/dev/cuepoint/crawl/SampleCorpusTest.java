package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart's sample corpus ({@code index/sample}) imports as four videos of one playlist, with
 * chapters from info.json (lectures 2 and 3) and from descriptions (1 and 4). Caption content is the
 * parsers' business (another branch), so every file reads here as one dummy cue.
 */
class SampleCorpusTest {
  @TempDir Path data;

  @Test
  void sample_folder_imports_four_chaptered_lectures_of_one_playlist() throws IOException {
    CaptionReader dummy =
        file -> {
          String ext = file.getFileName().toString().replaceAll(".*\\.", "");
          return new ParsedFile(
              CaptionFormat.fromExtension(ext).orElseThrow(), List.of(new Cue(0, 1, "dummy")));
        };
    CorpusStore store = new CorpusStore(data);
    ImportSummary s =
        new YtDlpImporter(store, dummy).importFolders(List.of(Path.of("index", "sample")));

    assertEquals("imported 4 videos", s.line());
    List<String> ids = List.of("cpSample001", "cpSample002", "cpSample003", "cpSample004");
    assertEquals(ids, store.ids());
    assertEquals(
        Optional.of(new Playlist("PLcuepointSample", "Cuepoint sample lectures", "", ids)),
        store.readPlaylist("PLcuepointSample"));
    List<Transcript.Kind> kinds =
        List.of(Transcript.Kind.MANUAL, Transcript.Kind.AUTO, Transcript.Kind.AUTO,
            Transcript.Kind.MANUAL);
    for (int i = 0; i < ids.size(); i++) {
      Video v = store.read(ids.get(i)).orElseThrow();
      assertTrue(v.title().contains("Cuepoint sample lecture " + (i + 1)), v.title());
      assertTrue(v.description().startsWith("Sample data written for Cuepoint (not a real video)"));
      assertEquals(
          List.of(new PlaylistEntry("PLcuepointSample", "Cuepoint sample lectures", i + 1)),
          v.playlists());
      assertEquals(new Chapter(0, "Introduction"), v.chapters().get(0), v.id());
      assertTrue(v.chapters().size() >= 5, v.id() + " chapters " + v.chapters());
      assertTrue(v.durationSeconds() >= 120 && v.durationSeconds() <= 240, v.id());
      assertEquals(kinds.get(i), v.transcripts().get(0).kind(), v.id());
    }
  }
}
