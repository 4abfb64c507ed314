package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.realdata.RealData;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every recorded player answer (youtube-transcript-api's fixtures) read as tracks or a reason. */
class PlayerAnswerTest {
  private static PlayerAnswer read(String file) throws Exception {
    Path dir = RealData.require("timedtext/youtube-transcript-api");
    return PlayerAnswer.of(new ObjectMapper().readTree(dir.resolve(file).toFile()));
  }

  @ParameterizedTest(name = "{0}: {1} tracks, {2}")
  @CsvSource({
    "youtube.innertube.json.static, 9, ",
    "youtube_altered_user_agent.innertube.json.static, 9, ",
    "youtube_po_token_required.innertube.json.static, 9, ",
    "youtube_ww1_nl_en.innertube.json.static, 2, ",
    "youtube_transcripts_disabled.innertube.json.static, 0, CAPTIONS_OFF",
    "youtube_transcripts_disabled2.innertube.json.static, 0, CAPTIONS_OFF",
    "youtube_age_restricted.innertube.json.static, 0, AGE_RESTRICTED",
    "youtube_video_unavailable.innertube.json.static, 0, UNAVAILABLE",
    "youtube_unplayable.innertube.json.static, 0, UNPLAYABLE",
    "youtube_request_blocked.innertube.json.static, 0, BLOCKED",
  })
  void each_recorded_answer_gives_its_tracks_or_why_there_are_none(String file, int tracks, NoTranscript why)
      throws Exception {
    PlayerAnswer a = read(file);
    assertEquals(tracks, a.tracks().size(), file);
    assertEquals(why, a.why().orElse(null), file + ": " + a.detail());
  }

  @Test
  void tracks_carry_language_kind_vss_id_and_name() throws Exception {
    List<WebTrack> t = read("youtube.innertube.json.static").tracks();
    WebTrack auto = t.stream().filter(x -> x.vssId().equals("a.en")).findFirst().orElseThrow();
    assertEquals("en", auto.language());
    assertEquals(Transcript.Kind.AUTO, auto.kind());
    assertEquals("English (auto-generated)", auto.name());
    assertEquals(8, t.stream().filter(x -> x.kind() == Transcript.Kind.MANUAL).count());
  }

  @Test
  void only_the_track_marked_exp_xpe_needs_a_proof_of_origin_token() throws Exception {
    List<String> needing = read("youtube_po_token_required.innertube.json.static").tracks().stream()
        .filter(WebTrack::needsToken).map(WebTrack::vssId).toList();
    assertEquals(List.of(".en"), needing);
  }

  @Test
  void unplayable_keeps_youtubes_reason_and_subreasons() throws Exception {
    assertEquals("Custom Reason (Sub Reason 1; Sub Reason 2)", read("youtube_unplayable.innertube.json.static").detail());
  }

  @Test
  void a_language_wants_its_regional_tracks_and_peoples_come_before_automatic() {
    List<WebTrack> tracks = List.of(
        new WebTrack("en-GB", Transcript.Kind.AUTO, "a.en-GB", "", "https://h/a"),
        new WebTrack("en-GB", Transcript.Kind.MANUAL, ".en-GB", "", "https://h/b"),
        new WebTrack("de", Transcript.Kind.MANUAL, ".de", "", "https://h/c"),
        new WebTrack("en-GB", Transcript.Kind.MANUAL, ".en-GB.named", "", "https://h/d"));
    List<String> chosen = new TimedTextCaptions(null, null, null, java.util.Set.of("en"), null)
        .choose(tracks).stream().map(WebTrack::vssId).toList();
    assertEquals(List.of(".en-GB", "a.en-GB"), chosen, "one per language and kind, people's first, no German");
  }

  @Test
  void the_format_parameter_is_replaced_not_added_twice() {
    URI u = YouTubeWeb.withFormat(URI.create("https://www.youtube.com/api/timedtext?v=x&lang=en&fmt=srv3&kind=asr"), "json3");
    assertEquals("https://www.youtube.com/api/timedtext?v=x&lang=en&kind=asr&fmt=json3", u.toString());
    assertTrue(YouTubeWeb.withFormat(URI.create("https://h/api/timedtext"), "json3").toString().endsWith("?fmt=json3"));
  }
}
