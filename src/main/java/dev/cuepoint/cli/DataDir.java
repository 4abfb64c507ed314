package dev.cuepoint.cli;

import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.opensearch.OpenSearchIndex;
import dev.cuepoint.opensearch.OpenSearchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command shares: the data directory (and the folders inside it) and where the
 * keyword index lives — the embedded index in the data directory, or an OpenSearch cluster.
 */
final class DataDir {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data directory (corpus, index, state); default: ${DEFAULT-VALUE}",
      defaultValue = "${env:CUEPOINT_DATA:-index}")
  Path dir;

  @Option(names = "--backend", paramLabel = "KIND",
      description = "keyword index: embedded (in the data directory; default) or opensearch (a cluster)")
  String backend;

  @Option(names = "--opensearch-url", paramLabel = "URL", split = ",",
      description = "an OpenSearch node's address, e.g. http://localhost:9200 (repeat or comma-separate for several)")
  List<String> opensearchUrls;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "the alias searches use in the cluster (default: cuepoint)")
  String opensearchIndex;

  @Option(names = "--opensearch-shards", paramLabel = "N", description = "primary shards of a new index (default 1)")
  String opensearchShards;

  @Option(names = "--opensearch-replicas", paramLabel = "N", description = "copies of each shard (default 1)")
  String opensearchReplicas;

  /** The config file named with --config (serve), or null for the data directory's default one. */
  Path config;

  /** Opens the keyword index the settings name; {@code readOnly} for the embedded index's searches. */
  KeywordIndex openIndex(Map<String, String> env, boolean readOnly) throws IOException {
    OpenSearchSettings cluster = Config.backend(config, dir, env, backendFlags());
    if (cluster != null) {
      return OpenSearchIndex.open(cluster);
    }
    return readOnly ? SearchIndex.openReadOnly(lucene()) : SearchIndex.open(lucene());
  }

  /** The backend options given on the command line, by config key. */
  Map<String, String> backendFlags() {
    Map<String, String> f = new LinkedHashMap<>();
    if (backend != null) {
      f.put("backend", backend);
    }
    if (opensearchUrls != null && !opensearchUrls.isEmpty()) {
      f.put("opensearchUrls", String.join(",", opensearchUrls));
    }
    if (opensearchIndex != null) {
      f.put("opensearchIndex", opensearchIndex);
    }
    if (opensearchShards != null) {
      f.put("opensearchShards", opensearchShards);
    }
    if (opensearchReplicas != null) {
      f.put("opensearchReplicas", opensearchReplicas);
    }
    return f;
  }

  Path corpus() {
    return dir.resolve("corpus");
  }

  Path lucene() {
    return dir.resolve("lucene");
  }

  /** The passage index and the embedding cache (semantic search). */
  Path vectors() {
    return dir.resolve("vectors");
  }

  Path state() {
    return dir.resolve("state");
  }
}
