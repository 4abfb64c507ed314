package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running app refreshing itself while people search: searches never fail and never see a
 * half-built index, new videos appear after the refresh, a failed refresh changes nothing, and only
 * the admin token starts one.
 */
class RefreshUnderLoadTest {
  static final String TOKEN = "test-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Path incoming;
  Service service;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    incoming = tmp.resolve("incoming");
    for (int i = 0; i < 40; i++) {
      Folders.video(incoming, String.format("oldVideo%03d", i), "Lecture " + i,
          "Neurons fire when their membrane potential crosses a threshold.",
          "Lecture number " + i + " talks about synapses and dendrites.");
    }
    DataDir data = Folders.data(tmp.resolve("data"));
    Config settings = new Config(List.of(), List.of(), List.of(), List.of(), List.of(incoming), null,
        "127.0.0.1", 0, TOKEN, 10_000, false, null,
        // four searchers from one address as fast as they can: far past the default rate limit
        new dev.cuepoint.web.RateLimiter.Limit(100_000, 100_000));
    StringWriter sink = new StringWriter();
    ImportCommand.importInto(data, List.of(incoming), new PrintWriter(sink));
    service = Service.start(data, settings, Path.of("web"), env(), new PrintWriter(sink),
        new PrintWriter(sink));
    // serve listens before its new index is built (searches answer 503 meanwhile): these tests are about after
    assertTrue(service.awaitSearchable(120_000), "the index was built within 120 s");
  }

  /** The environment the app starts with: the embedded index here; subclasses choose other backends. */
  java.util.Map<String, String> env() {
    return java.util.Map.of();
  }

  @AfterEach
  void stop() {
    service.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + service.server.port() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode refreshAndWait() throws Exception {
    HttpResponse<String> started = post("/api/admin/refresh", "Bearer " + TOKEN);
    assertEquals(202, started.statusCode(), started.body());
    String progress = JSON.readTree(started.body()).get("progress").asText();
    return awaitValue("the refresh to end", () -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(progress)))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      JsonNode run = JSON.readTree(r.body());
      return run.get("result").asText().equals("running") ? null : run;
    }, java.time.Duration.ofSeconds(30));
  }

  long total(String q) throws Exception {
    HttpResponse<String> r = get("/api/search?q=" + q);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("total").asLong();
  }

  @Test
  void searches_keep_answering_during_a_refresh_and_new_videos_appear_after_it() throws Exception {
    assertEquals(40, total("threshold"));
    for (int i = 0; i < 60; i++) {
      Folders.video(incoming, String.format("newVideo%03d", i), "New lecture " + i,
          "Neurons fire when their membrane potential crosses a threshold.",
          "Dopamine signals a reward prediction error in lecture " + i + ".");
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> searchers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        while (running.get()) {
          try {
            HttpResponse<String> r = get("/api/search?q=threshold&limit=5");
            long total = JSON.readTree(r.body()).get("total").asLong();
            // all old videos, or all old and all new ones: never a half-built index
            if (r.statusCode() != 200 || (total != 40 && total != 100)) {
              failures.add(r.statusCode() + " total " + total);
            }
            answered.incrementAndGet();
          } catch (Exception e) {
            failures.add(e.toString());
          }
        }
      });
      th.start();
      searchers.add(th);
    }
    JsonNode run = refreshAndWait();
    int before = answered.get();
    awaitUntil("searches after the refresh", () -> answered.get() >= before + 8 || !failures.isEmpty(),
        java.time.Duration.ofSeconds(30));
    running.set(false);
    for (Thread th : searchers) {
      th.join(10_000);
    }
    assertEquals("succeeded", run.get("result").asText(), run.toString());
    assertTrue(answered.get() > 20, "searches ran during the refresh: " + answered.get());
    assertEquals(List.of(), List.copyOf(failures), "no search failed or saw a half-built index");
    assertEquals(100, total("threshold"));
    assertEquals(60, total("dopamine"));
    JsonNode status = JSON.readTree(get("/api/status").body());
    assertEquals("succeeded", status.get("lastRefresh").get("result").asText());
    assertTrue(status.get("lastRefresh").get("summary").asText().contains("imported 60 videos"), status.toString());
  }

  @Test
  void a_refresh_that_fails_changes_no_results() throws Exception {
    String before = get("/api/search?q=synapses&limit=50").body();
    Folders.video(incoming, "brokenVid01", "Broken", "This one would be new.");
    java.nio.file.Files.writeString(incoming.resolve("Broken [brokenVid01].en.srt"), "not captions at all\n");
    // the folder disappears (an unmounted disk): the import step fails, the index is not touched
    Path moved = tmp.resolve("moved");
    java.nio.file.Files.move(incoming, moved);
    JsonNode run = refreshAndWait();
    assertEquals("failed", run.get("result").asText(), run.toString());
    assertTrue(run.get("summary").asText().contains("the index was left as it was"), run.toString());
    assertEquals(before.replaceAll("\"tookMs\":\\d+", ""),
        get("/api/search?q=synapses&limit=50").body().replaceAll("\"tookMs\":\\d+", ""));
    JsonNode status = JSON.readTree(get("/api/status").body());
    assertEquals("failed", status.get("lastRefresh").get("result").asText());
  }

  @Test
  void only_the_admin_token_starts_a_refresh() throws Exception {
    assertEquals(401, post("/api/admin/refresh", null).statusCode());
    assertEquals(401, post("/api/admin/refresh", "Bearer wrong-token-0123456789").statusCode());
    assertEquals(401, post("/api/admin/refresh", "Basic " + TOKEN).statusCode());
    HttpResponse<String> denied = post("/api/admin/refresh", "Bearer " + TOKEN + "x");
    assertEquals(401, denied.statusCode());
    assertTrue(JSON.readTree(denied.body()).get("error").asText().contains("admin token"), denied.body());
    assertEquals(401, get("/api/admin/refresh/1").statusCode(), "progress needs the token too");
    assertEquals("succeeded", refreshAndWait().get("result").asText());
  }
}
