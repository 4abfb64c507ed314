package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler against the fake YouTube API: the cases issue 4 lists. */
class CrawlerTest {
  @TempDir Path tmp;
  CrawlRig rig;
  FakeYouTube fake;

  @BeforeEach
  void course() {
    rig = new CrawlRig(tmp.resolve("data"));
    fake = rig.fake;
    fake.pageSize = 2; // four items: two pages
    Lectures.serve(fake);
  }

  @AfterEach
  void stop() {
    rig.close();
  }

  @Test
  void full_crawl_stores_every_available_video_with_metadata_captions_and_playlist() throws Exception {
    CrawlSummary s = rig.crawl();

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(3, s.added());
    assertEquals(List.of(new CrawlSummary.Item(Lectures.PRIVATE, Crawler.PRIVATE_OR_DELETED)), s.skipped());
    assertEquals(List.of(), s.failed());
    assertEquals(Map.of("api", 4), s.captionsBySource());
    assertEquals(List.of("lecNeurons1", "lecPlastic3", "lecSynapse2"), rig.store.ids());

    Video neurons = rig.video("lecNeurons1");
    assertEquals("Lecture 1: Neurons", neurons.title());
    assertEquals(Lectures.CHANNEL, neurons.channel());
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), neurons.publishedAt());
    assertEquals(12 * 60 + 5, neurons.durationSeconds());
    assertEquals("https://i.ytimg.com/vi/lecNeurons1/maxresdefault.jpg", neurons.thumbnailUrl());
    assertEquals(List.of(new Chapter(0, "Introduction"), new Chapter(4000, "Spikes")), neurons.chapters());
    assertEquals(List.of(new PlaylistEntry(Lectures.PLAYLIST, Lectures.TITLE, 1)), neurons.playlists());
    Transcript en = neurons.transcripts().get(0);
    assertEquals(Transcript.Kind.MANUAL, en.kind());
    assertEquals("youtube-api:trkNeuronsEn", en.source());
    assertEquals("A spike is all or nothing.", en.cues().get(1).text());
    assertEquals(4000, en.cues().get(1).startMs());

    assertEquals(List.of("de/MANUAL", "en/MANUAL"),
        rig.video("lecSynapse2").transcripts().stream().map(t -> t.language() + "/" + t.kind()).toList());
    Transcript asr = rig.video("lecPlastic3").transcripts().get(0);
    assertEquals(Transcript.Kind.AUTO, asr.kind());
    assertFalse(asr.cues().get(0).words().isEmpty(), "auto captions keep their word timings");
    assertEquals(List.of(new PlaylistEntry(Lectures.PLAYLIST, Lectures.TITLE, 4)), rig.video("lecPlastic3").playlists());

    assertEquals(Optional.of(new Playlist(Lectures.PLAYLIST, Lectures.TITLE, Lectures.CHANNEL,
        List.of("lecNeurons1", "lecSynapse2", "lecPlastic3"))), rig.store.readPlaylist(Lectures.PLAYLIST));
    // 1 playlists + 2 pages + 1 videos + 1 channels.list mine + 3 × 50 captions.list + 4 × 200 downloads
    assertEquals(1 + 2 + 1 + 1 + 150 + 800, s.unitsUsed());
    assertEquals(fake.units(), s.unitsUsed(), "the crawler counts what YouTube charges");
    assertEquals(s.unitsUsed(), rig.state().quota.units());
  }

  @Test
  void a_channel_is_crawled_through_its_uploads_playlist_looked_up_once() throws Exception {
    fake.channels.put("UCcuepointLab000000000000", Lectures.PLAYLIST);
    Crawler.Options byChannel = new Crawler.Options(List.of(), List.of("UCcuepointLab000000000000"),
        List.of(CaptionSourceKind.API), java.util.Set.of(), QuotaMeter.DEFAULT_BUDGET, null, null);

    CrawlSummary s = rig.crawler(rig.api(rig.oauth())).crawl(byChannel);

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(3, s.added());
    assertEquals(List.of("lecNeurons1", "lecPlastic3", "lecSynapse2"), rig.store.ids());
    assertEquals(1 + 1, fake.calls("channels.list"), "the uploads playlist, and whose the videos are");
    rig.crawler(rig.api(rig.oauth())).crawl(byChannel);
    assertEquals(2 + 1, fake.calls("channels.list"), "the uploads playlist of a channel is remembered");
  }

  @Test
  void second_crawl_spends_only_list_calls_and_changes_nothing() throws Exception {
    rig.crawl();
    var before = rig.store.fingerprints();
    fake.resetCounts();

    CrawlSummary s = rig.crawl();

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(3, s.unchanged());
    assertEquals(0, s.added() + s.changed());
    assertEquals(0, fake.calls("captions.download"));
    assertEquals(Map.of("captions.list", 3, "playlistItems.list", 2, "playlists.list", 1, "videos.list", 1, "token", 1,
        "channels.list", 1), fake.calls());
    assertEquals(6, fake.notModified(), "every page and caption list was asked for with its ETag");
    assertEquals(1 + 2 + 1 + 1 + 150, s.unitsUsed());
    assertEquals(before, rig.store.fingerprints(), "no corpus file was rewritten");
  }

  @Test
  void with_oauth_captions_are_asked_only_for_the_signed_in_channels_videos() throws Exception {
    ((com.fasterxml.jackson.databind.node.ObjectNode) fake.videos.get("lecSynapse2").get("snippet"))
        .put("channelId", "UCsomeoneElse0000000000000");

    CrawlSummary s = rig.crawl();

    assertEquals(2, fake.calls("captions.list"), "none for another channel's video: it would be refused");
    assertEquals(2, fake.calls("captions.download"), "the owner's four tracks less the other video's two");
    assertEquals(List.of(new CrawlSummary.Item("lecSynapse2", "api: " + ApiCaptions.NOT_OWNER)), s.withoutTranscript());
    assertEquals("Lecture 2: Synapses", rig.video("lecSynapse2").title(), "in the corpus with its metadata");
  }

  @Test
  void an_unreachable_host_fails_the_crawl_and_charges_no_quota() throws Exception {
    YouTubeApi nowhere = new YouTubeApi(new YouTubeApi.Settings("http://127.0.0.1:1/",
        new ApiCredentials.ApiKey(FakeYouTube.KEY), Duration.ofSeconds(1), Duration.ofSeconds(1)));

    CrawlSummary s = rig.crawler(nowhere).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), 10_000));

    assertEquals(CrawlSummary.Result.FAILED, s.result(), s.line());
    assertEquals(0, s.unitsUsed(), "no call reached YouTube: none is charged");
    assertTrue(s.failed().get(0).reason().contains("no answer from YouTube"), s.failed().get(0).reason());
  }

  @Test
  void a_changed_track_is_downloaded_again_and_only_that_one() throws Exception {
    rig.crawl();
    fake.resetCounts();
    fake.track("lecSynapse2", new FakeYouTube.Track("trkSynapseDe", "de", "standard", "2024-04-01T08:00:00Z",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nSynapsen verbinden Neuronen.\n"));

    CrawlSummary s = rig.crawl();

    assertEquals(1, fake.calls("captions.download"));
    assertEquals(1, s.changed());
    assertEquals(2, s.unchanged());
    Transcript de = rig.video("lecSynapse2").transcripts().stream().filter(t -> t.language().equals("de")).findFirst().orElseThrow();
    assertEquals("Synapsen verbinden Neuronen.", de.cues().get(0).text());
  }

  @Test
  void faults_mid_crawl_are_retried_and_lose_nothing() throws Exception {
    rig.crawl();
    fake.track("lecNeurons1", new FakeYouTube.Track("trkNeuronsEn", "en", "standard", "2024-04-01T08:00:00Z",
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nCorrected: neurons fire.\n"));
    fake.track("lecSynapse2", new FakeYouTube.Track("trkSynapseEn", "en", "standard", "2024-04-01T08:00:00Z",
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nCorrected: synapses.\n"));
    fake.fault("playlistItems.list", FakeYouTube.Fault.SERVER_ERROR, 0, 2);
    fake.fault("videos.list", FakeYouTube.Fault.DROP, 0, 1);
    fake.fault("captions.list", FakeYouTube.Fault.SLOW, 0, 1);
    fake.fault("captions.list", FakeYouTube.Fault.RATE_LIMITED, 0, 1);
    // the first download answers 500 on every attempt: that video fails, the rest go on
    fake.fault("captions.download", FakeYouTube.Fault.SERVER_ERROR, 0, 5);
    Video before = rig.video("lecNeurons1"); // first in line: its download fails on every attempt

    CrawlSummary s = rig.crawl();

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(1, s.failed().size(), s.line());
    assertEquals("lecNeurons1", s.failed().get(0).id());
    assertTrue(s.failed().get(0).reason().contains("HTTP 500"), s.failed().get(0).reason());
    assertEquals(1, s.changed(), "the other corrected track came through");
    assertEquals(3, rig.store.ids().size(), "no video was lost");
    assertEquals(before.transcripts(), rig.video("lecNeurons1").transcripts(), "the last good transcript stays");
    assertEquals(2 + 1 + 1 + 1 + 4, rig.pauses.size(), "each transient failure was retried after a pause");
    assertTrue(rig.pauses.stream().allMatch(p -> p.compareTo(Duration.ofSeconds(32)) <= 0));

    fake.resetCounts();
    CrawlSummary again = rig.crawl();
    assertEquals(List.of(), again.failed());
    assertEquals(1, again.changed());
    assertEquals(1, fake.calls("captions.download"), "only the track that failed is fetched again");
    assertTrue(rig.video("lecNeurons1").transcripts().get(0).cues().get(0).text().startsWith("Corrected"));
    assertTrue(rig.video("lecSynapse2").transcripts().stream().anyMatch(t -> t.cues().get(0).text().equals("Corrected: synapses.")));
  }

  @Test
  void the_quota_budget_stops_the_crawl_cleanly_and_the_next_day_resumes() throws Exception {
    long budget = 1 + 2 + 1 + 1 + 50 + 200 + 50; // listing, whose channel, one video with its track, one more captions.list
    CrawlSummary first = rig.crawler(rig.api(rig.oauth())).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), budget));

    assertEquals(CrawlSummary.Result.STOPPED, first.result());
    assertTrue(first.stopReason().contains("quota budget reached"), first.stopReason());
    assertEquals(budget, first.unitsUsed());
    assertEquals(fake.units(), first.unitsUsed(), "no call was made past the budget");
    assertEquals(1, first.added());
    String done = rig.store.ids().get(0);

    fake.resetCounts();
    CrawlSummary sameDay = rig.crawler(rig.api(rig.oauth())).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), budget));
    assertEquals(CrawlSummary.Result.STOPPED, sameDay.result());
    assertEquals(0, fake.units(), "the day's budget is spent: not one call");

    rig.clock.advance(Duration.ofDays(1));
    fake.resetCounts();
    CrawlSummary next = rig.crawler(rig.api(rig.oauth())).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), budget * 10));
    assertEquals(CrawlSummary.Result.COMPLETE, next.result(), next.line());
    assertEquals(2, next.added());
    assertEquals(3, rig.store.ids().size());
    assertEquals(3, fake.calls("captions.download"), "the video fetched yesterday is not fetched again");
    assertEquals(1, next.unchanged(), done + " was already complete");
  }

  @Test
  void quota_exceeded_from_youtube_stops_the_crawl_and_keeps_what_was_fetched() throws Exception {
    fake.fault("captions.download", FakeYouTube.Fault.QUOTA_EXCEEDED, 1, 1);

    CrawlSummary s = rig.crawl();

    assertEquals(CrawlSummary.Result.STOPPED, s.result());
    assertTrue(s.stopReason().contains("quotaExceeded"), s.stopReason());
    assertEquals(1, rig.store.ids().size());
    assertEquals(QuotaMeter.DEFAULT_BUDGET, rig.state().quota.units(), "the day counts as spent");
    assertEquals(List.of(), rig.pauses, "quotaExceeded is not retried");

    rig.clock.advance(Duration.ofDays(1));
    CrawlSummary next = rig.crawl();
    assertEquals(CrawlSummary.Result.COMPLETE, next.result(), next.line());
    assertEquals(3, rig.store.ids().size());
  }

  @Test
  void an_expired_access_token_is_refreshed_and_the_crawl_goes_on() throws Exception {
    YouTubeApi api = rig.api(rig.oauth());
    rig.crawler(api).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), QuotaMeter.DEFAULT_BUDGET));
    assertEquals(1, fake.tokensIssued());
    fake.expireAccessTokens();

    CrawlSummary s = rig.crawler(api).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), QuotaMeter.DEFAULT_BUDGET));

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(List.of(), s.failed());
    assertEquals(2, fake.tokensIssued(), "one refresh after the 401");
  }

  @Test
  void a_refused_refresh_token_fails_the_crawl_with_advice_to_sign_in_again() throws Exception {
    ApiCredentials.OAuth revoked = new ApiCredentials.OAuth(
        FakeYouTube.CLIENT_ID, FakeYouTube.CLIENT_SECRET, "revoked-token", fake.tokenUrl());

    CrawlSummary s = rig.crawler(rig.api(revoked)).crawl(CrawlRig.options(List.of(CaptionSourceKind.API), 10_000));

    assertEquals(CrawlSummary.Result.FAILED, s.result());
    assertTrue(s.stopReason().contains("invalid_grant") && s.stopReason().contains("cuepoint auth"), s.stopReason());
    assertFalse(s.stopReason().contains("revoked-token"), "the token is never shown");
  }

  @Test
  void a_video_leaves_the_corpus_only_after_a_complete_listing_no_longer_shows_it() throws Exception {
    rig.crawl();
    fake.playlists.get(Lectures.PLAYLIST).videoIds().remove("lecSynapse2");
    fake.fault("playlistItems.list", FakeYouTube.Fault.SERVER_ERROR, 1, 5); // page 2 never comes

    CrawlSummary broken = rig.crawl();

    assertEquals(List.of(Lectures.PLAYLIST), broken.failed().stream().map(CrawlSummary.Item::id).toList());
    assertEquals(0, broken.removed());
    assertTrue(rig.store.read("lecSynapse2").isPresent(), "a partial listing removes nothing");

    CrawlSummary whole = rig.crawl();

    assertEquals(1, whole.removed());
    assertEquals(Optional.empty(), rig.store.read("lecSynapse2"));
    assertEquals(List.of("lecNeurons1", "lecPlastic3"), rig.store.playlistIds().isEmpty() ? List.of() :
        rig.store.readPlaylist(Lectures.PLAYLIST).orElseThrow().videoIds().stream().sorted().toList());
  }
}
