package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code mode=} on {@code GET /api/search}, over a real server with passage vectors (fake embedder). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemanticApiTest {
  @TempDir static Path tmp;
  SearchIndex index;
  PassageIndex passages;
  WebServer server;
  WebServer keywordOnly;

  @BeforeAll
  void start() throws Exception {
    Library library = Library.standard();
    index = SearchIndex.open(tmp.resolve("lucene"));
    index.sync(library, false, null);
    FakeEmbedder embedder = new FakeEmbedder();
    passages = PassageIndex.open(tmp.resolve("vectors"), embedder);
    passages.sync(library, false, null, null);
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
    server = new WebServer(index, ModeSearch.of(index, new SearchService(index), passages, embedder), library,
        new WebServer.Settings("127.0.0.1", 0, web), WebServer.Operations.none()).start();
    keywordOnly = new WebServer(index, new SearchService(index), library, new WebServer.Settings("127.0.0.1", 0, web))
        .start();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    keywordOnly.close();
    passages.close();
    index.close();
  }

  Http.Response get(WebServer s, String pathAndQuery) {
    return Http.get("http://127.0.0.1:" + s.port() + pathAndQuery);
  }

  @Test
  void mode_semantic_answers_in_the_keyword_shape_with_moments_at_passage_starts() {
    Http.Response r = get(server, "/api/search?q=membrane+potential+threshold&mode=semantic");
    assertEquals(200, r.status(), r.text());
    JsonNode body = r.json();
    assertEquals("semantic", body.get("mode").asText());
    JsonNode v = body.get("results").get(0);
    for (String field : new String[] {"videoId", "title", "url", "thumbnailUrl", "score", "momentsTotal", "moments"}) {
      assertTrue(v.has(field), field + " in " + v);
    }
    JsonNode m = v.get("moments").get(0);
    assertTrue(m.get("url").asText().contains("&t="), m.toString());
    assertTrue(m.get("text").asText().contains("membrane potential"), m.toString());
  }

  @Test
  void status_counts_the_passages_embedded_from_the_sync_and_says_ready() throws Exception {
    JsonNode semantic = get(server, "/api/status").json().get("semantic");
    assertEquals(passages.passages(), semantic.get("passages").asInt(), semantic.toString());
    assertEquals(passages.passages(), semantic.get("embedded").asInt(), semantic.toString());
    assertTrue(semantic.get("ready").asBoolean(), semantic.toString());
    assertEquals("fake-bag-of-words", semantic.get("model").asText());
    JsonNode off = get(keywordOnly, "/api/status").json().get("semantic");
    assertEquals("{\"ready\":false,\"off\":\"this server has no passage vectors\"}", off.toString());
  }

  @Test
  void semantic_moments_and_videos_say_meaning_and_word_matches_is_null() {
    JsonNode body = get(server, "/api/search?q=membrane+potential+threshold&mode=semantic").json();
    assertTrue(body.has("wordMatches") && body.get("wordMatches").isNull(), body.toString());
    assertTrue(body.get("results").size() > 0, body.toString());
    for (JsonNode v : body.get("results")) {
      assertEquals("meaning", v.get("match").asText(), v.toString());
      v.get("moments").forEach(m -> assertEquals("meaning", m.get("match").asText(), m.toString()));
    }
  }

  @Test
  void hybrid_answers_count_the_videos_holding_every_word() {
    JsonNode hybrid = get(server, "/api/search?q=stdp+hebbian&mode=hybrid").json();
    assertEquals("hybrid", hybrid.get("mode").asText());
    assertEquals(1, hybrid.get("wordMatches").asLong(), hybrid.toString());
    JsonNode keyword = get(server, "/api/search?q=stdp+hebbian&mode=keyword").json();
    assertEquals(1, keyword.get("wordMatches").asLong(), keyword.toString());
  }

  @Test
  void without_a_mode_the_server_default_is_used_and_named() {
    JsonNode body = get(server, "/api/search?q=stdp").json();
    assertEquals(ModeSearch.DEFAULT.name().toLowerCase(), body.get("mode").asText());
    assertEquals("keyword", get(keywordOnly, "/api/search?q=stdp").json().get("mode").asText());
  }

  @Test
  void mode_keyword_gives_the_keyword_answer() {
    JsonNode body = get(server, "/api/search?q=stdp&mode=keyword").json();
    assertEquals("keyword", body.get("mode").asText());
    assertEquals(get(keywordOnly, "/api/search?q=stdp").json().get("results"), body.get("results"));
  }

  @Test
  void a_wrong_mode_is_a_400_naming_the_choices() {
    Http.Response r = get(server, "/api/search?q=stdp&mode=vibes");
    assertEquals(400, r.status());
    assertEquals("parameter 'mode' must be keyword or semantic or hybrid, got 'vibes'", r.json().get("error").asText());
  }

  @Test
  void semantic_modes_where_there_are_no_vectors_are_a_400_saying_why() {
    Http.Response r = get(keywordOnly, "/api/search?q=stdp&mode=hybrid");
    assertEquals(400, r.status());
    assertTrue(r.json().get("error").asText().contains("use mode=keyword"), r.text());
  }
}
