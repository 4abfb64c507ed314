package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real model, wired end to end: {@code import} makes keyword search ready at once and says how many
 * passages are left to embed; {@code index} (or {@code import --wait-for-embeddings}) embeds the passages
 * of two short lectures with all-MiniLM-L6-v2 in process, and {@code search --mode semantic} finds a
 * question that shares no word with the answer. (Tests run with {@code CUEPOINT_EMBEDDER=none}; this one
 * turns the model on.)
 */
class SemanticCliTest {
  @TempDir Path tmp;
  String before;

  @BeforeEach
  void modelOn() {
    before = System.getProperty(Vectors.PROPERTY);
    System.setProperty(Vectors.PROPERTY, "minilm");
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Vectors.PROPERTY);
    } else {
      System.setProperty(Vectors.PROPERTY, before);
    }
  }

  record Run(int status, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  Path twoLectures() throws Exception {
    Path folder = tmp.resolve("dl");
    Folders.video(folder, "cellsAAAAAA", "Cells",
        "Today we look at the nerve cells of the brain.",
        "When a nerve cell is excited enough, it sends a brief electrical pulse down its axon.",
        "That pulse is the same size every time; only how often it happens changes.",
        "Between pulses the cell needs a short rest before it can fire again.");
    Folders.video(folder, "bakingAAAAA", "Bread",
        "Today we bake bread at home.",
        "Mix flour, water, salt and yeast, then knead the dough for ten minutes.",
        "Let it rise in a warm place until it doubles in size.",
        "Bake it in a very hot oven until the crust is brown.");
    return folder;
  }

  static final Pattern LEFT = Pattern.compile("semantic search: (\\d+) passages of (\\d+) videos left to embed; "
      + "'cuepoint serve' embeds them in the background \\(or now: 'cuepoint index', or --wait-for-embeddings\\)");

  @Test
  void import_without_waiting_makes_keyword_search_ready_and_says_how_many_passages_are_left_to_embed()
      throws Exception {
    Path folder = twoLectures();
    Path data = tmp.resolve("data");
    Run imported = run("import", "--data", data.toString(), folder.toString());
    assertEquals(0, imported.status(), imported.err());
    List<String> lines = imported.out().lines().toList();
    assertTrue(lines.contains("imported 2 videos") || lines.getFirst().startsWith("imported 2 videos"), imported.out());
    assertTrue(lines.get(1).startsWith("index: 2 added"), "the keyword summary comes first: " + imported.out());
    Matcher left = LEFT.matcher(lines.get(2));
    assertTrue(left.matches(), imported.out());
    assertEquals("2", left.group(2));
    assertTrue(imported.err().lines().noneMatch(l -> l.startsWith("vectors:") || l.startsWith("embedding")),
        "nothing embedded: " + imported.err());

    Run keyword = run("search", "--data", data.toString(), "--mode", "keyword", "--json", "flour yeast");
    assertEquals(0, keyword.status(), keyword.err());
    assertEquals("bakingAAAAA", new ObjectMapper().readTree(keyword.out()).get("results").get(0).get("videoId").asText());

    Run semantic = run("search", "--data", data.toString(), "--mode", "semantic", "--json", "how do neurons signal");
    assertEquals(0, semantic.status(), semantic.err());
    assertEquals(0, new ObjectMapper().readTree(semantic.out()).get("total").asInt(), semantic.out());
    assertTrue(semantic.err().contains("those of 2 of the corpus's videos are not embedded yet ('cuepoint index'"
        + " embeds them now; 'cuepoint serve' in the background)"), semantic.err());

    Run index = run("index", "--data", data.toString());
    assertEquals(0, index.status(), index.err());
    assertTrue(index.err().contains("vectors: 2 added, 0 updated, 0 removed, 0 unchanged, 0 failed; "
        + left.group(1) + " passages"), "as many passages as the import said were left: " + index.err());
    Run after = run("search", "--data", data.toString(), "--mode", "semantic", "--json", "how do neurons signal");
    assertEquals("cellsAAAAAA", new ObjectMapper().readTree(after.out()).get("results").get(0).get("videoId").asText());
    assertFalse(after.err().contains("not embedded yet"), after.err());
  }

  @Test
  void import_waiting_for_embeddings_embeds_passages_and_search_finds_a_question_by_meaning() throws Exception {
    Path folder = twoLectures();
    Path data = tmp.resolve("data");
    Run imported = run("import", "--data", data.toString(), "--wait-for-embeddings", folder.toString());
    assertEquals(0, imported.status(), imported.err());
    assertTrue(imported.err().contains("vectors: 2 added"), imported.err());
    assertTrue(imported.err().lines().anyMatch(l -> l.matches("embedding \\d+ passages of 2 videos…")), imported.err());
    assertFalse(imported.out().contains("left to embed"), imported.out());
    assertTrue(Files.isDirectory(data.resolve("vectors").resolve("lucene")));

    Run found = run("search", "--data", data.toString(), "--mode", "semantic", "--json",
        "how do neurons signal with spikes");
    assertEquals(0, found.status(), found.err());
    assertFalse(found.err().contains("not embedded yet"), found.err());
    JsonNode r = new ObjectMapper().readTree(found.out());
    assertEquals("semantic", r.get("mode").asText());
    assertEquals("cellsAAAAAA", r.get("results").get(0).get("videoId").asText());
    assertEquals(0.0, r.get("results").get(0).get("moments").get(0).get("start").asDouble(), 0.001,
        "the moment starts at its passage, the first cue");

    // keyword search finds nothing for these words; the default (hybrid) still answers
    Run keyword = run("search", "--data", data.toString(), "--mode", "keyword", "--json", "neurons spikes");
    assertEquals(0, new ObjectMapper().readTree(keyword.out()).get("total").asInt());
    Run hybrid = run("search", "--data", data.toString(), "--json", "neurons spikes");
    JsonNode h = new ObjectMapper().readTree(hybrid.out());
    assertEquals("hybrid", h.get("mode").asText());
    assertEquals("cellsAAAAAA", h.get("results").get(0).get("videoId").asText());

    // again: nothing changed, nothing embedded
    Run again = run("index", "--data", data.toString());
    assertTrue(again.err().contains("vectors: 0 added, 0 updated, 0 removed, 2 unchanged"), again.err());
  }

  @Test
  void a_wrong_mode_is_a_usage_error() {
    Run r = run("search", "--data", tmp.toString(), "--mode", "fuzzy", "x");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--mode must be 'keyword', 'semantic' or 'hybrid'"), r.err());
  }
}
