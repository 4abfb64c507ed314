package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebApiTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(dir, Library.standard());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static Http.Response get(String pathAndQuery, String... headers) {
    return Http.get(site.url(pathAndQuery), headers);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void search_answers_in_the_designed_shape_with_moments_and_highlights() {
    Http.Response r = get("/api/search?q=stdp");
    assertEquals(200, r.status(), r.text());
    JsonNode body = r.json();
    assertEquals("stdp", body.get("query").asText());
    assertEquals(1, body.get("total").asLong());
    assertTrue(body.get("tookMs").isIntegralNumber());
    JsonNode hit = body.get("results").get(0);
    assertEquals("stdpLecture", hit.get("videoId").asText());
    assertEquals("Spike-timing-dependent plasticity", hit.get("title").asText());
    assertEquals("https://www.youtube.com/watch?v=stdpLecture", hit.get("url").asText());
    assertEquals("2021-03-01T12:00:00Z", hit.get("publishedAt").asText());
    assertEquals(3725, hit.get("durationSeconds").asLong());
    assertEquals(Library.PLAYLIST, hit.get("playlistIds").get(0).asText());
    assertEquals(3, hit.get("momentsTotal").asInt());
    List<Double> starts = new ArrayList<>();
    for (JsonNode m : hit.get("moments")) {
      starts.add(m.get("start").asDouble());
      String text = m.get("text").asText();
      JsonNode h = m.get("highlights").get(0);
      assertEquals(2, h.size(), "highlights are [from, to] pairs");
      assertEquals("stdp", text.substring(h.get(0).asInt(), h.get(1).asInt()).toLowerCase());
      assertEquals("https://www.youtube.com/watch?v=stdpLecture&t=" + (long) m.get("start").asDouble() + "s",
          m.get("url").asText());
      assertEquals("en", m.get("lang").asText());
    }
    starts.sort(null);
    assertEquals(List.of(4.0, 90.0, 500.0), starts);
  }

  @Test
  void search_says_how_each_video_and_moment_was_found_and_how_many_videos_hold_every_word() {
    JsonNode body = get("/api/search?q=stdp+hebbian").json();
    assertEquals(2, body.get("total").asLong());
    assertEquals(1, body.get("wordMatches").asLong(), body.toString());
    java.util.Map<String, String> videos = new java.util.TreeMap<>();
    java.util.Map<Double, String> stdpMoments = new java.util.TreeMap<>();
    for (JsonNode v : body.get("results")) {
      videos.put(v.get("videoId").asText(), v.get("match").asText());
      if (v.get("videoId").asText().equals("stdpLecture")) {
        v.get("moments").forEach(m -> stdpMoments.put(m.get("start").asDouble(), m.get("match").asText()));
      }
    }
    assertEquals(java.util.Map.of("stdpLecture", "words", "hebbLecture", "some-words"), videos);
    assertEquals("words", stdpMoments.get(500.0), "'STDP is Hebbian learning' at 500 s: " + stdpMoments);
    assertEquals("some-words", stdpMoments.get(4.0), "'STDP for short' at 4 s: " + stdpMoments);
  }

  @Test
  void search_filters_by_language_date_and_playlist_and_sorts_by_date() {
    assertEquals(List.of("germanVideo"), ids(get("/api/search?q=schrodinger&lang=de")));
    assertEquals(List.of(), ids(get("/api/search?q=schrodinger&lang=en&from=2021-01-01")));
    assertEquals(List.of("stdpLecture"), ids(get("/api/search?q=timing&to=2021-12-31")));
    assertEquals(List.of(), ids(get("/api/search?q=timing&playlist=PLother")));
    assertEquals(List.of("hebbLecture", "stdpLecture"), ids(get("/api/search?q=timing&sort=date")));
    assertEquals(List.of("hebbLecture"), ids(get("/api/search?q=timing&sort=DATE&limit=1")));
    assertEquals(List.of("stdpLecture"), ids(get("/api/search?q=timing&sort=date&limit=1&offset=1")));
  }

  @Test
  void moments_in_the_preferred_language_come_first() {
    assertEquals("de", firstMomentLang(get("/api/search?q=schrodinger", "Accept-Language", "de-DE,de;q=0.9,en;q=0.5")));
    assertEquals("en", firstMomentLang(get("/api/search?q=schrodinger", "Accept-Language", "fr, en;q=0.8, de;q=0.1")));
    assertEquals("de", firstMomentLang(get("/api/search?q=schrodinger&prefer=de", "Accept-Language", "en")));
    JsonNode en = get("/api/search?q=schrodinger&prefer=en").json().get("results").get(0).get("moments").get(0);
    assertEquals("auto", en.get("kind").asText(), "moments say whether captions were made by people or YouTube");
  }

  @Test
  void accept_language_is_read_by_quality_and_malformed_parts_are_ignored() {
    assertEquals(List.of("ja", "en-GB", "de"), SearchApi.languageList("de;q=0.2, ja, en-GB;q=0.8, *;q=0.1, x;q=abc, ;q=1"));
    assertEquals(List.of(), SearchApi.languageList("   "));
  }

  static String firstMomentLang(Http.Response r) {
    assertEquals(200, r.status(), r.text());
    return r.json().get("results").get(0).get("moments").get(0).get("lang").asText();
  }

  static List<String> ids(Http.Response r) {
    assertEquals(200, r.status(), r.text());
    List<String> out = new ArrayList<>();
    r.json().get("results").forEach(h -> out.add(h.get("videoId").asText()));
    return out;
  }

  @Test
  void search_offers_a_spelling_suggestion_for_an_unknown_word() {
    JsonNode body = get("/api/search?q=plastisity").json();
    assertEquals("plasticity", body.get("suggestion").asText());
  }

  @Test
  void json_is_utf8_and_says_so() {
    Http.Response r = get("/api/search?q=" + enc("Schrödinger"));
    assertEquals("application/json;charset=utf-8", r.header("Content-Type"));
    assertEquals("Schrödinger und die Quanten", r.json().get("results").get(0).get("title").asText());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      limit=abc            | parameter 'limit' must be a whole number from 1 to 100, got 'abc'
      limit=0              | parameter 'limit' must be a whole number from 1 to 100, got '0'
      limit=101            | parameter 'limit' must be a whole number from 1 to 100, got '101'
      offset=-1            | parameter 'offset' must be a whole number from 0 to 10000, got '-1'
      moments=x            | parameter 'moments' must be a whole number from 1 to 100, got 'x'
      sort=foo             | parameter 'sort' must be relevance or date, got 'foo'
      from=2020-13-01      | parameter 'from' must be a date YYYY-MM-DD (e.g. 2024-09-30), got '2020-13-01'
      to=yesterday         | parameter 'to' must be a date YYYY-MM-DD (e.g. 2024-09-30), got 'yesterday'
      from=2022-01-01&to=2021-01-01 | the date range is empty: 'from' 2022-01-01 is after 'to' 2021-01-01
      """)
  void a_bad_search_parameter_is_a_400_naming_it_and_what_it_takes(String params, String message) {
    Http.Response r = get("/api/search?q=stdp&" + params);
    assertEquals(400, r.status(), r.text());
    assertEquals(JsonOut.CONTENT_TYPE, r.header("Content-Type"));
    assertEquals(message, r.json().get("error").asText());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "q=", "q=%20%20", "q=%22%22", "q=-", "q=*"})
  void a_missing_or_empty_query_is_a_400_saying_what_to_type(String params) {
    Http.Response r = get("/api/search?" + params);
    assertEquals(400, r.status(), r.text());
    String error = r.json().get("error").asText();
    assertTrue(error.contains("'q' is required") || error.contains("nothing to search for"), error);
  }

  @Test
  void a_query_of_ten_thousand_characters_is_a_400_not_a_crash() {
    Http.Response r = get("/api/search?q=" + "a".repeat(10_000));
    assertEquals(400, r.status(), r.text());
    assertTrue(r.json().get("error").asText().contains("too long"), r.text());
  }

  @Test
  void a_video_comes_with_metadata_chapters_and_cues_in_seconds() {
    Http.Response r = get("/api/videos/stdpLecture");
    assertEquals(200, r.status(), r.text());
    JsonNode v = r.json();
    assertEquals("stdpLecture", v.get("videoId").asText());
    assertEquals("Lecture 7", v.get("description").asText());
    assertEquals("/test/thumb-1.svg", v.get("thumbnailUrl").asText());
    assertEquals(90.0, v.get("chapters").get(1).get("start").asDouble());
    assertEquals("Timing windows", v.get("chapters").get(1).get("title").asText());
    assertEquals(Library.PLAYLIST, v.get("playlists").get(0).get("id").asText());
    JsonNode t = v.get("transcripts").get(0);
    assertEquals("en", t.get("lang").asText());
    assertEquals("manual", t.get("kind").asText());
    JsonNode cue = t.get("cues").get(2);
    assertEquals(30.0, cue.get("start").asDouble());
    assertEquals(33.0, cue.get("end").asDouble());
    assertEquals("A neuron fires when its membrane potential crosses threshold.", cue.get("text").asText());
    assertNull(cue.get("words"), "cues without word timings leave words out");
  }

  @Test
  void word_timings_are_included_when_the_captions_have_them() {
    JsonNode cue = get("/api/videos/hebbLecture").json().get("transcripts").get(0).get("cues").get(0);
    assertEquals("auto", get("/api/videos/hebbLecture").json().get("transcripts").get(0).get("kind").asText());
    assertEquals(10.4, cue.get("words").get(1).get("start").asDouble());
    assertEquals("learning", cue.get("words").get(1).get("text").asText());
  }

  @Test
  void words_false_leaves_word_timings_out_and_keeps_the_cues() {
    Http.Response r = get("/api/videos/hebbLecture?words=false");
    assertEquals(200, r.status(), r.text());
    JsonNode cue = r.json().get("transcripts").get(0).get("cues").get(0);
    assertEquals("hebbian learning says cells that fire together", cue.get("text").asText());
    assertEquals(10.0, cue.get("start").asDouble());
    assertNull(cue.get("words"));
    assertTrue(r.text().length() < get("/api/videos/hebbLecture").text().length());
    Http.Response bad = get("/api/videos/hebbLecture?words=maybe");
    assertEquals(400, bad.status(), bad.text());
    assertTrue(bad.json().get("error").asText().contains("'words'"), bad.text());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      noSuchVid00    | no video 'noSuchVid00' in the index
      short          | no video 'short' in the index
      ..%2F..%2Fetc  | no video '../../etc' in the index
      """)
  void an_unknown_or_invalid_video_is_a_404_naming_it(String id, String message) {
    Http.Response r = get("/api/videos/" + id);
    if (r.status() == 400) {
      return; // the server may refuse an encoded slash outright; what matters is that nothing leaks
    }
    assertEquals(404, r.status(), r.text());
    assertEquals(message, r.json().get("error").asText());
  }

  @Test
  void a_failing_video_source_is_a_500_with_a_generic_message_not_the_cause() throws IOException {
    VideoSource broken = VideoSource.of(id -> {
      throw new IOException("disk on fire at /secret/path");
    }, List::of);
    try (TestSite other = site.alongside(broken, TestSite.FAKE_API)) {
      Http.Response r = Http.get(other.url("/api/videos/stdpLecture"));
      assertEquals(500, r.status(), r.text());
      String error = r.json().get("error").asText();
      assertFalse(error.contains("secret"), error);
      assertTrue(error.contains("log"), error);
    }
  }

  @Test
  void an_unknown_api_path_is_a_json_404() {
    Http.Response r = get("/api/nothing-here");
    assertEquals(404, r.status());
    assertTrue(r.json().get("error").asText().contains("/api/openapi.json"), r.text());
  }

  @Test
  void playlists_are_listed_with_their_videos() {
    JsonNode p = get("/api/playlists").json().get("playlists").get(0);
    assertEquals(Library.PLAYLIST, p.get("id").asText());
    assertEquals("Neuroscience for machine learners", p.get("title").asText());
    assertEquals(4, p.get("videos").asInt());
    assertEquals("stdpLecture", p.get("videoIds").get(0).asText());
  }

  @Test
  void suggest_completes_the_last_word_from_the_vocabulary() {
    JsonNode body = get("/api/suggest?q=plast").json();
    assertEquals("plast", body.get("query").asText());
    assertEquals("plasticity", body.get("suggestions").get(0).asText());
  }

  @Test
  void suggest_prefers_a_completion_that_makes_a_spoken_phrase() {
    // "the", "that" and "threshold" are each used in one video, and "the" is shortest; but only
    // "cells that" is said
    JsonNode s = get("/api/suggest?q=" + enc("Cells th")).json().get("suggestions");
    assertEquals("Cells that", s.get(0).asText(), s.toString());
    assertEquals("Cells the", s.get(1).asText(), s.toString());
  }

  @Test
  void suggest_refuses_a_bad_limit_and_a_missing_q() {
    assertEquals(400, get("/api/suggest?q=sp&limit=0").status());
    Http.Response r = get("/api/suggest");
    assertEquals(400, r.status());
    assertTrue(r.json().get("error").asText().contains("'q' is required"));
    assertEquals(0, get("/api/suggest?q=").json().get("suggestions").size());
  }

  @Test
  void status_counts_videos_and_transcripts_by_language() {
    JsonNode s = get("/api/status").json();
    assertEquals(4, s.get("videos").asInt());
    assertEquals(5, s.get("transcripts").asInt(), "one German and four English transcripts");
    assertEquals("[\"de\",\"en\"]", s.get("languages").toString());
    assertEquals(4, s.get("transcriptsByLanguage").get("en").asInt());
    assertTrue(s.get("indexSizeBytes").asLong() > 0);
    assertTrue(Instant.parse(s.get("startedAt").asText()).isBefore(Instant.now().plusSeconds(1)));
    assertTrue(s.has("lastRefresh") && s.get("lastRefresh").isNull());
    assertEquals(1234, s.get("quotaUsedToday").asInt());
  }

  @Test
  void healthz_says_ok() {
    Http.Response r = get("/healthz");
    assertEquals(200, r.status());
    assertEquals("{\"status\":\"ok\"}", r.text());
  }

  @Test
  void responses_are_gzipped_when_the_client_asks() throws IOException {
    Http.Response zipped = get("/api/openapi.json", "Accept-Encoding", "gzip");
    assertEquals("gzip", zipped.header("Content-Encoding"));
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
    assertEquals("3.1.0", new ObjectMapper().readTree(plain).get("openapi").asText());
    assertTrue(zipped.body().length < plain.length / 2);

    assertNull(get("/api/openapi.json").header("Content-Encoding"));
    assertEquals("gzip", get("/api/videos/stdpLecture", "Accept-Encoding", "gzip").header("Content-Encoding"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/api/search?q=stdp", "/app.js", "/api/nothing"})
  void every_response_carries_the_security_headers(String path) {
    Http.Response r = get(path);
    String csp = r.header("Content-Security-Policy");
    assertNotNull(csp, path);
    assertAll(
        () -> assertTrue(csp.contains("default-src 'self'"), csp),
        () -> assertTrue(csp.contains("script-src 'self' https://www.youtube.com;"), csp),
        () -> assertTrue(csp.contains("frame-src https://www.youtube.com https://www.youtube-nocookie.com"), csp),
        () -> assertTrue(csp.contains("img-src 'self' https://i.ytimg.com"), csp),
        () -> assertFalse(csp.contains("unsafe-inline"), csp),
        () -> assertEquals("nosniff", r.header("X-Content-Type-Options")),
        () -> assertEquals("strict-origin-when-cross-origin", r.header("Referrer-Policy")));
  }

  @Test
  void the_openapi_document_describes_every_route_the_server_has() {
    JsonNode paths = get("/api/openapi.json").json().get("paths");
    List<String> routes = site.server.routes();
    assertTrue(routes.contains("GET /api/search"), routes.toString());
    assertTrue(routes.size() >= 10, routes.toString());
    for (String route : routes) {
      String[] mp = route.split(" ", 2);
      JsonNode path = paths.get(mp[1]);
      assertNotNull(path, "openapi.json has no path " + mp[1]);
      assertNotNull(path.get(mp[0].toLowerCase()), "openapi.json has no " + route);
    }
    List<String> described = new ArrayList<>();
    paths.fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(
        m -> described.add(m.toUpperCase() + " " + p.getKey())));
    assertTrue(described.contains("POST /api/admin/refresh"), described.toString());
    for (String d : described) {
      assertTrue(routes.contains(d), "openapi.json describes " + d + ", which the server does not have");
    }
  }

  @Test
  void the_page_is_served_for_the_root_and_watch_links_with_the_configured_player_script() {
    for (String path : List.of("/", "/index.html", "/watch/stdpLecture?t=30&q=stdp", "/watch/anything")) {
      Http.Response r = get(path);
      assertEquals(200, r.status(), path);
      assertEquals("text/html;charset=utf-8", r.header("Content-Type"), path);
      assertTrue(r.text().contains("<meta name=\"cuepoint-youtube-api\" content=\"" + TestSite.FAKE_API + "\">"),
          path);
    }
    assertEquals(404, get("/watch/a/b").status());
  }

  @Test
  void the_page_files_are_served_from_the_web_folder() {
    Http.Response js = get("/app.js");
    assertEquals(200, js.status());
    assertTrue(js.header("Content-Type").startsWith("text/javascript")
        || js.header("Content-Type").startsWith("application/javascript"), js.header("Content-Type"));
    assertTrue(js.text().contains("from './player.js'"), "app.js is a module importing the others");
    assertTrue(get("/player.js").text().contains("onYouTubeIframeAPIReady"));
    assertEquals(200, get("/app.css").status());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/%2E%2E/pom.xml", "/watch/..%2f..%2fpom.xml",
      "/..%2fpom.xml", "/test/../../pom.xml", "/%2e%2e%2fpom.xml", "/..\\pom.xml", "/web/../pom.xml",
      "/api/videos/..%2f..%2fpom.xml"})
  void no_path_leaves_the_web_folder(String rawPath) {
    // meaningful only because a pom.xml sits right next to the served folder
    assertTrue(java.nio.file.Files.exists(site.web.resolve("../pom.xml")));
    String answer = Http.raw(site.server.port(), rawPath);
    assertFalse(answer.contains("<artifactId>"), rawPath + " leaked pom.xml:\n" + answer);
    assertFalse(answer.contains("<modelVersion>"), rawPath + " leaked pom.xml");
    String status = answer.lines().findFirst().orElse("");
    assertFalse(status.contains(" 500 "), rawPath + ": " + status);
  }
}
