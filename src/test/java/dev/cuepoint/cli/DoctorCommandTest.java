package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.OAuthStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cuepoint doctor} on real data directories: what it finds, what it says to do, its exit status. */
class DoctorCommandTest {
  @TempDir Path tmp;

  private record Run(int status, String out, String err) {
    /** The report's line for a check, failing when there is none. */
    String line(String name) {
      return out.lines().filter(l -> l.length() > 5 && l.substring(5).startsWith(name + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + out));
    }
  }

  private Run doctor(Map<String, String> env, String... args) {
    Map<String, String> e = new HashMap<>(env);
    e.putIfAbsent("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new DoctorCommand(e));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new Failures());
    int status = cl.execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  /** A data directory with the sample lectures imported and indexed. */
  private Path healthy() throws IOException {
    Path data = tmp.resolve("data");
    StringWriter out = new StringWriter();
    int status = Main.run(new String[] {"import", "--data", data.toString(), Path.of("index", "sample").toString()},
        new PrintWriter(out, true), new PrintWriter(out, true));
    assertEquals(0, status, out.toString());
    return data;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void a_healthy_data_directory_passes_with_one_line_per_check() throws IOException {
    Path data = healthy();
    Run r = doctor(Map.of(), "--data", data.toString(), "--port", Integer.toString(freePort()));
    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.line("java").contains("Java " + Runtime.version().feature()), r.out());
    assertTrue(r.line("java").contains(System.getProperty("java.home")), r.out());
    assertTrue(r.line("data directory").startsWith("ok"), r.out());
    assertTrue(r.line("data directory").contains("free"), r.out());
    assertTrue(r.line("index").startsWith("ok") && r.line("index").contains("4 videos"), r.out());
    assertTrue(r.line("embedding model").startsWith("skip") && r.line("embedding model").contains("none"), r.out());
    assertTrue(r.line("port").startsWith("ok") && r.line("port").contains("is free"), r.out());
    assertTrue(r.out().contains("All is well."), r.out());
    assertFalse(r.out().contains("fail "), r.out());
  }

  @Test
  void a_data_path_that_is_a_file_fails_naming_the_problem() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "not a data directory");
    Run r = doctor(Map.of(), "--data", file.toString(), "--port", "0");
    assertEquals(1, r.status(), r.out());
    String line = r.line("data directory");
    assertTrue(line.startsWith("fail") && line.contains(file + " is a file, not a directory"), line);
    assertTrue(line.contains("→ name a directory"), line);
    assertTrue(r.out().contains("1 check failed"), r.out());
  }

  @Test
  void an_unwritable_data_directory_fails() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("readonly"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    Path data = dir;
    if (canWrite(dir)) { // root ignores permission bits; sysfs refuses even root a new file
      data = Path.of("/sys");
      Assumptions.assumeFalse(canWrite(data), "no directory this user cannot write to: the check cannot be tried");
    }
    try {
      Run r = doctor(Map.of(), "--data", data.toString(), "--port", "0");
      assertEquals(1, r.status(), r.out());
      String line = r.line("data directory");
      assertTrue(line.startsWith("fail") && line.contains(data + " is not writable"), line);
      assertTrue(line.contains("write access"), line);
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean canWrite(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, "probe", ".tmp"));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void a_corrupt_config_file_fails_naming_the_file_and_line() throws IOException {
    Path data = healthy();
    Files.writeString(data.resolve("cuepoint.yaml"), "port: 7070\nplaylists: [PLa, PLb\nhost: 127.0.0.1\n");
    Run r = doctor(Map.of(), "--data", data.toString());
    assertEquals(1, r.status(), r.out());
    String line = r.line("config");
    assertTrue(line.startsWith("fail") && line.contains("cuepoint.yaml is not valid YAML or JSON"), line);
    assertTrue(r.line("port").startsWith("skip"), "the port is unknown without settings: " + r.out());
  }

  @Test
  void a_wrong_setting_fails_the_config_check() throws IOException {
    Path data = healthy();
    Files.writeString(data.resolve("cuepoint.yaml"), "metrics: yes please\n");
    Run r = doctor(Map.of(), "--data", data.toString(), "--port", "0");
    assertEquals(1, r.status(), r.out());
    String line = r.line("config");
    assertTrue(line.contains("'metrics'") && line.contains("off, token or public"), line);
  }

  @Test
  void a_taken_port_fails_naming_it() throws IOException {
    Path data = healthy();
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
      int port = taken.getLocalPort();
      Run r = doctor(Map.of(), "--data", data.toString(), "--port", Integer.toString(port));
      assertEquals(1, r.status(), r.out());
      String line = r.line("port");
      assertTrue(line.startsWith("fail") && line.contains("127.0.0.1:" + port + " cannot be listened on"), line);
      assertTrue(line.contains("choose another"), line);
    }
  }

  @Test
  void a_damaged_index_fails_and_says_to_rebuild() throws IOException {
    Path data = healthy();
    Path biggest;
    try (Stream<Path> files = Files.list(data.resolve("lucene"))) {
      biggest = files.filter(Files::isRegularFile).max(Comparator.comparingLong(DoctorCommandTest::size)).orElseThrow();
    }
    try (FileChannel ch = FileChannel.open(biggest, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    Run r = doctor(Map.of(), "--data", data.toString(), "--port", "0");
    assertEquals(1, r.status(), r.out());
    String line = r.line("index");
    assertTrue(line.startsWith("fail") && line.contains("cannot be read"), line);
    assertTrue(line.contains("cuepoint index --rebuild"), line);
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void online_the_api_key_is_tried_against_youtube_once() throws Exception {
    Path data = healthy();
    try (FakeYouTube fake = new FakeYouTube()) {
      Run good = doctor(Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY),
          "--data", data.toString(), "--port", "0", "--online", "--youtube-api-root", fake.root());
      assertEquals(0, good.status(), good.out());
      assertTrue(good.line("API key").startsWith("ok") && good.line("API key").contains("accepted"), good.out());
      assertEquals(1, fake.units(), "one 1-unit call");

      Run bad = doctor(Map.of("CUEPOINT_YOUTUBE_API_KEY", "not-the-key-0000"),
          "--data", data.toString(), "--port", "0", "--online", "--youtube-api-root", fake.root());
      assertEquals(1, bad.status(), bad.out());
      String line = bad.line("API key");
      assertTrue(line.startsWith("fail") && line.contains("refused"), line);
      assertTrue(line.contains("API key not valid"), line);
      assertFalse(bad.out().contains("not-the-key-0000"), "the key is never printed: " + bad.out());

      Run offline = doctor(Map.of("CUEPOINT_YOUTUBE_API_KEY", "not-the-key-0000"),
          "--data", data.toString(), "--port", "0", "--youtube-api-root", fake.root());
      assertEquals(0, offline.status(), offline.out());
      assertTrue(offline.line("API key").contains("not tried"), offline.out());
      assertEquals(2, fake.units(), "without --online nothing is asked of YouTube");
    }
  }

  @Test
  void online_the_oauth_grant_is_refreshed() throws Exception {
    Path data = healthy();
    try (FakeYouTube fake = new FakeYouTube()) {
      OAuthStore store = new OAuthStore(data.resolve("state"));
      store.save(new ApiCredentials.OAuth(FakeYouTube.CLIENT_ID, FakeYouTube.CLIENT_SECRET, FakeYouTube.REFRESH_TOKEN,
          fake.tokenUrl()));
      Run good = doctor(Map.of(), "--data", data.toString(), "--port", "0", "--online", "--youtube-api-root", fake.root());
      assertEquals(0, good.status(), good.out());
      assertTrue(good.line("OAuth grant").startsWith("ok"), good.out());
      assertEquals(1, fake.tokensIssued(), "the refresh token was traded for an access token");

      store.save(new ApiCredentials.OAuth(FakeYouTube.CLIENT_ID, FakeYouTube.CLIENT_SECRET, "revoked-refresh-token",
          fake.tokenUrl()));
      Run revoked = doctor(Map.of(), "--data", data.toString(), "--port", "0", "--online",
          "--youtube-api-root", fake.root());
      assertEquals(1, revoked.status(), revoked.out());
      String line = revoked.line("OAuth grant");
      assertTrue(line.startsWith("fail") && line.contains("cuepoint auth"), line);
      assertFalse(revoked.out().contains("revoked-refresh-token"), revoked.out());
    }
  }

  @Test
  void an_unreachable_proxy_fails() throws IOException {
    Path data = healthy();
    int closed = freePort();
    Run r = doctor(Map.of("CUEPOINT_PROXY", "http://127.0.0.1:" + closed), "--data", data.toString(), "--port", "0");
    assertEquals(1, r.status(), r.out());
    assertTrue(r.line("proxy").startsWith("fail") && r.line("proxy").contains("cannot be reached"), r.out());
  }

  @Test
  void a_missing_data_directory_is_a_warning_saying_what_creates_it() {
    Run r = doctor(Map.of(), "--data", tmp.resolve("not-yet").toString(), "--port", "0");
    assertEquals(0, r.status(), r.out());
    String line = r.line("data directory");
    assertTrue(line.startsWith("warn") && line.contains("does not exist yet") && line.contains("creates it"), line);
  }

  @Test
  void a_configured_caption_source_whose_program_is_missing_fails() throws IOException {
    Path data = healthy();
    Files.writeString(data.resolve("cuepoint.yaml"), "captionSources: [timedtext, ytdlp]\n");
    Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));
    Run r = doctor(Map.of("PATH", emptyBin.toString()), "--data", data.toString(), "--port", "0");
    assertEquals(1, r.status(), r.out());
    String line = r.line("yt-dlp");
    assertTrue(line.startsWith("fail") && line.contains("caption source ytdlp is configured"), line);
    assertTrue(line.contains("install it"), line);
    Files.writeString(data.resolve("cuepoint.yaml"), "captionSources: [timedtext]\n");
    Run without = doctor(Map.of("PATH", emptyBin.toString()), "--data", data.toString(), "--port", "0");
    assertEquals(0, without.status(), without.out());
    assertTrue(without.line("yt-dlp").startsWith("skip"), without.out());
  }

  @Test
  void the_embedding_model_is_loaded_when_embeddings_are_on_and_a_wrong_name_fails() throws IOException {
    Path data = healthy();
    String before = System.getProperty(Vectors.PROPERTY);
    try {
      System.setProperty(Vectors.PROPERTY, "minilm");
      Run on = doctor(Map.of(), "--data", data.toString(), "--port", "0");
      String line = on.line("embedding model");
      assertTrue(line.startsWith("ok") && line.contains("loads and embeds"), on.out());
      System.setProperty(Vectors.PROPERTY, "gpt-9");
      Run wrong = doctor(Map.of(), "--data", data.toString(), "--port", "0");
      assertEquals(1, wrong.status(), wrong.out());
      String bad = wrong.line("embedding model");
      assertTrue(bad.startsWith("fail") && bad.contains("'gpt-9'") && bad.contains("minilm, e5, bge or none"), bad);
    } finally {
      if (before == null) {
        System.clearProperty(Vectors.PROPERTY);
      } else {
        System.setProperty(Vectors.PROPERTY, before);
      }
    }
  }

  @Test
  void json_output_lists_every_check_with_its_status() throws IOException {
    Path data = healthy();
    Run r = doctor(Map.of(), "--data", data.toString(), "--port", "0", "--json");
    assertEquals(0, r.status(), r.out());
    JsonNode body = new ObjectMapper().readTree(r.out());
    assertTrue(body.get("ok").asBoolean());
    List<String> names = new java.util.ArrayList<>();
    body.get("checks").forEach(c -> names.add(c.get("name").asText()));
    assertTrue(names.containsAll(List.of("java", "data directory", "config", "index", "embedding model", "yt-dlp",
        "ffmpeg", "API key", "OAuth grant", "proxy", "port")), names.toString());
    body.get("checks").forEach(c -> assertTrue(List.of("ok", "warn", "skip").contains(c.get("status").asText()),
        c.toString()));
  }
}
