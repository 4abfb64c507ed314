package dev.cuepoint.cli;

import java.time.Duration;
import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.Lectures;
import dev.cuepoint.crawl.OAuthStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret: real {@code cuepoint crawl} and {@code cuepoint serve} processes, logging at
 * their most verbose (slf4j-simple at trace), are given an API key, an OAuth grant and an admin token;
 * everything they print is read, and none of the secrets (nor the access tokens the grant buys) is in
 * it. The stored grant is readable by its owner only.
 */
class SecretsNotLoggedTest {
  static final List<String> TRACE = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace");
  static final String ADMIN_TOKEN = "admin-secret-token-5f3c9a71d2";

  @TempDir Path tmp;
  FakeYouTube fake;

  @BeforeEach
  void start() {
    fake = new FakeYouTube();
    Lectures.serve(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  static void assertNoSecret(String output, String... secrets) {
    for (String s : secrets) {
      assertFalse(output.contains(s), "the output shows a secret (" + s.substring(0, 6) + "…):\n" + output);
    }
  }

  @Test
  void a_crawl_with_an_api_key_logs_at_trace_without_the_key() throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
    try (ChildJvm crawl = ChildJvm.start(TRACE, Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY),
        "crawl", "--data", tmp.resolve("data").toString(), "--playlist", Lectures.PLAYLIST,
        "--youtube-api-root", fake.root(), "--ytdlp-folder", folder.toString(),
        "--youtube-web-root", fake.root())) { // never the real youtube.com from a test
      assertEquals(0, crawl.await(120), crawl.output());
      String out = crawl.output();
      assertTrue(out.contains("crawl complete"), out);
      assertTrue(out.contains("DEBUG") || out.contains("TRACE") || out.contains("INFO"), "logging ran:\n" + out);
      assertTrue(fake.calls("videos.list") > 0, "the key was used");
      assertNoSecret(out, FakeYouTube.KEY);
      assertNoSecret(Files.readString(tmp.resolve("data/state/crawl.json")), FakeYouTube.KEY);
    }
  }

  @Test
  void a_crawl_with_an_oauth_grant_logs_no_token_and_the_grant_is_stored_owner_only() throws Exception {
    Path data = tmp.resolve("data");
    OAuthStore store = new OAuthStore(data.resolve("state"));
    store.save(new ApiCredentials.OAuth(FakeYouTube.CLIENT_ID, FakeYouTube.CLIENT_SECRET, FakeYouTube.REFRESH_TOKEN,
        fake.tokenUrl()));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
    try (ChildJvm crawl = ChildJvm.start(TRACE, Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY),
        "crawl", "--data", data.toString(), "--playlist", Lectures.PLAYLIST, "--youtube-api-root", fake.root())) {
      assertEquals(0, crawl.await(120), crawl.output());
      String out = crawl.output();
      assertTrue(out.contains("captions fetched: 4 from api"), out);
      assertTrue(fake.tokensIssued() > 0, "access tokens were issued");
      List<String> accessTokens = new java.util.ArrayList<>();
      for (int i = 1; i <= fake.tokensIssued(); i++) {
        accessTokens.add("fake-access-" + i);
      }
      assertNoSecret(out, FakeYouTube.REFRESH_TOKEN, FakeYouTube.CLIENT_SECRET, FakeYouTube.KEY);
      assertNoSecret(out, accessTokens.toArray(String[]::new));
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())),
        "still owner-only after the crawl");
    try (var files = Files.list(data.resolve("state"))) {
      for (Path f : files.toList()) {
        if (!f.equals(store.file())) {
          assertNoSecret(Files.readString(f), FakeYouTube.REFRESH_TOKEN, FakeYouTube.CLIENT_SECRET);
        }
      }
    }
  }

  @Test
  void serve_logs_requests_but_never_the_admin_token() throws Exception {
    Path data = tmp.resolve("data");
    Folders.video(tmp.resolve("in"), "secretVid01", "A lecture", "Neurons fire.");
    try (ChildJvm serve = ChildJvm.start(TRACE, Map.of("CUEPOINT_ADMIN_TOKEN", ADMIN_TOKEN),
        "serve", "--data", data.toString(), "--port", "0", "--web", "web", "--no-sample",
        "--import-folder", tmp.resolve("in").toString())) {
      int port = port(serve);
      HttpClient http = HttpClient.newHttpClient();
      for (String auth : List.of("Bearer " + ADMIN_TOKEN, "Bearer " + ADMIN_TOKEN + "-wrong", ADMIN_TOKEN)) {
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/refresh"))
            .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
      }
      http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=neurons&token="
          + ADMIN_TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
      awaitUntil("the access log line of the last request", () -> serve.output().contains("GET /api/search 200"),
          Duration.ofSeconds(10));
      String out = serve.output();
      assertTrue(out.contains("POST /api/admin/refresh 202"), "the access log ran:\n" + out);
      assertTrue(out.contains("POST /api/admin/refresh 401"), out);
      assertNoSecret(out, ADMIN_TOKEN);
    }
  }

  static int port(ChildJvm serve) throws Exception {
    Pattern p = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
    return awaitValue("serve to start", () -> {
      Matcher m = p.matcher(serve.output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!serve.process.isAlive()) {
        throw new AssertionError("serve ended:\n" + serve.output());
      }
      return null;
    }, Duration.ofSeconds(120));
  }
}
