package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.crawl.FakeSpeechToText;
import dev.cuepoint.crawl.Media;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording whose file name holds no YouTube id is on no YouTube page: its links lead to
 * Cuepoint's own watch page and it gets no YouTube thumbnail, while a downloaded YouTube video with
 * its recording beside it keeps its YouTube links.
 */
class LocalOnlyLinksTest {
  static final String YOUTUBE_ID = "abcdefghijk"; // ends in k: a YouTube id can

  @Test
  void a_recording_on_no_youtube_page_links_to_cuepoint_and_a_downloaded_video_to_youtube(@TempDir Path dir)
      throws Exception {
    Path media = Files.createDirectories(dir.resolve("recordings"));
    Media.wav(media.resolve("Week 1 - synapses.wav"), 5);
    Media.wav(media.resolve("Downloaded [" + YOUTUBE_ID + "].wav"), 5);
    try (LocalSite site = LocalSite.start(dir, media, new FakeSpeechToText(
        f -> "Spikes travel along the axon. The synapse releases transmitter. Receptors open channels."))) {
      assertEquals(2, site.imported.added(), site.imported.line());
      JsonNode results = json(site, "/api/search?q=%22synapse+releases%22&mode=keyword&limit=10").get("results");
      assertEquals(2, results.size(), results.toString());
      int local = 0;
      for (JsonNode r : results) {
        String id = r.get("videoId").asText();
        JsonNode moment = r.get("moments").get(0);
        long second = (long) moment.get("start").asDouble();
        JsonNode video = json(site, "/api/videos/" + id);
        if (id.equals(YOUTUBE_ID)) {
          assertEquals("https://www.youtube.com/watch?v=" + id, r.get("url").asText());
          assertEquals("https://www.youtube.com/watch?v=" + id + "&t=" + second + "s", moment.get("url").asText());
          assertEquals("https://i.ytimg.com/vi/" + id + "/mqdefault.jpg", r.get("thumbnailUrl").asText());
          assertEquals("https://www.youtube.com/watch?v=" + id, video.get("url").asText());
        } else {
          local++;
          assertFalse(Video.onYouTube(id), id + " could be a YouTube id");
          assertEquals("/watch/" + id, r.get("url").asText());
          assertEquals("/watch/" + id + "?t=" + second, moment.get("url").asText());
          assertEquals("", r.get("thumbnailUrl").asText(), "no YouTube picture for a video YouTube never had");
          assertEquals("/watch/" + id, video.get("url").asText());
          assertEquals("", video.get("thumbnailUrl").asText());
          assertEquals(200, get(site, "/watch/" + id + "?t=" + second).statusCode(), "the link opens Cuepoint's page");
        }
      }
      assertEquals(1, local);
    }
  }

  @Test
  void youtube_ids_end_in_one_of_sixteen_characters_and_ids_made_for_recordings_never_do() {
    for (String id : new String[] {"dQw4w9WgXcQ", "WMRUZT9NljM", "aircAruvnKk", "IHZwWFHWa-w", "r6sGWTCMz2k"}) {
      assertTrue(Video.onYouTube(id), id);
    }
    assertFalse(Video.onYouTube("cpSample001"));
  }

  static HttpResponse<String> get(LocalSite site, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(site.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(LocalSite site, String path) throws Exception {
    HttpResponse<String> r = get(site, path);
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }
}
