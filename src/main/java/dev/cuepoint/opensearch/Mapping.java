package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.index.Fields;

/**
 * Settings and mapping of a Cuepoint index. Text arrives as tokens ({@link Tokens}), so one
 * whitespace analyzer serves every language; term frequencies, positions and norms are kept as the
 * embedded index keeps them, and scored with the same BM25. Offsets are not indexed: moments are cut
 * from the stored text by Cuepoint itself. Exact values are keywords and longs for filters and sorting;
 * stored fields are kept in the source only.
 */
final class Mapping {
  private Mapping() {}

  static ObjectNode index(int shards, int replicas) {
    ObjectNode root = Cluster.JSON.createObjectNode();
    ObjectNode index = root.putObject("settings").putObject("index");
    index.put("number_of_shards", shards).put("number_of_replicas", replicas);
    index.put("refresh_interval", "-1"); // refreshed by Cuepoint when an update is complete
    index.putObject("similarity").putObject("default").put("type", "BM25");
    index.putObject("mapping").putObject("total_fields").put("limit", 10_000); // many languages
    ObjectNode analysis = index.putObject("analysis");
    analysis.putObject("tokenizer").putObject("cuepoint_spaces")
        .put("type", "whitespace").put("max_token_length", 4096);
    analysis.putObject("filter").putObject("cuepoint_gaps")
        .put("type", "stop").put("ignore_case", false).putArray("stopwords").add(Tokens.GAP);
    ObjectNode analyzer = analysis.putObject("analyzer").putObject(Tokens.ANALYZER);
    analyzer.put("type", "custom").put("tokenizer", "cuepoint_spaces").putArray("filter").add("cuepoint_gaps");

    ObjectNode mappings = root.putObject("mappings");
    mappings.put("dynamic", "strict");
    // the tokens are for the index; results are made from the stored fields
    mappings.putObject("_source").putArray("excludes").add(Names.TEXT_OBJECT + ".*");
    mappings.putObject("_meta").put("cuepointLayout", Fields.SCHEMA_VERSION);
    mappings.putArray("dynamic_templates").addObject().putObject("tokens")
        .put("path_match", Names.TEXT_OBJECT + ".*").put("match_mapping_type", "string")
        .set("mapping", text("positions", true));
    ObjectNode props = mappings.putObject("properties");
    for (String f : Names.VALUES) {
      boolean number = f.equals(Fields.PUBLISHED) || f.equals(Fields.CUES) || f.equals(Fields.SCHEMA);
      props.putObject(Names.of(f)).put("type", number ? "long" : "keyword");
    }
    ObjectNode text = props.putObject(Names.TEXT_OBJECT);
    text.put("type", "object").put("dynamic", true);
    // the spelling vocabulary: which videos use a word (no positions, no norms), and the words
    // themselves for completions (field data: a terms aggregation lists them by use)
    text.putObject("properties").set(Fields.WORDS, text("docs", false).put("fielddata", true));
    props.putObject(Names.STORED).put("type", "object").put("enabled", false);
    return root;
  }

  private static ObjectNode text(String indexOptions, boolean norms) {
    return Cluster.JSON.createObjectNode().put("type", "text").put("analyzer", Tokens.ANALYZER)
        .put("index_options", indexOptions).put("norms", norms);
  }
}
