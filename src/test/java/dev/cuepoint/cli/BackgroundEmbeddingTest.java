package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.index.FakeEmbedder;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} embeds in the background: it loads the model at start, answers searches while it embeds
 * (keyword at once, semantic from what is embedded), and {@code /api/status} shows the counts moving to
 * ready. With hand-written embedders, so the test decides when embedding may go on.
 */
class BackgroundEmbeddingTest {
  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter log = new StringWriter();
  DataDir data;
  Path folder;

  @BeforeEach
  void corpus() throws Exception {
    folder = tmp.resolve("dl");
    Folders.video(folder, "cellsAAAAAA", "Cells",
        "When a nerve cell is excited enough, it sends a brief electrical pulse down its axon.",
        "Between pulses the cell needs a short rest before it can fire again.");
    Folders.video(folder, "bakingAAAAA", "Bread",
        "Mix flour, water, salt and yeast, then knead the dough for ten minutes.",
        "Bake it in a very hot oven until the crust is brown.");
    data = Folders.data(tmp.resolve("data"));
    ImportCommand.importInto(data, List.of(folder), new PrintWriter(new StringWriter()));
  }

  Service start(FakeEmbedder embedder) throws Exception {
    Config settings = new Config(List.of(), List.of(), List.of("ytdlp-folder"), List.of(), List.of(folder), null,
        "127.0.0.1", 0, null, 10_000, false, null);
    Service s = Service.start(data, settings, Path.of("web"), Map.of(), new PrintWriter(log, true),
        new PrintWriter(log, true), embedder);
    assertTrue(s.awaitSearchable(60_000), "the index was built within 60 s:\n" + log);
    return s;
  }

  JsonNode get(Service s, String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  /** Polls {@code /api/status} until its {@code semantic} object satisfies {@code until}, for up to 30 s. */
  JsonNode semanticStatus(Service s, Predicate<JsonNode> until) throws Exception {
    JsonNode[] last = new JsonNode[1];
    try {
      return dev.cuepoint.Await.awaitValue("the status's semantic object to get there", () -> {
        last[0] = get(s, "/api/status").get("semantic");
        return until.test(last[0]) ? last[0] : null;
      }, Duration.ofSeconds(30));
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last: " + last[0] + "\nlog:\n" + log, e);
    }
  }

  /**
   * Holds the server's embedding thread after its first call (the model's warm-up at start) until
   * {@link #open}; queries (on request threads) are embedded at once.
   */
  static final class GatedEmbedder extends FakeEmbedder {
    final CountDownLatch gate = new CountDownLatch(1);
    int backgroundCalls; // only the embedding thread touches it

    @Override
    public List<float[]> embed(List<String> texts) {
      if (Thread.currentThread().getName().equals("cuepoint-vectors") && backgroundCalls++ > 0) {
        try {
          if (!gate.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return super.embed(texts);
    }

    void open() {
      gate.countDown();
    }
  }

  @Test
  void status_shows_passages_embedded_moving_to_ready_while_searches_answer() throws Exception {
    GatedEmbedder embedder = new GatedEmbedder();
    try (Service s = start(embedder)) {
      try {
        JsonNode pending = semanticStatus(s, n -> !n.get("passages").isNull());
        int passages = pending.get("passages").asInt();
        assertTrue(passages >= 2, pending.toString());
        assertEquals(0, pending.get("embedded").asInt(), pending.toString());
        assertFalse(pending.get("ready").asBoolean(), pending.toString());
        assertTrue(pending.get("embedding").asBoolean(), pending.toString());
        assertEquals("fake-bag-of-words", pending.get("model").asText());

        // while the passages wait: keyword search answers at once, semantic search from what is embedded
        assertEquals("bakingAAAAA", get(s, "/api/search?mode=keyword&q=flour").get("results").get(0)
            .get("videoId").asText());
        assertEquals(0, get(s, "/api/search?mode=semantic&q=nerve+pulse").get("total").asInt());
      } finally {
        embedder.open();
      }
      JsonNode ready = semanticStatus(s, n -> n.get("ready").asBoolean());
      assertEquals(ready.get("passages").asInt(), ready.get("embedded").asInt(), ready.toString());
      assertEquals(s.passages.passages(), ready.get("embedded").asInt(), "the passages in the index");
      assertFalse(ready.get("embedding").asBoolean(), ready.toString());
      assertEquals("cellsAAAAAA", get(s, "/api/search?mode=semantic&q=nerve+pulse").get("results").get(0)
          .get("videoId").asText());
    }
  }

  @Test
  void serve_loads_the_model_at_start_before_any_search() throws Exception {
    try (Service s = start(new FakeEmbedder())) {
      semanticStatus(s, n -> n.get("ready").asBoolean()); // every passage embedded
    }
    FakeEmbedder embedder = new FakeEmbedder(); // the same model id: the vectors are the ones it would make
    try (Service s = start(embedder)) {
      JsonNode status = semanticStatus(s, n -> !n.get("passages").isNull());
      assertTrue(status.get("ready").asBoolean(), status.toString());
      assertEquals(1, embedder.embedded.get(),
          "one text embedded at start, before any search, though no passage needed the model");
      assertTrue(log.toString().contains("Embedding model fake-bag-of-words loaded"), log.toString());
    }
  }

  @Test
  void with_embeddings_off_the_status_says_why() throws Exception {
    try (Service s = start(null)) {
      JsonNode semantic = get(s, "/api/status").get("semantic");
      assertFalse(semantic.get("ready").asBoolean());
      assertEquals(Vectors.offReason(), semantic.get("off").asText());
      assertFalse(semantic.has("passages"), semantic.toString());
    }
  }
}
