package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caption sources 2 and 3, and the order they are tried in. */
class CaptionSourcesTest {
  @TempDir Path tmp;
  CrawlRig rig;
  Path folder;

  @BeforeEach
  void course() throws Exception {
    rig = new CrawlRig(tmp.resolve("data"));
    Lectures.serve(rig.fake);
    folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  private Crawler.Options options(List<CaptionSourceKind> order, List<String> ytDlp) {
    return new Crawler.Options(List.of(Lectures.PLAYLIST), List.of(), order, Set.of(), 10_000, folder, ytDlp);
  }

  @Test
  void with_only_an_api_key_captions_come_from_the_ytdlp_folder_matched_by_id() throws Exception {
    CrawlSummary s = rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY)))
        .crawl(options(List.of(CaptionSourceKind.API, CaptionSourceKind.YTDLP_FOLDER), null));

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(3, s.added());
    assertEquals(Map.of("ytdlp-folder", 4), s.captionsBySource());
    assertEquals(0, rig.fake.calls("captions.list"), "captions.list needs OAuth: not even tried with a key");
    assertTrue(rig.progress.stream().anyMatch(l -> l.contains("cuepoint auth")), rig.progress.toString());
    Transcript t = rig.video("lecNeurons1").transcripts().get(0);
    assertEquals("yt-dlp:Lecture 1 - Neurons [lecNeurons1].en.vtt", t.source());
    assertEquals("Lecture 1: Neurons", rig.video("lecNeurons1").title(), "metadata still comes from the API");
    assertEquals(Set.of(FakeYouTube.KEY), Set.copyOf(rig.fake.keysSeen));
  }

  @Test
  void a_forbidden_download_falls_back_to_the_next_source_and_is_not_tried_again() throws Exception {
    rig.fake.notOwned.add("lecNeurons1");
    Crawler.Options o = options(List.of(CaptionSourceKind.API, CaptionSourceKind.YTDLP_FOLDER), null);

    CrawlSummary first = rig.crawler(rig.api(rig.oauth())).crawl(o);

    assertEquals(List.of(), first.failed());
    assertEquals(Map.of("api", 3, "ytdlp-folder", 1), first.captionsBySource());
    assertTrue(rig.video("lecNeurons1").transcripts().get(0).source().startsWith("yt-dlp:"));

    rig.fake.resetCounts();
    CrawlSummary second = rig.crawler(rig.api(rig.oauth())).crawl(o);
    assertEquals(3, second.unchanged());
    assertEquals(0, rig.fake.calls("captions.download"), "a refused track is not asked for again while unchanged");
  }

  @Test
  void ytdlp_runs_per_video_and_its_failures_are_reported_but_never_fatal() throws Exception {
    Path script = tmp.resolve("fake-yt-dlp");
    Files.writeString(script, """
        #!/bin/sh
        if [ "$1" = "--version" ]; then echo 2025.01.01; exit 0; fi
        dir=""; url=""
        while [ $# -gt 0 ]; do
          case "$1" in -P) dir="$2"; shift;; https://*) url="$1";; esac
          shift
        done
        id="${url##*v=}"
        if [ "$id" = "lecSynapse2" ]; then
          echo "ERROR: [youtube] lecSynapse2: Unable to download video subtitles: HTTP Error 429: Too Many Requests" >&2
          exit 1
        fi
        cp "SRC"/*"[$id]"* "$dir"/
        """.replace("SRC", folder.toString()));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

    CrawlSummary s = rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY)))
        .crawl(options(List.of(CaptionSourceKind.YTDLP), List.of(script.toString())));

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(List.of("lecNeurons1", "lecPlastic3", "lecSynapse2"), rig.store.ids(), "the failed one with its metadata");
    assertEquals(List.of(), rig.video("lecSynapse2").transcripts());
    assertEquals(Map.of("ytdlp", 2), s.captionsBySource());
    assertEquals(1, s.failed().size());
    assertEquals("lecSynapse2", s.failed().get(0).id());
    assertTrue(s.failed().get(0).reason().contains("429") && s.failed().get(0).reason().contains("rate-limiting"),
        s.failed().get(0).reason());
    assertEquals(Transcript.Kind.AUTO, rig.video("lecPlastic3").transcripts().get(0).kind(),
        "the kind comes from yt-dlp's info.json, as on import");
  }

  @Test
  void ytdlp_that_is_not_installed_is_skipped_with_a_warning() throws Exception {
    CrawlSummary s = rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY)))
        .crawl(options(List.of(CaptionSourceKind.YTDLP), List.of(tmp.resolve("no-such-yt-dlp").toString())));

    assertEquals(CrawlSummary.Result.COMPLETE, s.result());
    assertEquals(3, rig.store.ids().size(), "in the corpus with their metadata, found by title");
    assertEquals(List.of(), rig.video("lecNeurons1").transcripts());
    assertEquals(1, s.skipped().size(), "the private one");
    assertEquals(3, s.withoutTranscript().size());
    assertTrue(s.line().contains("3 without transcript (ytdlp: no-such-yt-dlp is not installed)")
        || s.line().contains("3 without transcript (ytdlp: " + tmp.resolve("no-such-yt-dlp") + " is not installed)"),
        s.line());
  }
}
