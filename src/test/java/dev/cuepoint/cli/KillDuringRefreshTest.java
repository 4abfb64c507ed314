package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.CorpusStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code cuepoint serve} process in the middle of a refresh, then a restart:
 * the index opens, every video it had is still found, and the corpus holds only whole files.
 */
class KillDuringRefreshTest {
  static final String TOKEN = "kill-test-admin-token-0123456789";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  Process server;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void kill() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  /** Starts {@code cuepoint serve} in its own JVM and returns its port. */
  int serve(Path data, Path folder) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "dev.cuepoint.cli.Main", "serve", "--data", data.toString(), "--port", "0", "--web", "web",
        "--no-sample", "--no-access-log", "--import-folder", folder.toString());
    pb.environment().put("CUEPOINT_ADMIN_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    server = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          int at = line.indexOf("serving http://127.0.0.1:");
          if (at >= 0) {
            String rest = line.substring(at + "serving http://127.0.0.1:".length());
            return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      throw new IllegalStateException("the server ended before serving");
    });
    int p = port.get(120, TimeUnit.SECONDS);
    Thread drain = new Thread(() -> { // keep reading so the child never blocks on a full pipe
      try {
        while (out.readLine() != null) {
          // the server's log: not needed here
        }
      } catch (java.io.IOException e) {
        // the process was killed: its output ends here
      }
    });
    drain.setDaemon(true);
    drain.start();
    // serve listens before its new index is built (searches answer 503 meanwhile): this test is about after
    awaitUntil("the index built", () -> {
      JsonNode rebuilding = get(p, "/api/status", false).path("rebuilding");
      return rebuilding.isNull() || rebuilding.isMissingNode();
    }, Duration.ofSeconds(120));
    return p;
  }

  JsonNode get(int port, String path, boolean admin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (admin) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  @Test
  void kill_9_during_a_refresh_then_restart_serves_every_video_of_the_last_good_index() throws Exception {
    Path data = tmp.resolve("data");
    Path folder = tmp.resolve("incoming");
    for (int i = 0; i < 30; i++) {
      Folders.video(folder, String.format("oldVideo%03d", i), "Old " + i, "The axon carries the spike away.");
    }
    ImportCommand.importInto(Folders.data(data), List.of(folder), new PrintWriter(new StringWriter()));
    // enough new videos that the refresh is still running when it is killed
    for (int i = 0; i < 1500; i++) {
      Folders.video(folder, String.format("newVid%05d", i), "New " + i, "Glial cells support neurons.",
          "Sentence two of new lecture " + i + ".", "Sentence three about myelin.");
    }
    int port = serve(data, folder);
    assertEquals(30, get(port, "/api/search?q=axon", false).get("total").asLong());
    JsonNode started = JSON.readTree(http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/admin/refresh"))
        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    String id = started.get("id").asText();
    // kill while the refresh runs: as soon as its import has written a first new video (1,500 take seconds)
    awaitUntil("the refresh's import to write a new video",
        () -> new CorpusStore(data).ids().stream().anyMatch(v -> v.startsWith("newVid")), java.time.Duration.ofSeconds(60));
    JsonNode run = get(port, "/api/admin/refresh/" + id, true);
    server.destroyForcibly(); // SIGKILL: no shutdown hook, no chance to tidy up
    assertEquals("running", run.get("result").asText(), "the refresh must still be running when killed: " + run);
    assertTrue(server.waitFor(30, TimeUnit.SECONDS));

    int again = serve(data, folder);
    assertEquals(30, get(again, "/api/search?q=axon", false).get("total").asLong(),
        "every video of the last good index is still found");
    long corpusNew = new CorpusStore(data).ids().stream().filter(i -> i.startsWith("newVid")).count();
    assertTrue(corpusNew < 1500, "the kill came before the import ended: " + corpusNew + " new videos");
    // the restart answers from the last good index at once, and catches up with the corpus behind it
    awaitUntil("the restart to index exactly the videos whose corpus files were written",
        () -> get(again, "/api/search?q=glial", false).get("total").asLong() == corpusNew,
        java.time.Duration.ofSeconds(120));
    long corpus = new CorpusStore(data).all().count(); // every corpus file parses
    assertTrue(corpus >= 30, "corpus files: " + corpus);
  }
}
