package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caption source {@code asr}: the fake YouTube API, a fake {@code yt-dlp} script on a search path
 * the test controls (it writes a real WAV made by sox), and the fake recogniser.
 */
class AsrCrawlTest {
  static final String SILENT = "lecSilent05";
  static final String PLAYLIST = "PLcuepointAsr00001";

  @TempDir Path tmp;
  CrawlRig rig;
  FakeSpeechToText speech;
  final AtomicInteger opened = new AtomicInteger();

  @BeforeEach
  void course() {
    rig = new CrawlRig(tmp.resolve("data"));
    Lectures.serve(rig.fake);
    rig.fake.video(SILENT, "Lecture 5: Nobody captioned this", "", Lectures.CHANNEL, "2024-03-29T10:00:00Z",
        "PT3S", "en");
    rig.fake.playlist(PLAYLIST, "Asr course", Lectures.CHANNEL, Lectures.NEURONS.id(), SILENT);
    speech = new FakeSpeechToText(f -> "Nobody wrote captions for this lecture.");
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  CrawlSummary crawl(Path searchPath) throws Exception {
    Transcriber t = new Transcriber(() -> {
      opened.incrementAndGet();
      return speech;
    });
    Crawler crawler = new Crawler(rig.api(rig.oauth()), rig.store, rig.data.resolve("state"),
        rig.tools().withSpeech(t, searchPath.toString()));
    return crawler.crawl(new Crawler.Options(List.of(PLAYLIST), List.of(),
        List.of(CaptionSourceKind.API, CaptionSourceKind.ASR), Set.of(), QuotaMeter.DEFAULT_BUDGET, null, null));
  }

  /** A yt-dlp that logs its arguments and "downloads" a WAV to the -o template. */
  Path fakeYtDlp() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path wav = Media.wav(tmp.resolve("fixture.wav"), 3);
    Media.script(bin.resolve("yt-dlp"), """
        echo "$*" >> '%1$s/args.log'
        if [ "$1" = "--version" ]; then echo 2025.01.01; exit 0; fi
        out=""
        while [ $# -gt 0 ]; do
          if [ "$1" = "-o" ]; then out="$2"; shift; fi
          shift
        done
        out=$(printf '%%s' "$out" | sed 's/%%(ext)s/wav/')
        cp '%2$s' "$out"
        echo "$out" >> '%1$s/wrote.log'
        """.formatted(tmp, wav));
    return bin;
  }

  @Test
  void a_video_without_captions_gets_its_audio_fetched_transcribed_and_deleted() throws Exception {
    Path bin = fakeYtDlp();

    CrawlSummary s = crawl(bin);

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(1, s.captionsBySource().get("asr"), s.line());
    Video v = rig.video(SILENT);
    Transcript t = v.transcripts().get(0);
    assertEquals(Transcript.Kind.ASR_LOCAL, t.kind());
    assertEquals(AsrCaptions.SOURCE, t.source());
    assertEquals("Nobody wrote captions for this lecture.", t.cues().get(0).text());
    assertFalse(v.hasMedia(), "the audio was only borrowed");
    assertEquals(Transcript.Kind.MANUAL, rig.video(Lectures.NEURONS.id()).transcripts().get(0).kind(),
        "a video with captions never reaches source asr");
    assertEquals(List.of("audio.wav"), speech.asked);
    String args = Files.readString(tmp.resolve("args.log"), StandardCharsets.UTF_8);
    assertTrue(args.contains("-f bestaudio"), args);
    assertTrue(args.contains("https://www.youtube.com/watch?v=" + SILENT), args);
    Path audio = Path.of(Files.readString(tmp.resolve("wrote.log"), StandardCharsets.UTF_8).strip());
    assertFalse(Files.exists(audio), "the audio is deleted: " + audio);
    assertFalse(Files.exists(audio.getParent()), "with its folder");
    assertTrue(speech.closed, "the model is let go after the crawl");

    CrawlSummary again = crawl(bin);
    assertEquals(List.of("audio.wav"), speech.asked, "a transcribed video is not fetched again: " + again.line());
    assertEquals(Transcript.Kind.ASR_LOCAL, rig.video(SILENT).transcripts().get(0).kind());
  }

  @Test
  void without_yt_dlp_the_video_is_counted_with_the_reason_and_nothing_is_loaded() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty-bin"));

    CrawlSummary s = crawl(empty);

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    CrawlSummary.Item item = s.withoutTranscript().stream().filter(i -> i.id().equals(SILENT)).findFirst()
        .orElseThrow(() -> new AssertionError(s.withoutTranscript().toString()));
    assertTrue(item.reason().contains("asr: yt-dlp is not installed"), item.reason());
    assertEquals(List.of(), s.failed());
    assertEquals(0, opened.get(), "no recogniser loaded when there is no audio to transcribe");
    assertTrue(rig.video(SILENT).transcripts().isEmpty());
  }
}
