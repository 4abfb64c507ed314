package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.opensearch.TestCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands on a cluster: {@code import}, {@code index --rebuild} and {@code search} with {@code
 * --backend opensearch}, answering as they do on the embedded index; and the settings' mistakes,
 * refused with a message that says what to do.
 */
@Tag("opensearch")
class OpenSearchCliTest {
  @TempDir Path tmp;

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter(), err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  static String[] with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void import_rebuild_and_search_on_a_cluster_answer_as_the_embedded_index_does() throws Exception {
    Path folder = tmp.resolve("dl");
    Folders.video(folder, "hebbAAAAAAA", "Hebbian learning",
        "Today we talk about plasticity.",
        "Cells that fire together wire together.",
        "That is Hebb's rule, stated in nineteen forty nine.");
    Folders.video(folder, "spikeAAAAAA", "Spikes",
        "A neuron fires a spike when its membrane potential crosses threshold.",
        "Then it rests for a moment.");
    TestCluster cluster = TestCluster.get();
    String alias = cluster.settings().alias();
    List<String> onCluster = List.of("--backend", "opensearch", "--opensearch-url",
        String.join(",", cluster.urls()), "--opensearch-index", alias);
    Path data = tmp.resolve("data");
    Path local = tmp.resolve("local");

    Run imported = run(with(List.of("import", "--data", data.toString()), with(onCluster, folder.toString())));
    assertEquals(0, imported.status(), imported.err());
    assertTrue(imported.out().contains("2 added"), imported.out());
    assertFalse(Files.exists(data.resolve("lucene")), "nothing indexed locally");
    assertEquals(0, run("import", "--data", local.toString(), folder.toString()).status());

    for (String q : List.of("\"fire together wire\"", "neuron threshold", "plastic*", "hebb")) {
      Run a = run(with(List.of("search", "--data", data.toString(), "--json"), with(onCluster, q)));
      Run b = run("search", "--data", local.toString(), "--json", q);
      assertEquals(0, a.status(), a.err());
      assertEquals(withoutTime(b.out()), withoutTime(a.out()), q);
    }
    JsonNode found = new ObjectMapper().readTree(
        run(with(List.of("search", "--data", data.toString(), "--json"), with(onCluster, "\"wire together\""))).out());
    assertEquals("hebbAAAAAAA", found.get("results").get(0).get("videoId").asText());

    Run rebuilt = run(with(List.of("index", "--data", data.toString(), "--rebuild"), onCluster.toArray(String[]::new)));
    assertEquals(0, rebuilt.status(), rebuilt.err());
    assertTrue(rebuilt.out().contains("2 added"), rebuilt.out());
    assertEquals(1, cluster.call("GET", "/_cat/aliases/" + alias).strip().lines().count(), "one index behind the alias");
  }

  private static String withoutTime(String json) {
    return json.replaceAll("\"tookMs\"\\s*:\\s*\\d+", "");
  }

  @Test
  void wrong_settings_are_refused_saying_what_to_do() {
    Path data = tmp.resolve("data");
    Run noUrl = run("search", "--data", data.toString(), "--backend", "opensearch", "x");
    assertEquals(2, noUrl.status());
    assertTrue(noUrl.err().contains("--opensearch-url http://HOST:9200"), noUrl.err());

    Run badKind = run("search", "--data", data.toString(), "--backend", "elastic", "x");
    assertTrue(badKind.err().contains("embedded, opensearch"), badKind.err());

    Run badName = run("search", "--data", data.toString(), "--backend", "opensearch", "--opensearch-url",
        "http://127.0.0.1:9", "--opensearch-index", "Bad Name", "x");
    assertTrue(badName.err().contains("must be lower-case letters"), badName.err());

    Run nobody = run("search", "--data", data.toString(), "--backend", "opensearch", "--opensearch-url",
        "http://127.0.0.1:9", "x");
    assertTrue(nobody.status() != 0);
    assertTrue(nobody.err().contains("not reachable") && nobody.err().contains("127.0.0.1:9"), nobody.err());
  }
}
