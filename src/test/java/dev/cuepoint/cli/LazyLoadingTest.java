package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command loads only what it needs: a keyword search and {@code --version}, run in a JVM of their
 * own with class loading logged and embeddings on, load no class of ONNX Runtime, the embedding library, Javalin and
 * Jetty, the OpenSearch client or the YouTube client (each of those costs start-up time, and a
 * keyword search has no use for them). The child runs on the test class path, where the OpenSearch
 * server's Lucene codecs (a test dependency) are found by Lucene itself: the check is on the client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LazyLoadingTest {
  static final List<String> NOT_NEEDED = List.of("ai.onnxruntime.", "dev.langchain4j.", "io.javalin.",
      "org.eclipse.jetty.", "org.opensearch.client.", "com.google.api.", "com.google.auth.");
  static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

  @TempDir Path tmp;
  Path data;

  @BeforeAll
  void sampleIndex(@TempDir Path dir) throws Exception {
    data = dir.resolve("data");
    StringWriter out = new StringWriter();
    int status = Main.run(new String[] {"import", "--data", data.toString(), "index/sample"},
        new PrintWriter(out, true), new PrintWriter(out, true));
    assertEquals(0, status, out.toString());
    // the passages embedded with the real model, so that a semantic search runs it (the control below)
    try (ChildJvm index = ChildJvm.start(List.of(), EMBEDDINGS_ON, "index", "--data", data.toString())) {
      assertEquals(0, index.await(600), index.output());
    }
  }

  /** As a user runs it: embeddings on (the tests' default is off). */
  static final Map<String, String> EMBEDDINGS_ON = Map.of("CUEPOINT_EMBEDDER", "minilm");

  /** The classes a child JVM running {@code args} loaded. */
  List<String> loadedBy(String name, String... args) throws Exception {
    Path log = tmp.resolve(name + "-classes.log");
    try (ChildJvm child = ChildJvm.start(List.of("-Xlog:class+load=info:file=" + log), EMBEDDINGS_ON, args)) {
      assertEquals(0, child.await(120), child.output());
    }
    List<String> classes = Files.readAllLines(log).stream().map(LOADED::matcher).filter(Matcher::find)
        .map(m -> m.group(1)).toList();
    assertTrue(classes.size() > 500, "the class loading log of " + name + " has " + classes.size() + " classes");
    return classes;
  }

  static String unneeded(List<String> classes) {
    return classes.stream().filter(c -> NOT_NEEDED.stream().anyMatch(c::startsWith)).limit(20)
        .collect(Collectors.joining("\n"));
  }

  @Test
  void keyword_search_loads_no_model_web_server_cluster_or_youtube_client() throws Exception {
    List<String> classes = loadedBy("search", "search", "--data", data.toString(), "--mode", "keyword", "neuron");
    assertTrue(classes.contains("dev.cuepoint.search.SearchService"), "the search ran: " + classes.size());
    assertEquals("", unneeded(classes), "classes a keyword search does not need");
  }

  @Test
  void version_loads_no_model_web_server_cluster_youtube_client_or_search() throws Exception {
    List<String> classes = loadedBy("version", "--version");
    assertTrue(classes.contains("dev.cuepoint.cli.Main"), "cuepoint ran: " + classes.size());
    assertEquals("", unneeded(classes), "classes --version does not need");
    assertTrue(classes.stream().noneMatch(c -> c.startsWith("org.apache.lucene.")),
        "--version loaded Lucene: " + classes.stream().filter(c -> c.startsWith("org.apache.lucene.")).limit(5).toList());
  }

  @Test
  void a_semantic_search_does_load_the_model_so_the_check_sees_what_it_looks_for() throws Exception {
    // the positive control: the same check on a command that needs ONNX Runtime finds it
    List<String> classes = loadedBy("semantic", "search", "--data", data.toString(), "--mode", "semantic",
        "how neurons learn");
    assertTrue(unneeded(classes).contains("ai.onnxruntime."), "ONNX Runtime classes of a semantic search");
  }
}
