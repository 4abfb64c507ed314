package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link YouTubeApi} reads the real recorded API responses in ../shared/data/youtube-api (served
 * as they are), so the fake's shapes are not the only ones it has seen.
 */
class RecordedResponsesTest {
  static final Path DATA = dev.cuepoint.realdata.RealData.ROOT.resolve("youtube-api/examples/python-youtube");

  @Test
  void real_recorded_responses_become_our_records() throws Exception {
    dev.cuepoint.realdata.RealData.present(Files.isDirectory(DATA), "no recorded responses at " + DATA.toAbsolutePath() + ": skipped");
    Path items = DATA.resolve("apidata/playlist_items/playlist_items_paged_1.json");
    Path videos = DATA.resolve("apidata/videos/videos_info_multi.json");
    Path captions = DATA.resolve("apidata/captions/captions_by_video.json");
    Path error = DATA.resolve("error_response.json");
    Javalin app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.routes.get("/youtube/v3/playlistItems", ctx -> ctx.contentType("application/json").result(Files.readAllBytes(items)));
      c.routes.get("/youtube/v3/videos", ctx -> ctx.contentType("application/json").result(Files.readAllBytes(videos)));
      c.routes.get("/youtube/v3/captions", ctx -> ctx.contentType("application/json").result(Files.readAllBytes(captions)));
      c.routes.get("/youtube/v3/channels", ctx -> ctx.status(400).contentType("application/json").result(Files.readAllBytes(error)));
    }).start("127.0.0.1", 0);
    try {
      YouTubeApi api = new YouTubeApi(new YouTubeApi.Settings(
          "http://127.0.0.1:" + app.port(), new ApiCredentials.ApiKey("k")));
      ObjectMapper json = new ObjectMapper();

      PlaylistItemPage page = api.playlistItems("PLx", "", "").orElseThrow();
      JsonNode rawItems = json.readTree(items.toFile());
      assertEquals(rawItems.path("nextPageToken").asText(), page.nextPageToken());
      assertEquals(rawItems.path("etag").asText(), page.etag());
      List<String> ids = new ArrayList<>();
      rawItems.path("items").forEach(i -> ids.add(i.path("snippet").path("resourceId").path("videoId").asText()));
      assertEquals(ids, page.items().stream().map(PlaylistItem::videoId).toList());

      JsonNode rawVideos = json.readTree(videos.toFile());
      List<VideoMeta> metas = api.videos(List.of("a", "b"));
      assertEquals(rawVideos.path("items").size(), metas.size());
      JsonNode first = rawVideos.path("items").get(0);
      assertEquals(first.path("snippet").path("title").asText(), metas.get(0).title());
      assertEquals(first.path("snippet").path("defaultLanguage").asText(""), metas.get(0).defaultLanguage());
      assertEquals(first.path("snippet").path("thumbnails").path("maxres").path("url").asText(), metas.get(0).thumbnailUrl());
      assertEquals(0, metas.get(0).durationSeconds(), "recorded without contentDetails: duration unknown");

      CaptionTrackList tracks = api.captions("oHR3wURdJ94", "").orElseThrow();
      List<String> langs = new ArrayList<>();
      json.readTree(captions.toFile()).path("items").forEach(i -> langs.add(i.path("snippet").path("language").asText()));
      assertEquals(langs, tracks.tracks().stream().map(CaptionTrack::language).toList());

      ApiException e = assertThrows(ApiException.class, () -> api.uploadsPlaylist("UCx"));
      assertEquals("keyInvalid", e.reason());
      assertEquals(true, e.credentialsRejected());
    } finally {
      app.stop();
    }
  }
}
