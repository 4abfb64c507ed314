package dev.cuepoint.cli;

import java.time.Duration;
import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.schedule.RefreshRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with the real model: the passage vectors catch up at start, follow a refresh that
 * imports a new lecture, and survive a restart without embedding anything again.
 */
class SemanticServiceTest {
  @TempDir Path tmp;
  String before;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter log = new StringWriter();

  @BeforeEach
  void modelOn() {
    before = System.getProperty(Vectors.PROPERTY);
    System.setProperty(Vectors.PROPERTY, "minilm");
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Vectors.PROPERTY);
    } else {
      System.setProperty(Vectors.PROPERTY, before);
    }
  }

  Service start(DataDir data, Path folder) throws Exception {
    Config settings = new Config(List.of(), List.of(), List.of("ytdlp-folder"), List.of(), List.of(folder), null,
        "127.0.0.1", 0, null, 10_000, false, null);
    Service s = Service.start(data, settings, Path.of("web"), Map.of(), new PrintWriter(log, true),
        new PrintWriter(log, true));
    // serve listens before its new index is built (searches answer 503 meanwhile): this test is about after
    assertTrue(s.awaitSearchable(60_000), "the index was built within 60 s:\n" + log);
    return s;
  }

  JsonNode search(Service s, String q, String mode) throws Exception {
    String url = "http://127.0.0.1:" + s.server.port() + "/api/search?mode=" + mode + "&q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8);
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  String topVideo(Service s, String q) throws Exception {
    JsonNode results = search(s, q, "semantic").get("results");
    return results.isEmpty() ? null : results.get(0).get("videoId").asText();
  }

  @Test
  void vectors_catch_up_at_start_follow_a_refresh_and_survive_a_restart() throws Exception {
    Path folder = tmp.resolve("dl");
    Folders.video(folder, "cellsAAAAAA", "Cells",
        "When a nerve cell is excited enough, it sends a brief electrical pulse down its axon.",
        "Between pulses the cell needs a short rest before it can fire again.");
    Folders.video(folder, "bakingAAAAA", "Bread",
        "Mix flour, water, salt and yeast, then knead the dough for ten minutes.",
        "Bake it in a very hot oven until the crust is brown.");
    DataDir data = Folders.data(tmp.resolve("data"));
    ImportCommand.importInto(data, List.of(folder), new PrintWriter(new StringWriter()));

    try (Service s = start(data, folder)) {
      assertEquals("cellsAAAAAA", awaitValue("the background catch-up to commit",
          () -> topVideo(s, "how do neurons signal"), Duration.ofSeconds(30)));

      Folders.video(folder, "planetsAAAA", "Orbits",
          "The planets move around the sun on ellipses, pulled by gravity.");
      RefreshRun run = s.refresher.start("test").orElseThrow();
      RefreshRun done = waitFor(s, run.id());
      assertEquals(RefreshRun.State.SUCCEEDED, done.state(), done.toString());
      String index = done.steps().getLast().summary();
      assertTrue(index.contains("vectors: 1 added"), index);
      assertEquals("planetsAAAA", topVideo(s, "why do the planets circle the sun"));
    }
    int cached;
    try (Service s = start(data, folder)) {
      cached = s.passages.cachedVectors();
    }
    log.getBuffer().setLength(0);
    try (Service s = start(data, folder)) {
      assertEquals("planetsAAAA", topVideo(s, "why do the planets circle the sun"), "vectors survive a restart");
      awaitUntil("the start's catch-up to compare the passages with the corpus", () -> {
        var p = s.passages.progress();
        return p.passages() >= 0 && !p.running();
      }, Duration.ofSeconds(30));
      assertEquals(cached, s.passages.cachedVectors(), "nothing embedded again");
      assertTrue(log.toString().lines().noneMatch(l -> l.startsWith("vectors:")), log.toString());
    }
  }

  static RefreshRun waitFor(Service s, String id) throws Exception {
    return awaitValue("refresh " + id + " to end", () -> {
      RefreshRun r = s.refresher.find(id).orElseThrow();
      return r.state() == RefreshRun.State.RUNNING ? null : r;
    }, Duration.ofSeconds(60));
  }
}
