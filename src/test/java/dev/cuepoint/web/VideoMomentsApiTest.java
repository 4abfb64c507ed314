package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/videos/{id}/moments}: every moment of one video for a query, wherever the video ranks
 * (what "Show all N moments" shows), in every mode, over 130 videos saying the same word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoMomentsApiTest {
  /** Ranked last of the 131 videos saying "synapse": a long lecture that says it seldom. */
  static final String FAR = "farLecture1";

  /** How often the far lecture says it, each far from the others. */
  static final int FAR_MOMENTS = 7;

  @TempDir static Path tmp;
  SearchIndex index;
  PassageIndex passages;
  WebServer server;

  /** 130 short videos about synapses, the far lecture, and the standard library. */
  static Library crowded() {
    Library l = Library.standard();
    for (int i = 0; i < 130; i++) {
      String id = String.format("crowd%06d", i);
      l.add(new Video(id, "Synapse talk " + i, "", "Cuepoint tests", "UCtest",
          Instant.parse("2022-01-01T00:00:00Z"), 60, "", "en", List.of(), List.of(),
          List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(
              new Cue(1_000, 4_000, "The synapse, synapse " + i + " of many."))))));
    }
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      long start = i * 6_000L;
      String text = i % 80 == 40 && i / 80 < FAR_MOMENTS
          ? "here a synapse is mentioned once, line " + i
          : "a long stretch about cortical columns and oscillations, line " + i;
      cues.add(new Cue(start, start + 5_000, text));
    }
    l.add(new Video(FAR, "A very long lecture on the cortex", "", "Cuepoint tests", "UCtest",
        Instant.parse("2019-01-01T00:00:00Z"), 3_600, "", "en", List.of(), List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues))));
    return l;
  }

  @BeforeAll
  void start() throws Exception {
    Library library = crowded();
    index = SearchIndex.open(tmp.resolve("lucene"));
    index.sync(library, false, null);
    FakeEmbedder embedder = new FakeEmbedder();
    passages = PassageIndex.open(tmp.resolve("vectors"), embedder);
    passages.sync(library, false, null, null);
    Path web = Files.createDirectories(tmp.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<!doctype html><title>t</title>");
    server = new WebServer(index, ModeSearch.of(index, new SearchService(index), passages, embedder), library,
        new WebServer.Settings("127.0.0.1", 0, web), WebServer.Operations.none()).start();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    passages.close();
    index.close();
  }

  Http.Response get(String pathAndQuery) {
    return Http.get("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  @Test
  void a_video_ranked_past_100_gets_every_moment() {
    JsonNode first100 = get("/api/search?q=synapse&mode=keyword&limit=100&moments=1").json();
    assertTrue(first100.get("total").asInt() > 100, first100.get("total").toString());
    for (JsonNode v : first100.get("results")) {
      assertFalse(FAR.equals(v.get("videoId").asText()), "the far lecture must rank past 100 for this test");
    }
    Http.Response r = get("/api/videos/" + FAR + "/moments?q=synapse&mode=keyword");
    assertEquals(200, r.status(), r.text());
    JsonNode body = r.json();
    assertEquals(FAR, body.get("videoId").asText());
    assertEquals("keyword", body.get("mode").asText());
    assertEquals("words", body.get("match").asText());
    assertEquals(FAR_MOMENTS, body.get("momentsTotal").asInt());
    assertEquals(FAR_MOMENTS, body.get("moments").size());
    for (JsonNode m : body.get("moments")) {
      assertTrue(m.get("text").asText().contains("synapse"), m.toString());
      assertEquals("words", m.get("match").asText());
      JsonNode h = m.get("highlights").get(0);
      assertEquals("synapse", m.get("text").asText().substring(h.get(0).asInt(), h.get(1).asInt()));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "keyword, spike+timing+plasticity",
      "semantic, spike+timing+plasticity",
      "hybrid, spike+timing+plasticity",
      // five words, not all in one moment: hybrid ranks by meaning and picks moments by meaning
      "hybrid, when+does+a+neuron+fire+with+timing",
      "hybrid, %22spike+timing%22",
  })
  void moments_of_a_video_on_the_first_page_are_those_the_search_shows(String mode, String q) {
    JsonNode search = get("/api/search?q=" + q + "&mode=" + mode + "&limit=100&moments=100").json();
    JsonNode hit = null;
    for (JsonNode v : search.get("results")) {
      if (v.get("videoId").asText().equals("stdpLecture")) {
        hit = v;
      }
    }
    assertTrue(hit != null, "the search finds the lecture: " + search);
    JsonNode body = get("/api/videos/stdpLecture/moments?q=" + q + "&mode=" + mode).json();
    assertEquals(mode, body.get("mode").asText());
    assertEquals(hit.get("match"), body.get("match"));
    assertEquals(hit.get("momentsTotal"), body.get("momentsTotal"));
    assertEquals(hit.get("moments"), body.get("moments"));
  }

  @Test
  void limit_caps_the_moments_and_momentsTotal_counts_all() {
    JsonNode body = get("/api/videos/" + FAR + "/moments?q=synapse&mode=keyword&limit=2").json();
    assertEquals(2, body.get("moments").size());
    assertEquals(FAR_MOMENTS, body.get("momentsTotal").asInt());
  }

  @Test
  void a_video_the_query_does_not_find_has_no_moments() {
    JsonNode body = get("/api/videos/germanVideo/moments?q=synapse&mode=keyword").json();
    assertEquals(0, body.get("momentsTotal").asInt());
    assertEquals(0, body.get("moments").size());
    assertTrue(body.get("match").isNull());
  }

  @Test
  void an_unknown_video_is_a_404_and_a_missing_query_a_400() {
    Http.Response unknown = get("/api/videos/noSuchVideo/moments?q=synapse");
    assertEquals(404, unknown.status(), unknown.text());
    assertTrue(unknown.json().get("error").asText().contains("noSuchVideo"));
    Http.Response noQuery = get("/api/videos/" + FAR + "/moments");
    assertEquals(400, noQuery.status(), noQuery.text());
    assertTrue(noQuery.json().get("error").asText().contains("'q'"));
    Http.Response badMode = get("/api/videos/" + FAR + "/moments?q=synapse&mode=fast");
    assertEquals(400, badMode.status(), badMode.text());
  }
}
