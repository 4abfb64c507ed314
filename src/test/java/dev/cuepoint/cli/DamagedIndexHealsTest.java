package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.index.FakeEmbedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: files of the keyword index, the passage index and the embedding cache are cut short,
 * overwritten with zeros or deleted at random (seeded), then {@code serve} starts (or {@code index
 * --rebuild}, or {@code search} runs): the corpus keeps every video, and every video is found again, by
 * its words and by its meaning. Real Lucene indexes in a temp folder; the fake embedder, since the model
 * is not the point. {@code -Dcuepoint.faults.seed=N -Dcuepoint.faults.rounds=N} for other runs.
 */
class DamagedIndexHealsTest {
  static final long SEED = Long.getLong("cuepoint.faults.seed", 20);
  static final int ROUNDS = Integer.getInteger("cuepoint.faults.rounds", 10);

  /** Video id → what it says: words no other video uses, so each search has one right answer. */
  static final Map<String, String> VIDEOS = new LinkedHashMap<>();

  static {
    String[] words = {"aardvark bassoon", "catapult dulcimer", "escalator flamingo", "gazebo harpsichord",
        "igloo jackal", "kaleidoscope lighthouse", "marimba narwhal", "obelisk pelican", "quasar raccoon",
        "saxophone tortoise", "ukulele vulture", "walrus xylophone"};
    for (int i = 0; i < words.length; i++) {
      VIDEOS.put("healvideo" + (char) ('a' + i) + "x", "The " + words[i] + " appear in this lecture");
    }
  }

  @TempDir Path tmp;
  final HttpClient http = HttpClient.newHttpClient();
  final StringWriter log = new StringWriter();
  String embedderBefore;
  DataDir data;

  @BeforeEach
  void corpus() throws IOException {
    embedderBefore = System.getProperty(Vectors.PROPERTY);
    Path folder = tmp.resolve("dl");
    for (Map.Entry<String, String> v : VIDEOS.entrySet()) {
      Folders.video(folder, v.getKey(), "Lecture " + v.getKey(), v.getValue(), "Thank you for listening today.");
    }
    data = Folders.data(tmp.resolve("data"));
    ImportCommand.importInto(data, List.of(folder), new PrintWriter(new StringWriter()));
  }

  @AfterEach
  void restore() {
    if (embedderBefore == null) {
      System.clearProperty(Vectors.PROPERTY);
    } else {
      System.setProperty(Vectors.PROPERTY, embedderBefore);
    }
  }

  Service start() throws IOException {
    Config settings = new Config(List.of(), List.of(), List.of("ytdlp-folder"), List.of(), List.of(), null,
        "127.0.0.1", 0, null, 10_000, false, null);
    Service s = Service.start(data, settings, Path.of("web"), Map.of(), new PrintWriter(log, true),
        new PrintWriter(log, true), new FakeEmbedder("fake", 256));
    try {
      // serve listens before its index is rebuilt (searches answer 503 meanwhile): this test is about after
      if (!s.awaitSearchable(60_000)) {
        throw new AssertionError("the index was not rebuilt within 60 s:\n" + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return s;
  }

  JsonNode get(Service s, String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.server.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return new ObjectMapper().readTree(r.body());
  }

  String top(Service s, String mode, String q) throws Exception {
    JsonNode results = get(s, "/api/search?mode=" + mode + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
        .get("results");
    return results.isEmpty() ? null : results.get(0).get("videoId").asText();
  }

  /** Every video is in the corpus and found first by its own words, in both modes. */
  void everyVideoIsFound(Service s, String after) throws Exception {
    assertEquals(VIDEOS.keySet().stream().sorted().toList(), new CorpusStore(data.dir).ids().stream().sorted().toList(),
        "the corpus after " + after);
    awaitUntil("the passages embedded again after " + after, () -> s.passages.progress().ready(),
        Duration.ofSeconds(30));
    for (Map.Entry<String, String> v : VIDEOS.entrySet()) {
      String words = v.getValue().split(" ")[1];
      assertEquals(v.getKey(), top(s, "keyword", words), "keyword '" + words + "' after " + after);
      assertEquals(v.getKey(), top(s, "semantic", v.getValue() + " Thank you for listening today."),
          "meaning of " + v.getKey() + " after " + after);
    }
  }

  @Test
  void damaged_indexes_and_cache_are_rebuilt_from_the_corpus_and_every_video_is_found_again() throws Exception {
    try (Service s = start()) {
      everyVideoIsFound(s, "the first start");
    }
    Random random = new Random(SEED);
    for (int round = 0; round < ROUNDS; round++) {
      List<String> faults = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int k = 0; k < n; k++) {
        faults.add(damageOne(random));
      }
      String after = "round " + round + " (seed " + SEED + "): " + String.join("; ", faults);
      try (Service s = start()) {
        everyVideoIsFound(s, after);
      }
    }
  }

  /** Cuts short, zeroes part of, or deletes one file of one store; says what it did. */
  String damageOne(Random random) throws IOException {
    Path store = switch (random.nextInt(3)) {
      case 0 -> data.lucene();
      case 1 -> data.vectors().resolve("lucene");
      default -> data.vectors();
    };
    List<Path> files;
    try (Stream<Path> list = Files.list(store)) {
      files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("write.lock"))
          .sorted().toList();
    }
    if (files.isEmpty()) {
      return "nothing in " + store;
    }
    Path file = files.get(random.nextInt(files.size()));
    long size = Files.size(file);
    String name = data.dir.relativize(file).toString();
    switch (random.nextInt(3)) {
      case 0 -> {
        long to = size == 0 ? 0 : random.nextLong(size);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(to);
        }
        return "cut " + name + " from " + size + " to " + to + " bytes";
      }
      case 1 -> {
        long at = size == 0 ? 0 : random.nextLong(size);
        int len = (int) Math.min(size - at, 1 + random.nextInt(4096));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.write(ByteBuffer.allocate(len), at);
        }
        return "zeroed " + len + " bytes of " + name + " at " + at;
      }
      default -> {
        Files.delete(file);
        return "deleted " + name;
      }
    }
  }

  /** The main segment file: the one with most bytes. */
  static Path biggestFile(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isRegularFile).max(java.util.Comparator.comparingLong(f -> f.toFile().length()))
          .orElseThrow();
    }
  }

  static void truncateHalf(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
  }

  static List<Path> movedAside(Path parent) throws IOException {
    try (Stream<Path> list = Files.list(parent)) {
      return list.filter(p -> p.getFileName().toString().contains(".damaged-")).toList();
    }
  }

  @Test
  void index_rebuild_does_not_need_a_readable_old_index() throws Exception {
    System.setProperty(Vectors.PROPERTY, "none");
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new String[] {"index", "--data", data.dir.toString()}, new PrintWriter(out),
        new PrintWriter(out)), out.toString());
    truncateHalf(biggestFile(data.lucene()));
    out.getBuffer().setLength(0);
    assertEquals(0, Main.run(new String[] {"index", "--rebuild", "--data", data.dir.toString()},
        new PrintWriter(out), new PrintWriter(out)), out.toString());
    assertEquals(1, movedAside(data.dir).size(), "the damaged index is kept beside the new one");
    out.getBuffer().setLength(0);
    assertEquals(0, Main.run(new String[] {"search", "--data", data.dir.toString(), "--mode", "keyword", "narwhal"},
        new PrintWriter(out), new PrintWriter(out)), out.toString());
    assertTrue(out.toString().contains("healvideogx"), out.toString());
  }

  @Test
  void a_search_from_the_command_line_rebuilds_a_keyword_index_it_cannot_read() throws Exception {
    System.setProperty(Vectors.PROPERTY, "none");
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new String[] {"index", "--data", data.dir.toString()}, new PrintWriter(out),
        new PrintWriter(out)), out.toString());
    Files.delete(biggestFile(data.lucene()));
    out.getBuffer().setLength(0);
    assertEquals(0, Main.run(new String[] {"search", "--data", data.dir.toString(), "--mode", "keyword", "walrus"},
        new PrintWriter(out), new PrintWriter(out)), out.toString());
    assertTrue(out.toString().contains("rebuilding it from the corpus"), out.toString());
    assertTrue(out.toString().contains("healvideolx"), out.toString());
  }

  @Test
  void serve_with_a_damaged_passage_index_starts_says_it_is_rebuilding_and_answers_by_meaning_again()
      throws Exception {
    try (Service s = start()) {
      everyVideoIsFound(s, "the first start");
    }
    truncateHalf(biggestFile(data.vectors().resolve("lucene")));
    try (Service s = start()) {
      JsonNode semantic = get(s, "/api/status").get("semantic");
      assertNotNull(semantic.get("movedAside"), semantic.toString());
      assertTrue(Files.isDirectory(Path.of(semantic.get("movedAside").asText())), semantic.toString());
      everyVideoIsFound(s, "a truncated passage index");
      assertEquals(false, get(s, "/api/status").get("semantic").get("rebuilding").asBoolean());
    }
  }
}
