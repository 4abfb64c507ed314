package dev.cuepoint.opensearch;

import java.net.URI;
import java.util.List;

/**
 * How to reach the cluster and shape the index.
 *
 * @param urls the nodes' HTTP addresses ({@code http://host:9200}); requests go to any live one
 * @param alias the name searches use; the index behind it is {@code <alias>-v<layout>-<time>}
 * @param shards primary shards of a new index
 * @param replicas copies of each shard on other nodes (1: searches go on while one node is down)
 * @param user basic-auth user, or null
 * @param password basic-auth password, or null (never printed)
 */
public record OpenSearchSettings(List<URI> urls, String alias, int shards, int replicas, String user, String password) {
  public OpenSearchSettings {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException("no OpenSearch address: give --opensearch-url http://HOST:9200"
          + " (or CUEPOINT_OPENSEARCH_URLS)");
    }
    for (URI u : urls) {
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new IllegalArgumentException("OpenSearch address '" + u + "' is not an http(s)://HOST:PORT address");
      }
    }
    urls = List.copyOf(urls);
    if (alias == null || !alias.matches("[a-z0-9][a-z0-9_-]{0,99}")) {
      throw new IllegalArgumentException("OpenSearch index name '" + alias
          + "' must be lower-case letters, digits, '-' or '_' (e.g. cuepoint)");
    }
    if (shards < 1 || shards > 1024) {
      throw new IllegalArgumentException("OpenSearch shards must be 1 to 1024, got " + shards);
    }
    if (replicas < 0 || replicas > 16) {
      throw new IllegalArgumentException("OpenSearch replicas must be 0 to 16, got " + replicas);
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException("OpenSearch credentials need both a user and a password"
          + " (CUEPOINT_OPENSEARCH_USER and CUEPOINT_OPENSEARCH_PASSWORD)");
    }
  }

  /** One shard, one replica, no credentials. */
  public static OpenSearchSettings of(List<URI> urls, String alias) {
    return new OpenSearchSettings(urls, alias, 1, 1, null, null);
  }

  @Override
  public String toString() {
    return "OpenSearchSettings[urls=" + urls + ", alias=" + alias + ", shards=" + shards + ", replicas=" + replicas
        + ", user=" + user + ", password=" + (password == null ? "none" : "(set)") + "]";
  }
}
