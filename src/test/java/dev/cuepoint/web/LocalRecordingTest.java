package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local recording end to end through the real parts: import (fake recogniser, real WAV), corpus,
 * Lucene index, and the real server answering search, the video, and the recording itself with HTTP
 * byte ranges, to a real HTTP client.
 */
class LocalRecordingTest {
  static final String ID = "abcdefghijk";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path media;
  static Path wav;
  static byte[] bytes;
  static LocalSite site;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    media = Files.createDirectories(dir.resolve("recordings"));
    wav = Media.wav(media.resolve("Synapses [" + ID + "].wav"), 5);
    bytes = Files.readAllBytes(wav);
    site = LocalSite.start(dir, media, new FakeSpeechToText(
        f -> "Spikes travel along the axon. The synapse releases transmitter. Receptors open channels."));
    // videos whose recordings the server must not serve
    Path outside = Files.writeString(dir.resolve("outside.wav"), "secret outside the media folders");
    Files.createSymbolicLink(media.resolve("link.wav"), outside);
    site.store.write(new Video("outsideAbs1", "Absolute", "", "", "", null, 0, "", "", null, null, null,
        outside.toString()));
    site.store.write(new Video("outsideRel1", "Relative", "", "", "", null, 0, "", "", null, null, null,
        "../outside.wav"));
    site.store.write(new Video("symlinkOut1", "Link", "", "", "", null, 0, "", "", null, null, null,
        media.resolve("link.wav").toString()));
    site.store.write(new Video("noMedia0001", "No recording", "", "", "", null, 0, "", "", null, null, null));
  }

  @AfterAll
  static void stop() throws Exception {
    if (site != null) {
      site.close();
    }
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<byte[]> r = get(path);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    return JSON.readTree(r.body());
  }

  @Test
  void an_imported_recording_is_found_by_what_is_said_with_a_machine_transcript() throws Exception {
    assertEquals(1, site.imported.added(), site.imported.line());
    JsonNode results = json("/api/search?q=%22synapse+releases%22&mode=keyword").get("results");
    assertEquals(ID, results.get(0).get("videoId").asText());
    JsonNode moment = results.get(0).get("moments").get(0);
    assertEquals("asr-local", moment.get("kind").asText());
    // twelve words spread over 5 s (416 ms each): "synapse" is the seventh, its own time is the moment's
    assertEquals(6 * (5000 / 12) / 1000.0, moment.get("start").asDouble(), 0.001);

    JsonNode video = json("/api/videos/" + ID);
    assertEquals("asr-local", video.get("transcripts").get(0).get("kind").asText());
    assertEquals("/media/" + ID, video.get("media").asText());
    assertEquals("Synapses", video.get("title").asText());
    assertEquals(5, video.get("durationSeconds").asInt());
    assertNull(json("/api/videos/noMedia0001").get("media"), "no recording: no media field");
  }

  @Test
  void the_page_asks_whether_it_can_play_a_video_here_without_an_error_status() throws Exception {
    JsonNode here = json("/api/videos/" + ID + "/media");
    assertEquals("/media/" + ID, here.get("media").asText());
    assertEquals("audio/wav", here.get("type").asText());
    for (String id : List.of("noMedia0001", "outsideAbs1", "outsideRel1", "symlinkOut1")) {
      JsonNode none = json("/api/videos/" + id + "/media");
      assertTrue(none.get("media").isNull(), id + ": " + none);
      assertTrue(none.get("type").isNull(), id + ": " + none);
    }
    assertEquals(404, get("/api/videos/unknownId00/media").statusCode());
  }

  @Test
  void the_whole_recording_is_served_with_its_type_and_accepts_ranges() throws Exception {
    HttpResponse<byte[]> r = get("/media/" + ID, "Accept-Encoding", "gzip");
    assertEquals(200, r.statusCode());
    assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
    assertEquals(String.valueOf(bytes.length), r.headers().firstValue("Content-Length").orElse(""));
    assertTrue(r.headers().firstValue("Content-Encoding").isEmpty(), "media is sent as it is");
    assertArrayEquals(bytes, r.body());
    assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("media-src 'self'"));
  }

  @Test
  void byte_ranges_answer_206_with_exactly_the_bytes_asked_for() throws Exception {
    int n = bytes.length;
    HttpResponse<byte[]> mid = get("/media/" + ID, "Range", "bytes=100-199");
    assertEquals(206, mid.statusCode());
    assertEquals("bytes 100-199/" + n, mid.headers().firstValue("Content-Range").orElse(""));
    assertArrayEquals(Arrays.copyOfRange(bytes, 100, 200), mid.body());

    HttpResponse<byte[]> open = get("/media/" + ID, "Range", "bytes=" + (n - 10) + "-");
    assertEquals(206, open.statusCode());
    assertArrayEquals(Arrays.copyOfRange(bytes, n - 10, n), open.body());

    HttpResponse<byte[]> suffix = get("/media/" + ID, "Range", "bytes=-50");
    assertEquals(206, suffix.statusCode());
    assertEquals("bytes " + (n - 50) + "-" + (n - 1) + "/" + n, suffix.headers().firstValue("Content-Range").orElse(""));
    assertArrayEquals(Arrays.copyOfRange(bytes, n - 50, n), suffix.body());

    HttpResponse<byte[]> past = get("/media/" + ID, "Range", "bytes=10-999999999");
    assertEquals(206, past.statusCode(), "an end past the file is cut to the file");
    assertArrayEquals(Arrays.copyOfRange(bytes, 10, n), past.body());

    HttpResponse<byte[]> beyond = get("/media/" + ID, "Range", "bytes=" + n + "-");
    assertEquals(416, beyond.statusCode());
    assertEquals("bytes */" + n, beyond.headers().firstValue("Content-Range").orElse(""));
    assertEquals(0, beyond.body().length);

    HttpResponse<byte[]> several = get("/media/" + ID, "Range", "bytes=0-1,5-6");
    assertEquals(200, several.statusCode(), "several ranges: the whole file, as HTTP allows");
    assertArrayEquals(bytes, several.body());
  }

  @Test
  void head_tells_the_page_there_is_a_recording_without_sending_it() throws Exception {
    HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/media/" + ID)))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals(String.valueOf(bytes.length), r.headers().firstValue("Content-Length").orElse(""));
    assertEquals(0, r.body().length);
    HttpResponse<byte[]> none = HTTP.send(HttpRequest.newBuilder(URI.create(site.url("/media/noMedia0001")))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(404, none.statusCode());
  }

  @Test
  void only_recordings_inside_the_served_folders_are_served() throws Exception {
    for (String id : List.of("outsideAbs1", "outsideRel1", "symlinkOut1", "noMedia0001", "unknownId00")) {
      HttpResponse<byte[]> r = get("/media/" + id);
      assertEquals(404, r.statusCode(), id);
      assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret"), id);
      assertTrue(JSON.readTree(r.body()).get("error").asText().length() > 10, id);
    }
    for (String path : List.of("/media/..%2Foutside.wav", "/media/..%2F..%2Foutside.wav", "/media/%2e%2e",
        "/media/" + ID + "%00", "/media/link.wav")) {
      HttpResponse<byte[]> r = get(path);
      assertNotEquals(200, r.statusCode(), path);
      assertTrue(r.statusCode() < 500, path + " " + r.statusCode());
      assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("secret"), path);
    }
    for (String raw : List.of("/media/../outside.wav", "/media/../../outside.wav", "/media/%2e%2e/%2e%2e/outside.wav")) {
      RawHttp.Answer a = RawHttp.send(site.server.port(),
          ("GET " + raw + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertNotEquals(200, a.status(), raw);
      assertFalse(a.body().contains("secret"), raw);
    }
  }
}
