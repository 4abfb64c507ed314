package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.Lectures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cuepoint crawl} and {@code cuepoint auth} end to end against the fake YouTube. */
class CrawlAndAuthCommandTest {
  @TempDir Path tmp;
  FakeYouTube fake;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    fake = new FakeYouTube();
    Lectures.serve(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private int run(Callable<Integer> command, String... args) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new Failures());
    return cl.execute(args);
  }

  @Test
  void crawl_without_credentials_says_which_variable_to_set() {
    int status = run(new CrawlCommand(Map.of()), "--data", tmp.toString(), "--playlist", Lectures.PLAYLIST);

    assertEquals(2, status);
    assertTrue(err.toString().contains("CUEPOINT_YOUTUBE_API_KEY"), err.toString());
    assertEquals(0, fake.units(), "nothing was asked of YouTube");
  }

  @Test
  void crawl_with_an_api_key_fills_the_corpus_updates_the_index_and_never_prints_the_key() throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);

    int status = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", tmp.resolve("data").toString(), "--playlist", Lectures.PLAYLIST,
        "--youtube-api-root", fake.root(), "--ytdlp-folder", folder.toString(),
        "--youtube-web-root", fake.root()); // no youtube.com there: timedtext fails, the folder has them

    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("crawl complete: 3 new"), out.toString());
    assertTrue(out.toString().contains("captions fetched: 4 from ytdlp-folder"), out.toString());
    assertTrue(Files.isDirectory(tmp.resolve("data/lucene")), "the index was updated");
    assertTrue(Files.exists(tmp.resolve("data/state/crawl.json")));
    assertFalse((out.toString() + err.toString()).contains(FakeYouTube.KEY));
    assertFalse(Files.readString(tmp.resolve("data/state/crawl.json")).contains(FakeYouTube.KEY));
  }

  @Test
  void auth_stores_a_refresh_token_for_the_owner_only_and_crawl_then_downloads_captions() throws Exception {
    Path data = tmp.resolve("data");
    Map<String, String> env = Map.of("CUEPOINT_OAUTH_CLIENT_SECRET", FakeYouTube.CLIENT_SECRET);
    CompletableFuture<Integer> auth = CompletableFuture.supplyAsync(() -> run(new AuthCommand(env),
        "--data", data.toString(), "--client-id", FakeYouTube.CLIENT_ID,
        "--oauth-auth-url", "https://accounts.example.invalid/auth", "--oauth-token-url", fake.tokenUrl(),
        "--timeout", "20"));

    String url = waitForUrl();
    Map<String, String> q = query(URI.create(url).getRawQuery());
    assertEquals(FakeYouTube.CLIENT_ID, q.get("client_id"));
    assertEquals("S256", q.get("code_challenge_method"));
    assertTrue(q.get("scope").contains("youtube.force-ssl"));
    String code = fake.issueCode(q.get("code_challenge"));
    // the browser, redirected back to the loopback address with the code
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(q.get("redirect_uri") + "?state=" + q.get("state") + "&code=" + code)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());

    assertEquals(0, auth.get(20, TimeUnit.SECONDS), err.toString());
    Path stored = data.resolve("state/oauth.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)));
    assertTrue(Files.readString(stored).contains(FakeYouTube.REFRESH_TOKEN));
    assertFalse((out.toString() + err.toString()).contains(FakeYouTube.REFRESH_TOKEN));
    assertFalse((out.toString() + err.toString()).contains(FakeYouTube.CLIENT_SECRET));

    out.getBuffer().setLength(0);
    int status = run(new CrawlCommand(Map.of()), "--data", data.toString(), "--playlist", Lectures.PLAYLIST,
        "--youtube-api-root", fake.root(), "--no-index", "--youtube-web-root", fake.root());
    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("captions fetched: 4 from api"), out.toString());
    assertEquals(4, fake.calls("captions.download"));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
    "--youtube-api-root|http://127.0.0.1:abc/|--youtube-api-root 'http://127.0.0.1:abc/' is not a valid URL",
    "--youtube-web-root|ftp://example.org/|--youtube-web-root 'ftp://example.org/' is not a valid URL",
    "--timedtext-delay|soon|'soon' is not a duration",
    "--proxy|http://user:pw@proxy.example:x/|is not a valid URL",
    "--playlist|https://www.youtube.com/watch?v=abc|no playlist in",
    "--channel|https://www.youtube.com/feed/trending|no channel in",
  })
  void bad_input_gets_one_clear_line_exit_status_2_and_no_call_to_youtube(String option, String value, String says) {
    int status = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", tmp.resolve("data").toString(), "--playlist", Lectures.PLAYLIST, option, value);

    assertEquals(2, status, err.toString());
    assertTrue(err.toString().contains(says), err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertEquals(0, fake.units());
  }

  @Test
  void an_empty_data_directory_or_a_file_is_refused_before_anything_is_written() throws Exception {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
    assertEquals(2, run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", "", "--playlist", Lectures.PLAYLIST));
    assertTrue(err.toString().contains("--data is empty"), err.toString());
    assertEquals(2, run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", file.toString(), "--playlist", Lectures.PLAYLIST));
    assertTrue(err.toString().contains("is a file, not a directory"), err.toString());
    assertFalse(Files.exists(Path.of("state")), "nothing written into the current folder");
  }

  @Test
  void a_playlist_address_works_like_its_id() throws Exception {
    Path folder = tmp.resolve("yt-dlp");
    Lectures.writeYtDlpFolder(folder);
    int status = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", tmp.resolve("data").toString(), "--no-index",
        "--playlist", "https://www.youtube.com/playlist?list=" + Lectures.PLAYLIST,
        "--youtube-api-root", fake.root(), "--captions", "ytdlp-folder", "--ytdlp-folder", folder.toString());

    assertEquals(0, status, err.toString());
    assertTrue(out.toString().contains("crawl complete: 3 new"), out.toString());
  }

  @Test
  void with_only_an_api_key_timedtext_fills_the_corpus_and_a_block_exits_1_with_one_line_saying_what_to_do()
      throws Exception {
    Path recordings = dev.cuepoint.realdata.RealData.require("timedtext/youtube-transcript-api");
    try (var web = new dev.cuepoint.crawl.FakeYouTubeWeb(recordings)) {
      for (String id : List.of("lecNeurons1", "lecSynapse2", "lecPlastic3")) {
        web.players.put(id, "youtube_ww1_nl_en.innertube.json.static");
      }
      web.blockAfter = 1 + 3; // the watch page and one video
      String[] args = {"--data", tmp.resolve("data").toString(), "--playlist", Lectures.PLAYLIST, "--no-index",
          "--youtube-api-root", fake.root(), "--youtube-web-root", web.root(), "--timedtext-delay", "0s"};

      int blocked = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)), args);

      assertEquals(1, blocked, out + "\n" + err);
      assertEquals(5, web.requests.get(), "nothing after the refused request");
      assertTrue(err.toString().contains("YouTube blocked caption requests from this address"), err.toString());
      assertTrue(out.toString().contains("crawl stopped early:"), out.toString());

      web.blockAfter = -1;
      out.getBuffer().setLength(0);
      int again = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)), args);

      assertEquals(0, again, out + "\n" + err);
      assertTrue(out.toString().contains("crawl complete:"), out.toString());
      assertEquals(6, web.trackDownloads.get(), "two tracks for each of the three videos, each once");
    }
  }

  @Test
  void a_playlist_that_does_not_exist_fails_the_crawl_saying_so() {
    int status = run(new CrawlCommand(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)),
        "--data", tmp.resolve("data").toString(), "--playlist", "PLnoSuchPlaylist0000", "--no-index",
        "--youtube-api-root", fake.root(), "--youtube-web-root", fake.root());

    assertEquals(1, status, out + "\n" + err);
    assertTrue(out.toString().startsWith("crawl failed:"), out.toString());
    assertTrue(err.toString().contains("failed: PLnoSuchPlaylist0000: ") && err.toString().contains("not found"),
        err.toString());
  }

  private String waitForUrl() throws Exception {
    Pattern p = Pattern.compile("(https://accounts\\.example\\.invalid/auth\\?\\S+)");
    return awaitValue("the consent URL to be printed", () -> {
      Matcher m = p.matcher(out.toString());
      return m.find() ? m.group(1) : null;
    }, java.time.Duration.ofSeconds(10));
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> m = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      m.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }
}
