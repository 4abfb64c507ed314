package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.crawl.CaptionSourceKind;
import dev.cuepoint.crawl.FakeSpeechToText;
import dev.cuepoint.crawl.ImportSummary;
import dev.cuepoint.crawl.Media;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring by hand: {@code import} with the recogniser given, {@code serve} playing recordings from
 * the data directory and from {@code mediaDir} only, and the speech settings read and checked like
 * every other setting.
 */
class ServeRecordingTest {
  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter log = new StringWriter();

  JsonNode get(Service s, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + s.server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  Service serve(DataDir data, Map<String, String> env) throws Exception {
    Config settings = new Config(List.of(), List.of(), List.of(), List.of(), List.of(), null,
        "127.0.0.1", 0, null, 10_000, false, null);
    Service s = Service.start(data, settings, Path.of("web"), env, new PrintWriter(log, true),
        new PrintWriter(log, true), null);
    assertTrue(s.awaitSearchable(60_000), "the index was built within 60 s:\n" + log);
    return s;
  }

  @Test
  void serve_plays_recordings_in_the_data_directory_and_in_media_dir_only() throws Exception {
    DataDir data = Folders.data(tmp.resolve("data"));
    Path inData = Files.createDirectories(tmp.resolve("data/recordings"));
    Path lectures = Files.createDirectories(tmp.resolve("lectures"));
    Media.wav(inData.resolve("Kept here [aaaaaaaaaaa].wav"), 2);
    Media.wav(lectures.resolve("Elsewhere [bbbbbbbbbbb].wav"), 2);
    FakeSpeechToText speech = new FakeSpeechToText(f -> "Dendrites gather input.");

    ImportSummary s = ImportCommand.importInto(data, List.of(inData, lectures), new PrintWriter(log, true),
        () -> speech);
    assertEquals(2, s.added(), s.line() + log);
    assertTrue(speech.closed, "the import lets the model go");

    try (Service without = serve(data, Map.of())) {
      assertEquals("/media/aaaaaaaaaaa", get(without, "/api/videos/aaaaaaaaaaa/media").get("media").asText());
      assertTrue(get(without, "/api/videos/bbbbbbbbbbb/media").get("media").isNull(), "outside the served folders");
      assertEquals("asr-local", get(without, "/api/videos/bbbbbbbbbbb").get("transcripts").get(0).get("kind").asText());
    }
    try (Service with = serve(data, Map.of("CUEPOINT_MEDIA_DIR", lectures.toString()))) {
      assertEquals("/media/bbbbbbbbbbb", get(with, "/api/videos/bbbbbbbbbbb/media").get("media").asText());
    }
  }

  @Test
  void speech_settings_are_read_and_checked_like_the_others() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("data"));
    SpeechSettings defaults = Config.speech(null, dir, Map.of(), Map.of());
    assertEquals(new SpeechSettings(null, 1, false), defaults);
    assertEquals(List.of(dir), defaults.mediaFolders(dir));

    Files.writeString(dir.resolve("cuepoint.yaml"), "mediaDir: " + dir + "\nasrCaptions: true\n");
    SpeechSettings file = Config.speech(null, dir, Map.of(), Map.of());
    assertEquals(new SpeechSettings(dir, 1, true), file);

    Config.Invalid missing = assertThrows(Config.Invalid.class,
        () -> Config.speech(null, dir, Map.of("CUEPOINT_MEDIA_DIR", tmp.resolve("nowhere").toString()), Map.of()));
    assertTrue(missing.getMessage().startsWith("environment variable CUEPOINT_MEDIA_DIR: the folder "), missing.getMessage());
    Config.Invalid threads = assertThrows(Config.Invalid.class,
        () -> Config.speech(null, dir, Map.of("CUEPOINT_ASR_THREADS", "0"), Map.of()));
    assertTrue(threads.getMessage().contains("CUEPOINT_ASR_THREADS: must be a whole number from 1 to"),
        threads.getMessage());
  }

  @Test
  void source_asr_ends_the_default_order_only_when_asked_for() {
    var web = CrawlCommand.timedText("https://www.youtube.com/", null, null, "2s");
    List<CaptionSourceKind> plain = CrawlCommand.options(List.of("PLx"), List.of(), List.of(), null,
        "no-such-yt-dlp-program", List.of(), 10_000, false, web, false).captionOrder();
    List<CaptionSourceKind> asr = CrawlCommand.options(List.of("PLx"), List.of(), List.of(), null,
        "no-such-yt-dlp-program", List.of(), 10_000, false, web, true).captionOrder();
    assertEquals(List.of(CaptionSourceKind.TIMEDTEXT), plain);
    assertEquals(List.of(CaptionSourceKind.TIMEDTEXT, CaptionSourceKind.ASR), asr);
  }
}
