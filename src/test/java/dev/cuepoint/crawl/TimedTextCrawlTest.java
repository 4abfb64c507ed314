package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.realdata.RealData;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Caption source {@code timedtext} with only an API key: the Data API fake lists the playlist, the
 * web fake answers as youtube.com did in the recordings.
 */
class TimedTextCrawlTest {
  static final String PLAYLIST = "PLtimedtextCourse001";

  /** Video id → the recorded player answer it gets. */
  static final Map<String, String> RECORDED = new TreeMap<>(Map.of(
      "vidNineTrk1", "youtube.innertube.json.static",
      "vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static",
      "vidCapsOff3", "youtube_transcripts_disabled.innertube.json.static",
      "vidCapsOff4", "youtube_transcripts_disabled2.innertube.json.static",
      "vidAgeRest5", "youtube_age_restricted.innertube.json.static",
      "vidUnavail6", "youtube_video_unavailable.innertube.json.static",
      "vidUnplay07", "youtube_unplayable.innertube.json.static",
      "vidPoToken8", "youtube_po_token_required.innertube.json.static",
      "vidAgentUA9", "youtube_altered_user_agent.innertube.json.static"));

  @TempDir Path tmp;
  CrawlRig rig;
  FakeYouTubeWeb web;

  @BeforeEach
  void start() {
    Path recordings = RealData.require("timedtext/youtube-transcript-api");
    rig = new CrawlRig(tmp.resolve("data"));
    rig.readTimeout = Duration.ofSeconds(10); // no Data API retries (their pauses) on a busy machine
    web = new FakeYouTubeWeb(recordings);
  }

  @AfterEach
  void stop() {
    web.close();
    rig.close();
  }

  private void playlist(Map<String, String> videos) {
    rig.fake.playlist(PLAYLIST, "Recorded answers", "Cuepoint Lab", videos.keySet().toArray(String[]::new));
    int day = 1;
    for (var e : videos.entrySet()) {
      rig.fake.video(e.getKey(), "Title of " + e.getKey(), "About " + e.getKey(), "Cuepoint Lab",
          "2024-04-%02dT10:00:00Z".formatted(day++), "PT10M", "en");
      web.players.put(e.getKey(), e.getValue());
    }
  }

  private CrawlSummary crawl(Set<String> languages) throws Exception {
    Crawler.Options o = new Crawler.Options(List.of(PLAYLIST), List.of(), List.of(CaptionSourceKind.TIMEDTEXT),
        languages, 10_000, null, null,
        new TimedTextSettings(URI.create(web.root()), null, null, Duration.ofSeconds(2)));
    return rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY))).crawl(o);
  }

  private static Map<String, String> reasons(List<CrawlSummary.Item> items) {
    Map<String, String> m = new TreeMap<>();
    items.forEach(i -> m.put(i.id(), i.reason()));
    return m;
  }

  @Test
  void every_recorded_answer_gives_a_transcript_or_a_named_reason_and_every_video_enters_the_corpus()
      throws Exception {
    playlist(RECORDED);
    CrawlSummary s = crawl(Set.of());

    assertEquals(CrawlSummary.Result.COMPLETE, s.result(), s.line());
    assertEquals(RECORDED.keySet(), Set.copyOf(rig.store.ids()), "all in the corpus, with or without text");
    assertEquals("Title of vidAgeRest5", rig.video("vidAgeRest5").title());
    assertEquals(Map.of(
        "vidCapsOff3", "timedtext: captions off",
        "vidCapsOff4", "timedtext: captions off",
        "vidAgeRest5", "timedtext: age-restricted",
        "vidUnavail6", "timedtext: unavailable",
        "vidUnplay07", "timedtext: unplayable: Custom Reason (Sub Reason 1; Sub Reason 2)"),
        reasons(s.withoutTranscript()));
    assertEquals(List.of(), s.failed());
    assertTrue(s.line().contains("5 without transcript (2 timedtext: captions off, 1 timedtext: age-restricted,"
        + " 1 timedtext: unavailable, 1 timedtext: unplayable)"), s.line());

    Video nine = rig.video("vidNineTrk1");
    assertEquals(9, nine.transcripts().size(), "every language, people's and automatic English both kept");
    Transcript auto = nine.transcripts().stream().filter(t -> t.kind() == Transcript.Kind.AUTO).findFirst().orElseThrow();
    assertEquals("youtube-timedtext:a.en", auto.source());
    assertEquals(List.of("automatic", "words", "en"), auto.cues().get(0).words().stream().map(w -> w.text().strip()).toList(),
        "json3 keeps the recogniser's word timings");
    Transcript de = nine.transcripts().stream().filter(t -> t.language().equals("de")).findFirst().orElseThrow();
    assertEquals(61_000, de.cues().get(0).startMs());
    assertEquals("people's caption in de", de.cues().get(0).text());

    assertEquals(8, rig.video("vidPoToken8").transcripts().size(), "the .en track wants a token; the rest come");
    assertFalse(rig.video("vidPoToken8").transcripts().stream()
        .anyMatch(t -> t.language().equals("en") && t.kind() == Transcript.Kind.MANUAL));
    assertEquals(1, web.watchPages.get(), "the API key is read once per crawl");
    assertEquals(RECORDED.size(), web.playerCalls.get());
    assertEquals(9 + 2 + 8 + 9, web.trackDownloads.get(), "the exp=xpe track is not even asked for");
    assertEquals(Map.of("timedtext", 28), s.captionsBySource());
  }

  @Test
  void a_second_crawl_of_an_unchanged_playlist_downloads_no_caption_track() throws Exception {
    playlist(RECORDED);
    crawl(Set.of());
    int tracks = web.trackDownloads.get();
    web.playerVideos.clear();

    CrawlSummary again = crawl(Set.of());

    assertEquals(tracks, web.trackDownloads.get(), again.line());
    assertEquals(Set.of("vidUnavail6", "vidUnplay07"), Set.copyOf(web.playerVideos),
        "only videos that may come back are asked again; fetched and captionless ones cost nothing");
    assertEquals(0, again.added());
    assertEquals(RECORDED.size(), again.unchanged());
  }

  @Test
  void changed_metadata_makes_a_video_worth_asking_again() throws Exception {
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    crawl(Set.of());
    rig.fake.video("vidTwoTrks2", "Retitled", "About it", "Cuepoint Lab", "2024-04-01T10:00:00Z", "PT10M", "en");
    int before = web.playerCalls.get();

    crawl(Set.of());

    assertEquals(before + 1, web.playerCalls.get());
    assertEquals("Retitled", rig.video("vidTwoTrks2").title());
  }

  @Test
  void other_languages_make_a_video_worth_asking_again() throws Exception {
    playlist(Map.of("vidNineTrk1", "youtube.innertube.json.static"));
    CrawlSummary fr = crawl(Set.of("fr"));
    assertEquals(List.of(new CrawlSummary.Item("vidNineTrk1", "timedtext: captions off in [fr]")), fr.withoutTranscript());

    crawl(Set.of("fr"));
    assertEquals(1, web.playerCalls.get(), "the same languages: not asked again");
    crawl(Set.of("de"));

    assertEquals(2, web.playerCalls.get());
    assertEquals(List.of("de"), rig.video("vidNineTrk1").transcripts().stream().map(Transcript::language).toList());
  }

  @Test
  void the_languages_setting_filters_and_keeps_peoples_and_automatic_tracks() throws Exception {
    playlist(Map.of("vidNineTrk1", "youtube.innertube.json.static", "vidPoToken8",
        "youtube_po_token_required.innertube.json.static"));
    CrawlSummary s = crawl(Set.of("en"));

    assertEquals(List.of(Transcript.Kind.MANUAL, Transcript.Kind.AUTO),
        rig.video("vidNineTrk1").transcripts().stream().map(Transcript::kind).toList(), "people's first");
    assertEquals(List.of(Transcript.Kind.AUTO),
        rig.video("vidPoToken8").transcripts().stream().map(Transcript::kind).toList());
    assertEquals(3, web.trackDownloads.get(), s.line());
  }

  @Test
  void the_consent_page_is_accepted_once_with_its_cookie() throws Exception {
    web.consent = true;
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    CrawlSummary s = crawl(Set.of());

    assertEquals(2, rig.video("vidTwoTrks2").transcripts().size(), s.line());
    assertEquals(2, web.watchPages.get(), "the consent page, then the watch page");
    assertTrue(web.cookiesSeen.contains("CONSENT=YES+cb.20210328-17-p0.de+FX+119"), web.cookiesSeen.toString());
  }

  @Test
  void a_consent_page_that_cannot_be_accepted_fails_the_crawl_asking_once() throws Exception {
    web.consent = true;
    web.invalidConsent = true;
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static", "vidNineTrk1", "youtube.innertube.json.static"));
    CrawlSummary s = crawl(Set.of());

    assertEquals(CrawlSummary.Result.FAILED, s.result(), "every video failed: not complete");
    assertEquals(1, web.watchPages.get());
    assertEquals(2, s.failed().size());
    assertTrue(s.failed().get(0).reason().contains("consent page"), s.failed().get(0).reason());
    assertEquals(2, rig.store.ids().size(), "the metadata is kept all the same");
  }

  @Test
  void tracks_that_come_back_empty_need_a_token_and_that_is_a_failure() throws Exception {
    web.emptyTracks = true;
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    CrawlSummary s = crawl(Set.of());

    assertEquals(CrawlSummary.Result.FAILED, s.result(), s.line());
    assertEquals(Map.of("vidTwoTrks2", "timedtext: needs a proof-of-origin token"), reasons(s.failed()));
    assertTrue(s.line().contains("1 failed (timedtext: needs a proof-of-origin token; see above)"), s.line());
  }

  @Test
  void the_legacy_xml_timedtext_is_read_too() throws Exception {
    web.xmlTracks = true;
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    crawl(Set.of("en"));

    Transcript t = rig.video("vidTwoTrks2").transcripts().get(0);
    assertEquals("Hey, this is just a test", t.cues().get(0).text());
    assertEquals(1_540, t.cues().get(1).startMs());
  }

  @Test
  void requests_are_paced_with_jitter_and_the_pauses_are_recorded_not_waited() throws Exception {
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static", "vidNineTrk1", "youtube.innertube.json.static"));
    crawl(Set.of("en"));

    assertEquals(web.requests.get() - 1, rig.pauses.size(), "a pause before every request but the first");
    assertTrue(rig.pauses.stream().allMatch(p -> p.compareTo(Duration.ofSeconds(2)) >= 0
        && p.compareTo(Duration.ofSeconds(3)) <= 0), rig.pauses.toString());
    assertTrue(rig.pauses.stream().distinct().count() > 1, "jitter: not one fixed beat");
  }

  @ParameterizedTest
  @EnumSource(FakeYouTubeWeb.Block.class)
  void a_block_stops_the_crawl_at_once_keeps_what_was_fetched_and_the_next_crawl_finishes(FakeYouTubeWeb.Block block)
      throws Exception {
    Map<String, String> four = new TreeMap<>();
    for (String id : List.of("vidBlock001", "vidBlock002", "vidBlock003", "vidBlock004")) {
      four.put(id, "youtube_ww1_nl_en.innertube.json.static");
    }
    playlist(four);
    web.block = block;
    web.blockAfter = 1 + 3 * 2; // the watch page, then two videos of one player call and two tracks

    CrawlSummary first = crawl(Set.of());

    assertEquals(CrawlSummary.Result.STOPPED, first.result(), first.line());
    assertEquals(8, web.requests.get(), "not one request after the block");
    assertTrue(first.stopReason().contains("wait") && first.stopReason().contains("--proxy"), first.stopReason());
    assertEquals(3, rig.store.ids().size(), "two with transcripts, the blocked one with its metadata");
    assertEquals(List.of("vidBlock003"), first.failed().stream().map(CrawlSummary.Item::id).toList());
    assertEquals("timedtext: blocked by YouTube", first.failed().get(0).reason());

    web.blockAfter = -1;
    web.playerVideos.clear();
    int tracks = web.trackDownloads.get();
    CrawlSummary second = crawl(Set.of());

    assertEquals(CrawlSummary.Result.COMPLETE, second.result(), second.line());
    assertEquals(Set.of("vidBlock003", "vidBlock004"), Set.copyOf(web.playerVideos), "it continues where it stopped");
    assertEquals(tracks + 4, web.trackDownloads.get());
    for (String id : four.keySet()) {
      assertEquals(2, rig.video(id).transcripts().size(), id);
    }
  }

  @Test
  void a_block_between_two_tracks_keeps_the_first_and_the_next_crawl_fetches_only_the_second() throws Exception {
    playlist(Map.of("vidBlock001", "youtube_ww1_nl_en.innertube.json.static",
        "vidBlock002", "youtube_ww1_nl_en.innertube.json.static"));
    web.block = FakeYouTubeWeb.Block.TOO_MANY_REQUESTS;
    web.blockAfter = 1 + 1 + 1; // the watch page, a player call and one track

    CrawlSummary first = crawl(Set.of());

    assertEquals(CrawlSummary.Result.STOPPED, first.result(), first.line());
    assertEquals(4, web.requests.get(), "the request that was refused is the last");
    String blocked = web.playerVideos.get(0);
    assertEquals(1, rig.video(blocked).transcripts().size(), "the track fetched before the block is kept");

    web.blockAfter = -1;
    int tracks = web.trackDownloads.get();
    CrawlSummary second = crawl(Set.of());

    assertEquals(CrawlSummary.Result.COMPLETE, second.result(), second.line());
    assertEquals(tracks + 1 + 2, web.trackDownloads.get(), "the missing track, then the other video's two");
    assertEquals(2, rig.video(blocked).transcripts().size());
  }

  @Test
  void through_a_proxy_requests_go_to_the_proxy_with_the_web_roots_address() throws Exception {
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    // the fake answers absolute-form requests as a plain HTTP proxy would pass them on
    Crawler.Options o = new Crawler.Options(List.of(PLAYLIST), List.of(), List.of(CaptionSourceKind.TIMEDTEXT),
        Set.of(), 10_000, null, null, new TimedTextSettings(URI.create("http://www.youtube.invalid/"),
            URI.create(web.root()), null, Duration.ZERO));
    CrawlSummary s = rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY))).crawl(o);

    assertEquals(2, rig.video("vidTwoTrks2").transcripts().size(), s.line());
    assertEquals(4, web.requests.get());
  }

  @Test
  void cookies_from_a_netscape_file_are_sent_youtube_ones_only() throws Exception {
    Path cookies = tmp.resolve("cookies.txt");
    Files.writeString(cookies, """
        # Netscape HTTP Cookie File
        .youtube.com\tTRUE\t/\tTRUE\t2000000000\tSID\tsecret-sid
        #HttpOnly_.youtube.com\tTRUE\t/\tTRUE\t2000000000\tHSID\thttp-only
        .example.com\tTRUE\t/\tFALSE\t2000000000\tOTHER\tnot-for-youtube
        """);
    playlist(Map.of("vidTwoTrks2", "youtube_ww1_nl_en.innertube.json.static"));
    Crawler.Options o = new Crawler.Options(List.of(PLAYLIST), List.of(), List.of(CaptionSourceKind.TIMEDTEXT),
        Set.of(), 10_000, null, null, new TimedTextSettings(URI.create(web.root()), null, cookies, Duration.ZERO));
    rig.crawler(rig.api(new ApiCredentials.ApiKey(FakeYouTube.KEY))).crawl(o);

    assertEquals(Set.of("SID=secret-sid; HSID=http-only"), Set.copyOf(web.cookiesSeen));
    assertEquals(List.of(), rig.pauses, "delay 0: no pauses");
  }
}
