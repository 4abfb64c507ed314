package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.Analyzers;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SyncLoop;
import dev.cuepoint.index.SyncResult;
import dev.cuepoint.index.VideoDocuments;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyword index in an OpenSearch cluster. Searches go to an alias; behind it is one index whose
 * name carries the document layout and its creation time ({@code cuepoint-v4-20261129t081500}). A
 * full rebuild (or a layout change) fills a new index beside the live one and then moves the alias in
 * one atomic step, so searches never stop and never see half an index. Incremental updates go to the
 * live index in bounded bulk batches; its automatic refresh is off and Cuepoint refreshes once, at the
 * end, so an update also becomes visible all at once.
 *
 * <p>Documents are the embedded index's own ({@link VideoDocuments}), sent pre-analysed ({@link
 * Tokens}), and searches are the search layer's {@link dev.cuepoint.index.SearchQuery}s in the query
 * DSL ({@link QueryJson}: the clauses the cluster turns into the Lucene queries the embedded index
 * runs) with global term statistics ({@code dfs_query_then_fetch}), so results match the embedded
 * backend.
 */
public final class OpenSearchIndex implements KeywordIndex {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchIndex.class);

  /** Documents per bulk request, and the most bytes one may carry. */
  static final int BATCH_DOCS = 100;

  static final int BATCH_BYTES = 8 << 20;

  /** How often a bulk item the cluster could not take right now (busy, shard moving) is sent again. */
  static final int ITEM_ATTEMPTS = 8;

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmssSSS");

  private final OpenSearchSettings settings;
  private final Cluster cluster;
  private final Analyzers analyzers = new Analyzers();
  private final Clock clock;
  /**
   * Shards of the live index: as configured until a search says otherwise (an index made with other
   * settings, or resized by its operators). With more than one, searches gather global term statistics.
   */
  private volatile int shards;
  /** The transcript fields, asked of the cluster at most every few seconds. */
  private volatile Cached fields = new Cached(List.of(), 0);

  private record Cached(List<String> fields, long atNanos) {}

  private static final long FIELDS_TTL_NANOS = 5_000_000_000L;

  private OpenSearchIndex(OpenSearchSettings settings, Cluster cluster, Clock clock) {
    this.settings = settings;
    this.cluster = cluster;
    this.clock = clock;
    this.shards = settings.shards();
  }

  /** Connects; checks that the cluster answers. The index itself is created by the first sync. */
  public static OpenSearchIndex open(OpenSearchSettings settings) throws IOException {
    Cluster cluster = new Cluster(settings);
    try {
      JsonNode info = cluster.call("GET", "/", null, null);
      LOG.info("OpenSearch {} at {}", info.path("version").path("number").asText("?"), settings.urls());
      return new OpenSearchIndex(settings, cluster, Clock.systemUTC());
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  @Override
  public Analyzers analyzers() {
    return analyzers;
  }

  @Override
  public String describe() {
    return "the OpenSearch index '" + settings.alias() + "' at " + settings.urls();
  }

  /** Searches of a cluster mostly wait for it: not held back here. */
  @Override
  public int usefulConcurrentSearches() {
    return 0;
  }

  /** The cluster keeps its own replicas; it is searchable while it follows the corpus. */
  @Override
  public boolean repairsDamagedCopy() {
    return false;
  }

  String alias() {
    return settings.alias();
  }

  int shards() {
    return shards;
  }

  void shardsSeen(int n) {
    if (n > 0) {
      shards = n;
    }
  }

  Cluster cluster() {
    return cluster;
  }

  /** The index the alias points at, or null when there is none yet. */
  String liveIndex() throws IOException {
    Cluster.Answer a = cluster.send("GET", "/_alias/" + settings.alias(), null, null);
    if (a.status() == 404) {
      return null;
    }
    if (a.status() / 100 != 2) {
      throw new IOException(cluster.where() + " refused to say where alias " + settings.alias() + " points"
          + " (HTTP " + a.status() + "): " + Cluster.reason(a.json()));
    }
    Iterator<String> names = a.json().fieldNames();
    return names.hasNext() ? names.next() : null;
  }

  private String prefix() {
    return settings.alias() + "-v" + Fields.SCHEMA_VERSION + "-";
  }

  @Override
  public synchronized SyncResult sync(CorpusSnapshot corpus, boolean rebuild, Consumer<String> progress)
      throws IOException {
    long t0 = System.nanoTime();
    String live = liveIndex();
    boolean fresh = rebuild || live == null || !live.startsWith(prefix());
    String target = fresh ? createIndex(live) : live;
    Map<String, String> have = fresh ? Map.of() : fingerprints(target);
    List<String> failures = new ArrayList<>();
    Bulk bulk = new Bulk(target, failures);
    SyncLoop.Counts c = SyncLoop.run(corpus, have, new SyncLoop.Writer() {
      @Override
      public void write(String id, Video video, String fingerprint) throws IOException {
        bulk.index(id, DocumentJson.source(VideoDocuments.of(video, fingerprint), analyzers));
      }

      @Override
      public void delete(String id) throws IOException {
        bulk.delete(id);
      }
    }, progress);
    failures.addAll(0, c.failures());
    bulk.flush();
    cluster.call("POST", "/" + target + "/_refresh", null, null);
    if (fresh) {
      cluster.call("PUT", "/" + target + "/_settings", null,
          "{\"index\":{\"number_of_replicas\":" + settings.replicas() + "}}");
      switchAlias(live, target);
    }
    fields = new Cached(List.of(), 0);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // videos the cluster refused count as failed, not as added or updated
    return new SyncResult(c.added() - bulk.failedNew(have), c.updated() - bulk.failedOld(have), c.deleted(),
        c.unchanged(), failures, ms);
  }

  /** Creates an empty index of the current layout (no replicas while it fills, no automatic refresh). */
  private String createIndex(String live) throws IOException {
    deleteLeftovers(live);
    String name = prefix() + STAMP.format(clock.instant().atOffset(ZoneOffset.UTC));
    cluster.call("PUT", "/" + name, null, Mapping.index(settings.shards(), 0).toString());
    cluster.call("GET", "/_cluster/health/" + name, Map.of("wait_for_status", "yellow", "timeout", "60s"), null);
    return name;
  }

  /**
   * Deletes indexes of this alias that it does not point at: what an interrupted rebuild left. (One
   * process writes an index at a time, as with the embedded index's lock.)
   */
  private void deleteLeftovers(String live) throws IOException {
    Cluster.Answer a = cluster.send("GET", "/_cat/indices/" + settings.alias() + "-v*",
        Map.of("format", "json", "h", "index"), null);
    if (a.status() / 100 != 2) {
      return;
    }
    for (JsonNode row : a.json()) {
      String name = row.path("index").asText();
      if (!name.equals(live) && name.matches(java.util.regex.Pattern.quote(settings.alias()) + "-v\\d+-\\w+")) {
        LOG.info("deleting {}, left by an interrupted rebuild", name);
        cluster.send("DELETE", "/" + name, null, null);
      }
    }
  }

  /** Points the alias at the new index in one step, then deletes the indexes it pointed at before. */
  private void switchAlias(String old, String target) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    ArrayNode actions = body.putArray("actions");
    actions.addObject().putObject("add").put("index", target).put("alias", settings.alias());
    if (old != null) {
      actions.addObject().putObject("remove").put("index", old).put("alias", settings.alias());
    }
    cluster.call("POST", "/_aliases", null, body.toString());
    if (old != null) {
      Cluster.Answer a = cluster.send("DELETE", "/" + old, null, null);
      if (a.status() / 100 != 2 && a.status() != 404) {
        LOG.warn("the old index {} could not be deleted (HTTP {}); delete it by hand", old, a.status());
      }
    }
  }

  /** Video id → fingerprint of every document in an index (older layouts count as absent). */
  private Map<String, String> fingerprints(String index) throws IOException {
    Map<String, String> out = new HashMap<>();
    JsonNode after = null;
    while (true) {
      ObjectNode q = Cluster.JSON.createObjectNode();
      q.put("size", 1000).put("_source", false).put("track_total_hits", false);
      q.putArray("docvalue_fields").add(Fields.ID).add(Fields.FINGERPRINT).add(Fields.SCHEMA);
      q.putArray("sort").add(Fields.ID);
      if (after != null) {
        q.set("search_after", after);
      }
      JsonNode hits = cluster.call("POST", "/" + index + "/_search", null, q.toString()).path("hits").path("hits");
      if (hits.isEmpty()) {
        return out;
      }
      for (JsonNode h : hits) {
        JsonNode f = h.path("fields");
        boolean current = f.path(Fields.SCHEMA).path(0).asLong(-1) == Fields.SCHEMA_VERSION;
        out.put(f.path(Fields.ID).path(0).asText(), current ? f.path(Fields.FINGERPRINT).path(0).asText("") : "");
      }
      after = hits.get(hits.size() - 1).path("sort");
    }
  }

  /** Bulk requests of bounded size; items the cluster could not take now are sent again. */
  private final class Bulk {
    private final String index;
    private final List<String> failures;
    private final List<String> ids = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private final List<String> failedIds = new ArrayList<>();
    private int bytes;

    Bulk(String index, List<String> failures) {
      this.index = index;
      this.failures = failures;
    }

    synchronized void index(String id, ObjectNode source) throws IOException {
      add(id, "{\"index\":{\"_id\":" + Cluster.JSON.writeValueAsString(id) + "}}\n"
          + Cluster.JSON.writeValueAsString(source) + "\n");
    }

    synchronized void delete(String id) throws IOException {
      add(id, "{\"delete\":{\"_id\":" + Cluster.JSON.writeValueAsString(id) + "}}\n");
    }

    private void add(String id, String line) throws IOException {
      if (!lines.isEmpty() && (lines.size() >= BATCH_DOCS || bytes + line.length() > BATCH_BYTES)) {
        flush();
      }
      ids.add(id);
      lines.add(line);
      bytes += line.length();
    }

    synchronized void flush() throws IOException {
      List<String> pendingIds = new ArrayList<>(ids);
      List<String> pending = new ArrayList<>(lines);
      ids.clear();
      lines.clear();
      bytes = 0;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        JsonNode r = cluster.call("POST", "/" + index + "/_bulk", null, String.join("", pending));
        List<String> retryIds = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        JsonNode items = r.path("items");
        for (int i = 0; i < items.size(); i++) {
          JsonNode result = items.get(i).elements().next();
          int status = result.path("status").asInt();
          if (status / 100 == 2 || (status == 404 && items.get(i).has("delete"))) {
            continue;
          }
          if (Cluster.retryable(status) && attempt < ITEM_ATTEMPTS) {
            retryIds.add(pendingIds.get(i));
            retry.add(pending.get(i));
          } else {
            failedIds.add(pendingIds.get(i));
            failures.add(pendingIds.get(i) + ": " + cluster.where() + " refused it (HTTP " + status + "): "
                + Cluster.reason(result));
          }
        }
        if (!retry.isEmpty()) {
          Cluster.pause(attempt);
        }
        pendingIds = retryIds;
        pending = retry;
      }
    }

    int failedNew(Map<String, String> have) {
      return (int) failedIds.stream().filter(id -> !have.containsKey(id)).count();
    }

    int failedOld(Map<String, String> have) {
      return (int) failedIds.stream().filter(have::containsKey).count();
    }
  }

  @Override
  public View view() {
    return new OpenSearchView(this);
  }

  /** The transcript fields the index's mapping holds (cached for a few seconds). */
  List<String> transcriptFields() throws IOException {
    Cached c = fields;
    if (System.nanoTime() - c.atNanos() < FIELDS_TTL_NANOS && c.atNanos() != 0) {
      return c.fields();
    }
    List<String> out = new ArrayList<>();
    Cluster.Answer a = cluster.send("GET", "/" + settings.alias() + "/_mapping", null, null);
    if (a.status() == 404) {
      return List.of();
    }
    for (JsonNode index : a.json()) {
      for (Iterator<String> it = index.path("mappings").path("properties").path(Names.TEXT_OBJECT)
          .path("properties").fieldNames(); it.hasNext(); ) {
        String field = Names.transcriptField(it.next());
        if (field != null && !out.contains(field)) {
          out.add(field);
        }
      }
    }
    out.sort(null);
    List<String> list = List.copyOf(out);
    fields = new Cached(list, System.nanoTime());
    return list;
  }

  @Override
  public long sizeBytes() throws IOException {
    Cluster.Answer a = cluster.send("GET", "/" + settings.alias() + "/_stats/store", null, null);
    return a.status() == 404 ? 0 : a.json().path("_all").path("primaries").path("store").path("size_in_bytes").asLong();
  }

  @Override
  public void close() throws IOException {
    cluster.close();
  }
}
