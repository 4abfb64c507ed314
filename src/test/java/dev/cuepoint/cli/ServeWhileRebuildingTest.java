package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} listens before its index is up to date with the corpus. When the index must be indexed
 * whole (the old one is damaged), searches get a 503 with Retry-After and a message saying how far the
 * rebuild is, and the status says it is rebuilding; when it only catches up with a change, searches are
 * answered from the index as it is. The start-up sync is held at its first video by a latch (the
 * corpus the test hands {@link Service#start}), so what the server says meanwhile is seen every time.
 */
class ServeWhileRebuildingTest {
  static final Map<String, String> VIDEOS = Map.of(
      "rebuildvida", "The aardvark plays the bassoon",
      "rebuildvidb", "The catapult throws a dulcimer",
      "rebuildvidc", "The escalator carries a flamingo");

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter log = new StringWriter();
  DataDir data;

  @BeforeEach
  void corpus() throws IOException {
    Path folder = tmp.resolve("dl");
    for (Map.Entry<String, String> v : VIDEOS.entrySet()) {
      Folders.video(folder, v.getKey(), "Lecture " + v.getKey(), v.getValue(), "Thank you for listening.");
    }
    data = Folders.data(tmp.resolve("data"));
    ImportCommand.importInto(data, List.of(folder), new PrintWriter(new StringWriter()));
    IndexCommand.updateKeywords(data, false, new PrintWriter(new StringWriter()));
  }

  /** The corpus, each video read only once the latch opens; counts the videos asked for. */
  static UnaryOperator<CorpusSnapshot> held(CountDownLatch open, AtomicInteger asked) {
    return corpus -> new CorpusSnapshot() {
      @Override
      public Map<String, String> fingerprints() throws IOException {
        return corpus.fingerprints();
      }

      @Override
      public Video load(String id) throws IOException {
        asked.incrementAndGet();
        try {
          open.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        return corpus.load(id);
      }
    };
  }

  Service start(UnaryOperator<CorpusSnapshot> corpus) throws IOException {
    Config settings = new Config(List.of(), List.of(), List.of("ytdlp-folder"), List.of(), List.of(), null,
        "127.0.0.1", 0, null, 10_000, false, null);
    return Service.start(data, settings, Path.of("web"), Map.of(), new PrintWriter(log, true),
        new PrintWriter(log, true), null, corpus);
  }

  HttpResponse<String> get(Service s, String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws IOException {
    return new ObjectMapper().readTree(r.body());
  }

  static String top(HttpResponse<String> r) throws IOException {
    JsonNode results = json(r).get("results");
    return results.isEmpty() ? null : results.get(0).get("videoId").asText();
  }

  @Test
  void a_damaged_index_is_rebuilt_while_searches_get_503_saying_how_far_and_status_says_rebuilding()
      throws Exception {
    DamagedIndexHealsTest.truncateHalf(DamagedIndexHealsTest.biggestFile(data.lucene()));
    CountDownLatch open = new CountDownLatch(1);
    AtomicInteger asked = new AtomicInteger();
    try (Service s = start(held(open, asked))) {
      awaitUntil("the rebuild to ask for its first video", () -> asked.get() > 0, Duration.ofSeconds(30));

      HttpResponse<String> search = get(s, "/api/search?q=flamingo");
      assertEquals(503, search.statusCode(), search.body());
      String error = json(search).get("error").asText();
      assertTrue(error.startsWith("the index is being rebuilt from the corpus (the old one could not be read"), error);
      assertTrue(error.contains("0 of 3 videos"), error);
      long retry = Long.parseLong(search.headers().firstValue("Retry-After").orElseThrow());
      assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
      assertEquals(503, get(s, "/api/suggest?q=fla").statusCode());
      assertEquals(503, get(s, "/api/videos/rebuildvidc/moments?q=flamingo").statusCode());

      HttpResponse<String> status = get(s, "/api/status");
      assertEquals(200, status.statusCode(), status.body());
      JsonNode rebuilding = json(status).get("rebuilding");
      assertEquals(3, rebuilding.get("of").asInt(), status.body());
      assertEquals(0, rebuilding.get("videos").asInt(), status.body());
      assertTrue(rebuilding.get("message").asText().contains("being rebuilt"), status.body());
      assertEquals(200, get(s, "/healthz").statusCode());
      assertEquals(200, get(s, "/api/videos/rebuildvidc").statusCode(), "the corpus answers meanwhile");

      open.countDown();
      assertTrue(s.awaitSearchable(60_000), "the rebuild ended");
      HttpResponse<String> after = get(s, "/api/search?q=flamingo");
      assertEquals(200, after.statusCode(), after.body());
      assertEquals("rebuildvidc", top(after));
      assertTrue(json(get(s, "/api/status")).get("rebuilding").isNull());
    } finally {
      open.countDown();
    }
    assertTrue(log.toString().contains("The keyword index is being rebuilt from the corpus"), log.toString());
  }

  @Test
  void an_intact_index_answers_at_once_while_the_start_catches_up_with_a_changed_video() throws Exception {
    Path file = data.corpus().resolve("rebuildvida.json");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5))); // a new fingerprint
    CountDownLatch open = new CountDownLatch(1);
    AtomicInteger asked = new AtomicInteger();
    try (Service s = start(held(open, asked))) {
      awaitUntil("the start-up sync to ask for the changed video", () -> asked.get() > 0, Duration.ofSeconds(30));
      HttpResponse<String> search = get(s, "/api/search?q=flamingo");
      assertEquals(200, search.statusCode(), search.body());
      assertEquals("rebuildvidc", top(search));
      assertTrue(json(get(s, "/api/status")).get("rebuilding").isNull());
      open.countDown();
      assertTrue(s.awaitSearchable(60_000));
    } finally {
      open.countDown();
    }
    assertFalse(log.toString().contains("being rebuilt"), log.toString());
  }
}
