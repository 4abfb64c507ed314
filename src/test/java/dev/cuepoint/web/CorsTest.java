package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS for the embeddable search box (issue 22): the sites listed in corsOrigins may read search,
 * suggest and one video's moments from a browser; every other origin, and every other path, gets no
 * Access-Control-Allow-Origin. (With the list empty, {@link WebSecurityTest} checks CORS stays closed.)
 */
class CorsTest {
  static final String COURSE = "https://course.example.org";
  static final String LOCAL_COURSE = "http://127.0.0.1:8000";

  @TempDir static Path dir;
  static TestSite closed;
  static TestSite open;

  @BeforeAll
  static void start() throws IOException {
    Library library = Library.standard();
    closed = TestSite.start(dir, library);
    // written as a maintainer might: a trailing space, a default port spelled out
    open = closed.alongsideWithCors(library, List.of(COURSE + ":443 ", LOCAL_COURSE));
  }

  @AfterAll
  static void stop() {
    if (open != null) {
      open.close();
    }
    if (closed != null) {
      closed.close();
    }
  }

  static RawHttp.Answer send(TestSite site, String method, String target, String headers) {
    return RawHttp.send(site.server.port(), RawHttp.request(method, target, headers, new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search?q=stdp", "/api/suggest?q=sp", "/api/videos/stdpLecture/moments?q=stdp"})
  void a_listed_site_may_read_the_search_api_and_the_answer_varies_by_origin(String path) {
    for (String origin : List.of(COURSE, LOCAL_COURSE)) {
      RawHttp.Answer r = send(open, "GET", path, "Origin: " + origin + "\r\n");
      assertEquals(200, r.status(), r.head());
      assertEquals(origin, r.header("Access-Control-Allow-Origin"), r.head());
      assertTrue(r.header("Vary").contains("Origin"), r.head());
      assertNull(r.header("Access-Control-Allow-Credentials"), "no cookies: " + r.head());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://evil.example", "https://course.example.org.evil.example", "http://course.example.org",
      "https://course.example.org:8443", "null"})
  void any_other_origin_gets_no_allow_origin(String origin) {
    RawHttp.Answer r = send(open, "GET", "/api/search?q=stdp", "Origin: " + origin + "\r\n");
    assertEquals(200, r.status(), r.head());
    assertNull(r.header("Access-Control-Allow-Origin"), r.head());
    RawHttp.Answer pre = send(open, "OPTIONS", "/api/search?q=stdp",
        "Origin: " + origin + "\r\nAccess-Control-Request-Method: GET\r\n");
    assertEquals(403, pre.status(), pre.head());
    assertNull(pre.header("Access-Control-Allow-Origin"), pre.head());
    assertNull(pre.header("Access-Control-Allow-Methods"), pre.head());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/status", "/api/playlists", "/api/videos/stdpLecture", "/api/openapi.json",
      "/healthz", "/api/admin/refresh/1"})
  void a_listed_site_may_not_read_anything_else(String path) {
    RawHttp.Answer r = send(open, "GET", path, "Origin: " + COURSE + "\r\n");
    assertNull(r.header("Access-Control-Allow-Origin"), path + ": " + r.head());
    RawHttp.Answer pre = send(open, "OPTIONS", path, "Origin: " + COURSE + "\r\nAccess-Control-Request-Method: GET\r\n");
    assertNull(pre.header("Access-Control-Allow-Origin"), path + ": " + pre.head());
  }

  @Test
  void a_preflight_from_a_listed_site_is_answered_for_get_only() {
    RawHttp.Answer pre = send(open, "OPTIONS", "/api/search?q=stdp",
        "Origin: " + COURSE + "\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: accept\r\n");
    assertEquals(204, pre.status(), pre.head());
    assertEquals(COURSE, pre.header("Access-Control-Allow-Origin"));
    assertEquals("GET", pre.header("Access-Control-Allow-Methods"));
    assertTrue(pre.header("Access-Control-Allow-Headers").toLowerCase().contains("accept"), pre.head());
    assertTrue(pre.header("Vary").contains("Origin"), pre.head());

    RawHttp.Answer post = send(open, "OPTIONS", "/api/videos/stdpLecture/moments",
        "Origin: " + COURSE + "\r\nAccess-Control-Request-Method: POST\r\n");
    assertEquals(403, post.status(), post.head());
    assertNull(post.header("Access-Control-Allow-Methods"), post.head());
  }

  @Test
  void a_listed_site_can_read_why_its_request_was_refused() {
    RawHttp.Answer r = send(open, "GET", "/api/search?limit=3", "Origin: " + COURSE + "\r\n");
    assertEquals(400, r.status(), r.head());
    assertEquals(COURSE, r.header("Access-Control-Allow-Origin"), "the box can show the message: " + r.head());
    assertTrue(r.body().contains("'q' is required"), r.body());
  }

  @Test
  void with_no_origins_listed_even_the_course_gets_nothing() {
    RawHttp.Answer r = send(closed, "GET", "/api/search?q=stdp", "Origin: " + COURSE + "\r\n");
    assertNull(r.header("Access-Control-Allow-Origin"), r.head());
    assertEquals(403, send(closed, "OPTIONS", "/api/search?q=stdp",
        "Origin: " + COURSE + "\r\nAccess-Control-Request-Method: GET\r\n").status());
  }

  @Test
  void embed_js_is_javascript_any_site_may_load_and_the_page_s_own_headers_stay_strict() {
    Http.Response js = Http.get(open.url("/embed.js"), "Origin", "https://anywhere.example");
    assertEquals(200, js.status());
    assertTrue(js.header("Content-Type").startsWith("text/javascript")
        || js.header("Content-Type").startsWith("application/javascript"), js.header("Content-Type"));
    assertTrue(js.text().contains("attachShadow"), "the embed script itself");
    String corp = js.header("Cross-Origin-Resource-Policy");
    assertTrue(corp == null || corp.equals("cross-origin"), "another site's page may load it: " + corp);

    Http.Response page = Http.get(open.url("/"));
    assertEquals(SecurityHeaders.CSP, page.header("Content-Security-Policy"));
    assertTrue(page.header("Content-Security-Policy").contains("connect-src 'self'"));
    assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'self'"));
    assertNull(Http.get(open.url("/"), "Origin", COURSE).header("Access-Control-Allow-Origin"));
  }

  @Test
  void an_origin_that_no_browser_sends_is_refused_with_what_to_write() {
    for (String bad : List.of("*", "https://course.example.org/", "https://course.example.org/lectures", "course.example.org",
        "ftp://course.example.org", "null", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new WebServer.Settings("127.0.0.1", 0, dir, null, List.of(bad), List.of()), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("https://course.example.org"),
          e.getMessage());
    }
    assertEquals(List.of("https://course.example.org", "http://localhost:8000"), new WebServer.Settings(
        "127.0.0.1", 0, dir, null, List.of("HTTPS://Course.Example.org", "http://localhost:8000"), List.of()).corsOrigins());
  }
}
