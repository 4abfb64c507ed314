package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what: other web sites cannot read the API (CORS closed), only the admin token starts a
 * refresh, and requests are refused when their URL or body is larger than the server takes.
 */
class WebSecurityTest {
  @TempDir static Path dir;
  static TestSite site;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(dir, Library.standard());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static RawHttp.Answer send(String method, String target, String headers, byte[] body) {
    return RawHttp.send(site.server.port(), RawHttp.request(method, target, headers, body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/search?q=stdp", "/api/suggest?q=sp", "/api/videos/stdpLecture", "/api/status",
      "/api/playlists", "/api/openapi.json", "/healthz"})
  void no_other_site_may_read_the_api_cors_is_closed(String path) {
    RawHttp.Answer r = send("GET", path, "Origin: https://evil.example\r\n", new byte[0]);
    assertEquals(200, r.status(), r.head());
    assertNull(r.header("Access-Control-Allow-Origin"), r.head());
    assertNull(r.header("Access-Control-Allow-Credentials"), r.head());

    RawHttp.Answer preflight = send("OPTIONS", path, "Origin: https://evil.example\r\n"
        + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: authorization\r\n", new byte[0]);
    assertNull(preflight.header("Access-Control-Allow-Origin"), preflight.head());
    assertNull(preflight.header("Access-Control-Allow-Methods"), preflight.head());
    assertNull(preflight.header("Access-Control-Allow-Headers"), preflight.head());
    assertTrue(preflight.status() >= 400 && preflight.status() < 500, preflight.head());
  }

  @Test
  void admin_endpoints_need_the_token_in_the_authorization_header() throws IOException {
    String post = "/api/admin/refresh";
    assertEquals(401, send("POST", post, "", new byte[0]).status());
    assertEquals(401, send("POST", post, "Authorization: Bearer wrong-token-0123456789\r\n", new byte[0]).status());
    assertEquals(401, send("POST", post, "Authorization: Basic " + TestSite.ADMIN_TOKEN + "\r\n", new byte[0]).status());
    assertEquals(401, send("POST", post + "?token=" + TestSite.ADMIN_TOKEN, "", new byte[0]).status(),
        "a token in the URL (which logs and histories keep) is not accepted");
    assertEquals(401, send("POST", post, "Authorization: Bearer " + TestSite.ADMIN_TOKEN.substring(1) + "\r\n",
        new byte[0]).status());
    RawHttp.Answer denied = send("GET", "/api/admin/refresh/1", "", new byte[0]);
    assertEquals(401, denied.status(), "progress needs the token too");
    assertEquals("Bearer", denied.header("WWW-Authenticate"));
    assertFalse(denied.body().contains(TestSite.ADMIN_TOKEN));

    RawHttp.Answer ok = send("POST", post, "Authorization: Bearer " + TestSite.ADMIN_TOKEN + "\r\n", new byte[0]);
    assertTrue(ok.status() == 202 || ok.status() == 409, ok.head() + ok.body());
    assertTrue(JSON.readTree(ok.body()).has(ok.status() == 202 ? "id" : "runningId"), ok.body());
  }

  @Test
  void a_body_over_64_kib_is_refused_with_413_before_it_is_read() throws IOException {
    byte[] big = new byte[WebServer.MAX_REQUEST_BODY_BYTES + 1];
    Arrays.fill(big, (byte) 'x');
    for (String[] mt : new String[][] {{"POST", "/api/admin/refresh"}, {"GET", "/api/search?q=stdp"}, {"PUT", "/api/status"}}) {
      RawHttp.Answer r = send(mt[0], mt[1], "Authorization: Bearer " + TestSite.ADMIN_TOKEN + "\r\n", big);
      assertEquals(413, r.status(), mt[0] + " " + mt[1] + ": " + r.head());
      assertTrue(JSON.readTree(r.body()).get("error").asText().contains("limit is 65536"), r.body());
    }
    // a declared length far beyond anything, with no body sent at all: refused on the header alone
    RawHttp.Answer liar = send("POST", "/api/admin/refresh", "Content-Length: 999999999999\r\n", new byte[0]);
    assertEquals(413, liar.status(), liar.head());

    byte[] small = "{}".getBytes(StandardCharsets.UTF_8);
    assertEquals(200, send("GET", "/api/search?q=stdp", "", small).status(), "a small body is ignored");
  }

  @Test
  void a_url_over_64_kib_is_refused_with_414_and_a_header_over_it_with_431() {
    RawHttp.Answer url = send("GET", "/api/search?q=" + "a".repeat(70 * 1024), "", new byte[0]);
    assertEquals(414, url.status(), url.head());
    RawHttp.Answer header = send("GET", "/api/search?q=stdp", "X-Junk: " + "b".repeat(70 * 1024) + "\r\n", new byte[0]);
    assertEquals(431, header.status(), header.head());
    // and the server is still there for everyone else
    assertEquals(200, send("GET", "/api/search?q=stdp", "", new byte[0]).status());
  }
}
