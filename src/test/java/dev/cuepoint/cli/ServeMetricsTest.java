package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.Lectures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of the app as {@code serve} wires it: the setting from the environment, and a
 * scheduled crawl's caption fetches and quota counted as the crawl happens (against the fake YouTube).
 */
class ServeMetricsTest {
  static final String TOKEN = "serve-metrics-admin-token-0123456789";

  @TempDir Path tmp;
  FakeYouTube fake;
  Service service;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter sink = new StringWriter();

  @BeforeEach
  void fakeYouTube() {
    fake = new FakeYouTube();
    Lectures.serve(fake);
  }

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    fake.close();
  }

  private Service start(String adminToken, Map<String, String> env) throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
    Config settings = new Config(List.of(Lectures.PLAYLIST), List.of(), List.of("ytdlp-folder"), List.of(),
        List.of(folder), null, "127.0.0.1", 0, adminToken, 10_000, false, fake.root());
    Service s = Service.start(Folders.data(tmp.resolve("data")), settings, Path.of("web"), env, new PrintWriter(sink),
        new PrintWriter(sink));
    assertTrue(s.awaitSearchable(60_000), "the index was built within 60 s:\n" + sink);
    return s;
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the one sample whose line starts with {@code series} (name and labels as written). */
  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    if (!m.find()) {
      throw new AssertionError("no " + series + " in:\n" + metrics);
    }
    return Double.parseDouble(m.group(1));
  }

  @Test
  void a_refresh_crawl_is_counted_by_caption_source_and_quota_behind_the_admin_token() throws Exception {
    service = start(TOKEN, Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)); // metrics not set: token
    assertEquals(401, get("/metrics").statusCode());
    assertTrue(service.refresher.start("test").isPresent());
    String metrics = awaitValue("the refresh counted", () -> {
      String m = get("/metrics", "Authorization", "Bearer " + TOKEN).body();
      return m.contains("cuepoint_refresh_runs_total{result=\"succeeded\"} 1.0") ? m : null;
    }, Duration.ofSeconds(60));
    assertEquals(1, value(metrics, "cuepoint_crawl_runs_total{result=\"complete\"}"));
    assertEquals(4, value(metrics,
        "cuepoint_caption_fetches_total{reason=\"\",result=\"fetched\",source=\"ytdlp-folder\"}"), metrics);
    assertEquals(fake.units(), value(metrics, "cuepoint_youtube_quota_spent_units_total"), "what the fake served");
    assertEquals(fake.units(), value(metrics, "cuepoint_youtube_quota_used_today_units"));
    assertEquals(10_000, value(metrics, "cuepoint_youtube_quota_budget_units"));
    String status = get("/api/status").body();
    int videos = new com.fasterxml.jackson.databind.ObjectMapper().readTree(status).get("videos").asInt();
    assertTrue(videos > 0, status);
    assertEquals(videos, value(metrics, "cuepoint_index_videos"));
    assertEquals(1, value(metrics, "cuepoint_refresh_step_duration_seconds_count{result=\"ok\",step=\"crawl\"}"));
  }

  @Test
  void metrics_public_from_the_environment_need_no_token() throws Exception {
    service = start(null, Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY, "CUEPOINT_METRICS", "public"));
    HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("jvm_memory_used_bytes{"), r.body());
  }

  @Test
  void without_an_admin_token_metrics_are_off_unless_made_public() throws Exception {
    service = start(null, Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY));
    assertEquals(404, get("/metrics").statusCode());
  }

  @Test
  void metrics_behind_a_token_that_is_not_there_stop_the_start_saying_why() {
    var e = assertThrows(Config.Invalid.class, () -> service = start(null,
        Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY, "CUEPOINT_METRICS", "token")));
    assertTrue(e.getMessage().contains("CUEPOINT_METRICS") && e.getMessage().contains("admin token"), e.getMessage());
  }
}
