package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.CorpusStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (Ctrl-C, systemd) to a real {@code serve} in the middle of a refresh that imports new videos,
 * indexes them and embeds their passages with the real embedding model: at a seeded random moment
 * after the refresh is seen in its import step, in its index step, or embedding (as {@code /api/status}
 * shows). Every stop ends with a SIGTERM's status, 143, without a JVM crash report; after the last one
 * every corpus file reads, and the next start serves every video of the corpus by its words.
 * {@code -Dcuepoint.stop.seed=N -Dcuepoint.stop.rounds=N} for other runs (6 rounds by default).
 * {@link KillDuringRefreshTest} is the {@code kill -9} variant.
 */
class StopDuringRefreshTest {
  static final long SEED = Long.getLong("cuepoint.stop.seed", 31);
  static final int ROUNDS = Integer.getInteger("cuepoint.stop.rounds", 6);
  static final String TOKEN = "stop-test-admin-token-0123456789";
  static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/");
  static final ObjectMapper JSON = new ObjectMapper();

  /** Where in the refresh the signal lands. */
  enum Moment { IMPORT, KEYWORDS, EMBEDDING }

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();

  ChildJvm serve(Path data, Path folder) {
    return ChildJvm.start(List.of("-XX:ErrorFile=" + tmp.resolve("hs_err_pid%p.log")),
        Map.of("CUEPOINT_EMBEDDER", "minilm", "CUEPOINT_ADMIN_TOKEN", TOKEN),
        "serve", "--data", data.toString(), "--port", "0", "--web", "web", "--no-sample", "--no-access-log",
        "--import-folder", folder.toString());
  }

  List<Path> crashReports() throws Exception {
    try (Stream<Path> here = Files.list(tmp); Stream<Path> cwd = Files.list(Path.of(""))) {
      return Stream.concat(here, cwd).filter(p -> p.getFileName().toString().startsWith("hs_err_pid")).toList();
    }
  }

  JsonNode get(int port, String path) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + TOKEN);
    return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  static int port(ChildJvm child) throws Exception {
    return awaitValue("serve to start", () -> {
      Matcher m = SERVING.matcher(child.output());
      return m.find() ? Integer.parseInt(m.group(1)) : null;
    }, Duration.ofSeconds(120));
  }

  /** Videos saying "axon" (old) or "glia" (new), a few sentences each. */
  static void videos(Path folder, String prefix, int from, int to, String word) throws Exception {
    for (int i = from; i < to; i++) {
      Folders.video(folder, String.format("%s%05d", prefix, i), prefix + " " + i,
          "Lecture " + i + " says the " + word + " matters here.",
          "Sentence two of lecture " + i + " is about the membrane and its channels.",
          "Sentence three of lecture " + i + " ends with " + word + " again.");
    }
  }

  @Test
  void sigterm_at_any_moment_of_a_refresh_never_crashes_the_jvm_and_the_next_start_serves_everything()
      throws Exception {
    List<Path> before = crashReports();
    Path data = tmp.resolve("data");
    Path folder = tmp.resolve("incoming");
    videos(folder, "oldVid", 0, 20, "axon");
    ImportCommand.importInto(Folders.data(data), List.of(folder), new PrintWriter(new StringWriter()));

    Random random = new Random(SEED);
    int added = 0;
    int landed = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Moment moment = Moment.values()[round % Moment.values().length];
      videos(folder, "newVid", added, added + 200, "glia"); // what this round's refresh imports and embeds
      added += 200;
      ChildJvm child = serve(data, folder);
      try (child) {
        int port = port(child);
        // the start's own catch-up embedding ends first, so what runs at the signal is the refresh
        awaitUntil("the start's embedding to end", () -> {
          JsonNode s = get(port, "/api/status").path("semantic");
          return !s.path("embedding").asBoolean(true) && s.path("passages").isNumber();
        }, Duration.ofSeconds(300));
        JsonNode started = JSON.readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/admin/refresh"))
            .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        String id = started.get("id").asText();
        String at = awaitValue("the refresh to reach its " + moment + " part", () -> {
          JsonNode run = get(port, "/api/admin/refresh/" + id);
          if (!run.path("result").asText().equals("running")) {
            return "ended: " + run; // too quick to catch: the signal lands after the refresh
          }
          String step = run.path("currentStep").asText("");
          return switch (moment) {
            case IMPORT -> step.equals("import") ? "import" : null;
            case KEYWORDS -> step.equals("index") ? "index" : null;
            case EMBEDDING -> step.equals("index") && get(port, "/api/status").path("semantic").path("embedding")
                .asBoolean(false) ? "embedding" : null;
          };
        }, Duration.ofSeconds(300));
        long after = random.nextLong(moment == Moment.EMBEDDING ? 1_500 : 400);
        child.staysUpFor(after); // the moment under test: serve must still run when the signal comes
        boolean running = get(port, "/api/admin/refresh/" + id).path("result").asText().equals("running");
        landed += running ? 1 : 0;
        child.process.destroy(); // SIGTERM
        int status = child.await(120);
        String what = "round " + round + " (seed " + SEED + "), SIGTERM " + after + " ms after the refresh was seen "
            + at + (running ? "" : " (it had ended)");
        System.out.println(what);
        assertEquals(143, status, what + ":\n" + child.output());
        assertFalse(child.output().contains("A fatal error has been detected"), what + ":\n" + child.output());
      }
      assertEquals(before, crashReports(), "no JVM crash report");
    }
    System.out.printf("seed %d: %d of %d signals landed while the refresh ran%n", SEED, landed, ROUNDS);
    assertTrue(landed >= ROUNDS / 2, "most signals must land mid-refresh to test anything: " + landed);

    CorpusStore corpus = new CorpusStore(data);
    long readable = corpus.all().count(); // throws if a corpus file is torn
    long glia = corpus.ids().stream().filter(i -> i.startsWith("newVid")).count();
    try (ChildJvm child = serve(data, folder)) {
      int port = port(child); // its start brings the keyword index up to date with the corpus
      assertEquals(20, get(port, "/api/search?mode=keyword&q=axon").get("total").asInt(),
          "every video of before the refresh is still found");
      assertEquals(glia, get(port, "/api/search?mode=keyword&q=glia").get("total").asInt(),
          "every video the refreshes imported is found");
      assertEquals(readable, 20 + glia);
      child.process.destroy();
      assertEquals(143, child.await(120), child.output());
    }
    assertEquals(before, crashReports(), "no JVM crash report");
  }
}
