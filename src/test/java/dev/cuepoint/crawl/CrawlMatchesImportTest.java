package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a crawl against the fake API yields the same corpus as importing the
 * same data as a yt-dlp folder. Both come from {@link Lectures}. Compared field by field except
 * {@code Transcript.source}, which names where a track came from and so must differ ({@code
 * youtube-api:<captionId>} against {@code yt-dlp:<file name>}); transcripts are compared in
 * (language, kind) order, since the importer keeps file-name order.
 */
class CrawlMatchesImportTest {
  @TempDir Path tmp;

  @Test
  void a_crawl_yields_the_same_corpus_as_importing_the_same_data() throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
    CorpusStore imported = new CorpusStore(tmp.resolve("imported"));
    Captions parsers = Captions.standard();
    new YtDlpImporter(imported, f -> {
      ParsedCaptions p = parsers.read(f);
      return new ParsedFile(p.format(), p.cues());
    }).importFolders(List.of(folder));

    try (CrawlRig rig = new CrawlRig(tmp.resolve("crawled"))) {
      Lectures.serve(rig.fake);
      CrawlSummary s = rig.crawl();
      assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());

      assertEquals(imported.ids(), rig.store.ids());
      assertEquals(3, imported.ids().size());
      for (String id : imported.ids()) {
        assertEquals(comparable(imported.read(id).orElseThrow()), comparable(rig.video(id)), id);
      }
      assertEquals(imported.readPlaylist(Lectures.PLAYLIST), rig.store.readPlaylist(Lectures.PLAYLIST));
      assertTrue(rig.video("lecNeurons1").transcripts().get(0).source().startsWith("youtube-api:"));
    }
  }

  private static Video comparable(Video v) {
    List<Transcript> ts = v.transcripts().stream()
        .map(t -> new Transcript(t.language(), t.kind(), "", t.cues()))
        .sorted(Comparator.comparing(Transcript::language).thenComparing(Transcript::kind))
        .toList();
    return new Video(v.id(), v.title(), v.description(), v.channel(), v.channelId(), v.publishedAt(),
        v.durationSeconds(), v.thumbnailUrl(), v.defaultLanguage(), v.chapters(), v.playlists(), ts);
  }
}
