package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.Lectures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refreshes that crawl the fake YouTube Data API while searches run: the course's lectures become
 * searchable without one failed request; a crawl YouTube refuses changes nothing people see.
 */
class CrawlRefreshTest {
  static final String TOKEN = "crawl-test-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  FakeYouTube fake;
  Service service;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void fakeYouTube() throws Exception {
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

  void start(String apiKey) throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
    Path existing = tmp.resolve("existing");
    for (int i = 0; i < 20; i++) {
      Folders.video(existing, String.format("oldVideo%03d", i), "Old lecture " + i,
          "Every lecture mentions the membrane potential.");
    }
    DataDir data = Folders.data(tmp.resolve("data"));
    StringWriter sink = new StringWriter();
    ImportCommand.importInto(data, List.of(existing), new PrintWriter(sink));
    Config settings = new Config(List.of(Lectures.PLAYLIST), List.of(), List.of("ytdlp-folder"), List.of(),
        List.of(folder), null, "127.0.0.1", 0, TOKEN, 10_000, false, fake.root(),
        // four searchers from one address as fast as they can: far past the default rate limit
        new dev.cuepoint.web.RateLimiter.Limit(100_000, 100_000));
    service = Service.start(data, settings, Path.of("web"), Map.of("CUEPOINT_YOUTUBE_API_KEY", apiKey),
        new PrintWriter(sink), new PrintWriter(sink));
    assertTrue(service.awaitSearchable(60_000), "the index was built within 60 s:\n" + sink);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.server.port() + path));
  }

  JsonNode refresh() throws Exception {
    HttpResponse<String> started = send(at("/api/admin/refresh").header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(202, started.statusCode(), started.body());
    String id = JSON.readTree(started.body()).get("id").asText();
    return awaitValue("refresh " + id + " to end", () -> {
      JsonNode run = JSON.readTree(send(at("/api/admin/refresh/" + id).header("Authorization", "Bearer " + TOKEN)).body());
      return run.get("result").asText().equals("running") ? null : run;
    }, java.time.Duration.ofSeconds(30));
  }

  long total(String q) throws Exception {
    return JSON.readTree(send(at("/api/search?q=" + q)).body()).get("total").asLong();
  }

  @Test
  void crawled_lectures_become_searchable_while_searches_keep_answering() throws Exception {
    start(FakeYouTube.KEY);
    assertEquals(20, total("membrane"));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        while (running.get()) {
          try {
            HttpResponse<String> r = send(at("/api/search?q=membrane&limit=3"));
            if (r.statusCode() != 200) {
              failures.add(r.statusCode() + " " + r.body());
            }
            answered.incrementAndGet();
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      });
      th.start();
      threads.add(th);
    }
    JsonNode run = refresh();
    running.set(false);
    for (Thread th : threads) {
      th.join(10_000);
    }
    assertEquals("succeeded", run.get("result").asText(), run.toString());
    assertTrue(run.get("summary").asText().contains("crawl complete: 3 new"), run.toString());
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(answered.get() > 10, "searches ran during the refresh: " + answered.get());
    assertEquals(1, total("%22action+potentials%22"), "a crawled lecture is searchable");
    JsonNode status = JSON.readTree(send(at("/api/status")).body());
    assertEquals(fake.units(), status.get("quotaUsedToday").asInt(), "the status reports the quota the fake counted");
  }

  @Test
  void a_crawl_youtube_refuses_fails_the_refresh_and_changes_no_results() throws Exception {
    start("a-key-youtube-does-not-know");
    String before = send(at("/api/search?q=membrane&limit=50")).body().replaceAll("\"tookMs\":\\d+", "");
    JsonNode run = refresh();
    assertEquals("failed", run.get("result").asText(), run.toString());
    assertTrue(run.get("summary").asText().startsWith("crawl failed"), run.toString());
    assertEquals(before, send(at("/api/search?q=membrane&limit=50")).body().replaceAll("\"tookMs\":\\d+", ""));
    assertEquals(0, total("%22action+potentials%22"));
  }
}
