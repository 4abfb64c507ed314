package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.index.CompressedText;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.IndexUnavailableException;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.LuceneQueryTranslator;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.StoredValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link KeywordIndex.View} over the cluster. Ranking, counts, filters, spelling and completions are
 * asked of the cluster ({@link QueryJson}); matched spans are found here, by running the groups'
 * queries, translated to Lucene queries by the embedded index's {@link LuceneQueryTranslator}, over a
 * one-document in-memory index ({@link MemoryIndex}) of the texts the cluster says each hit matched
 * in, analysed as the embedded index analyses them — so the character offsets, and the times they map
 * to, are the embedded index's.
 */
final class OpenSearchView implements KeywordIndex.View {
  /** A shard that cannot answer is an error to retry, never a silently shorter result list. */
  private static final Map<String, String> ONE_SHARD = Map.of("allow_partial_search_results", "false");

  /** With several shards, global term statistics first: the same BM25 as one embedded index. */
  private static final Map<String, String> SHARDS = Map.of("allow_partial_search_results", "false",
      "search_type", "dfs_query_then_fetch");

  private final OpenSearchIndex index;
  private final Cluster cluster;
  /** For the spans: this search's groups as Lucene queries, made once per search. */
  private final LuceneQueryTranslator lucene = new LuceneQueryTranslator();
  private LuceneQueryTranslator.Groups spansGroups;

  OpenSearchView(OpenSearchIndex index) {
    this.index = index;
    this.cluster = index.cluster();
  }

  /**
   * A hit, the text fields it matched in, and those fields' stored texts and time maps (fetched for
   * the whole page at once, after the search: a video's thirty transcripts are megabytes).
   */
  private static final class SourceHit implements KeywordIndex.Hit {
    final String id;
    final float score;
    final StoredValues meta;
    final Set<String> matchedFields;
    JsonNode texts = Cluster.JSON.createObjectNode();

    SourceHit(String id, float score, StoredValues meta, Set<String> matchedFields) {
      this.id = id;
      this.score = score;
      this.meta = meta;
      this.matchedFields = matchedFields;
    }

    @Override
    public float score() {
      return score;
    }

    @Override
    public StoredValues meta() {
      return meta;
    }
  }

  /** What a card shows, and the languages a video has. */
  private static final List<String> CARD_SOURCE = java.util.stream.Stream.concat(
      KeywordIndex.META.stream(), java.util.stream.Stream.of(Fields.LANG)).map(f -> Names.STORED + "." + f).toList();

  @Override
  public List<String> transcriptFields() throws IOException {
    return index.transcriptFields();
  }

  /**
   * One search request. Only a 404 whose error is {@code index_not_found_exception} means "nothing
   * indexed yet" (no alias): a cluster that lost a node answers 404 too while a shard moves
   * ({@code search_phase_execution_exception} caused by {@code shard_not_found_exception}), and
   * answering that with zero hits would show users an empty library. Such a 404 is tried again like
   * the 503s {@link Cluster#send} already retries, then it is an error.
   */
  private JsonNode search(ObjectNode body) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Cluster.Answer a = cluster.send("POST", "/" + index.alias() + "/_search",
          index.shards() > 1 ? SHARDS : ONE_SHARD, body.toString());
      if (a.status() / 100 == 2) {
        index.shardsSeen(a.json().path("_shards").path("total").asInt(0));
        return a.json();
      }
      if (a.status() == 404 && noSuchIndex(a.json())) {
        return Cluster.JSON.createObjectNode(); // nothing indexed yet
      }
      String failed = cluster.where() + " could not search (HTTP " + a.status() + "): " + Cluster.reason(a.json());
      if (a.status() == 404 && attempt == MISSING_SHARD_ATTEMPTS || Cluster.retryable(a.status())) {
        // already asked again (Cluster.send retries 429/50x): a web request answers 503, Retry-After
        throw new IndexUnavailableException(failed
            + "; a node may have left the cluster: try again when its shards are assigned");
      }
      if (a.status() != 404) {
        throw new IOException(failed);
      }
      Cluster.pause(attempt);
    }
  }

  /** How often a search that found a shard missing is sent: about 2 s of pauses in all. */
  static final int MISSING_SHARD_ATTEMPTS = 4;

  /** Whether a 404 says the index (our alias) does not exist, rather than a part of it missing. */
  static boolean noSuchIndex(JsonNode answer) {
    return "index_not_found_exception".equals(answer.path("error").path("type").asText(null));
  }

  @Override
  public KeywordIndex.Page top(SearchQuery ranking, SearchQuery matching, boolean byDate, int n) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", QueryJson.named(ranking));
    body.put("size", n).put("track_total_hits", true);
    CARD_SOURCE.forEach(body.putArray("_source")::add);
    if (byDate) {
      body.put("track_scores", true);
      var sort = body.putArray("sort");
      sort.addObject().putObject(Fields.PUBLISHED).put("order", "desc").put("missing", "_last");
      sort.add("_score");
    }
    JsonNode hits = search(body).path("hits");
    List<SourceHit> out = new ArrayList<>();
    for (JsonNode h : hits.path("hits")) {
      Set<String> matched = new java.util.HashSet<>();
      h.path("matched_queries").forEach(f -> matched.add(QueryJson.fieldOfName(f.asText())));
      out.add(new SourceHit(h.path("_id").asText(), (float) h.path("_score").asDouble(0),
          StoredValues.of(DocumentJson.stored(h.path("_source"), null), null), matched));
    }
    fetchTexts(out);
    return new KeywordIndex.Page(hits.path("total").path("value").asLong(0), List.copyOf(out));
  }

  /** One request for the stored texts (and time maps) of the fields each hit matched in. */
  private void fetchTexts(List<SourceHit> hits) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    var docs = body.putArray("docs");
    for (SourceHit h : hits) {
      List<String> fields = new ArrayList<>();
      if (h.matchedFields.contains(Fields.TITLE)) {
        fields.add(Fields.TITLE);
      }
      if (h.matchedFields.contains(Fields.CHAPTERS)) {
        fields.addAll(List.of(Fields.CHAPTERS, Fields.CHAPTER_TIMES));
      }
      for (String lang : h.meta.values(Fields.LANG)) {
        if (h.matchedFields.contains(Fields.text(lang)) || h.matchedFields.contains(Fields.grams(lang))) {
          fields.addAll(List.of(Fields.transcript(lang), Fields.times(lang), Fields.kind(lang)));
        }
      }
      if (fields.isEmpty()) {
        continue;
      }
      ObjectNode doc = docs.addObject().put("_id", h.id);
      var includes = doc.putObject("_source").putArray("includes");
      fields.forEach(f -> includes.add(Names.STORED + "." + f));
    }
    if (docs.isEmpty()) {
      return;
    }
    JsonNode answer = cluster.call("POST", "/" + index.alias() + "/_mget", null, body.toString());
    Map<String, JsonNode> byId = new java.util.HashMap<>();
    answer.path("docs").forEach(d -> byId.put(d.path("_id").asText(), d.path("_source")));
    for (SourceHit h : hits) {
      JsonNode source = byId.get(h.id);
      if (source != null) {
        h.texts = source;
      }
    }
  }

  @Override
  public int count(SearchQuery query) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.set("query", QueryJson.of(query));
    body.put("size", 0).put("track_total_hits", true);
    return search(body).path("hits").path("total").path("value").asInt(0);
  }

  /**
   * Only the texts the cluster says the hit matched in are analysed: a video may have thirty
   * transcripts, and analysing them all for every hit would cost more than the search.
   */
  @Override
  public List<KeywordIndex.Span> spans(KeywordIndex.Hit hit, List<SearchQuery> groups) throws IOException {
    if (spansGroups == null || (groups != spansGroups.model() && !groups.equals(spansGroups.model()))) {
      spansGroups = lucene.groups(groups);
    }
    SourceHit h = (SourceHit) hit;
    Document stored = DocumentJson.stored(h.texts, null);
    MemoryIndex memory = new MemoryIndex(true, false);
    for (String field : List.of(Fields.TITLE, Fields.CHAPTERS)) {
      String text = stored.get(field);
      if (text != null && h.matchedFields.contains(field)) {
        memory.addField(field, text, index.analyzers());
      }
    }
    for (String lang : h.meta.values(Fields.LANG)) {
      BytesRef packed = stored.getBinaryValue(Fields.transcript(lang));
      String text = packed == null ? null : CompressedText.decompress(packed);
      boolean words = h.matchedFields.contains(Fields.text(lang));
      boolean grams = Languages.usesGrams(lang) && h.matchedFields.contains(Fields.grams(lang));
      if (text == null || !(words || grams)) {
        continue;
      }
      memory.addField(Fields.text(lang), text, index.analyzers());
      if (grams) {
        memory.addField(Fields.grams(lang), text, index.analyzers());
      }
    }
    IndexSearcher searcher = memory.createSearcher();
    Weight weight = searcher.createWeight(searcher.rewrite(spansGroups.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return spansGroups.spans(weight.matches(searcher.getIndexReader().leaves().getFirst(), 0));
  }

  @Override
  public StoredValues stored(KeywordIndex.Hit hit, Set<String> fields) {
    return StoredValues.of(DocumentJson.stored(((SourceHit) hit).texts, fields), null);
  }

  @Override
  public StoredValues card(String videoId) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.putObject("query").putObject("term").put(Fields.ID, videoId);
    body.put("size", 1);
    CARD_SOURCE.forEach(body.putArray("_source")::add);
    JsonNode hits = search(body).path("hits").path("hits");
    return hits.isEmpty() ? null
        : StoredValues.of(DocumentJson.stored(hits.get(0).path("_source"), KeywordIndex.META), null);
  }

  @Override
  public int vocabularyCount(String word) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.putObject("query").putObject("term").put(Names.of(Fields.WORDS), Tokens.escape(word));
    body.put("size", 0).put("track_total_hits", true);
    return search(body).path("hits").path("total").path("value").asInt(0);
  }

  @Override
  public String closestWord(String word) throws IOException {
    // the term suggester is Lucene's DirectSpellChecker: the settings of the embedded backend's
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    ObjectNode term = body.putObject("suggest").putObject("spelling").put("text", Tokens.escape(word))
        .putObject("term");
    term.put("field", Names.of(Fields.WORDS)).put("analyzer", Tokens.ANALYZER).put("size", 1)
        .put("suggest_mode", "missing").put("max_edits", 2).put("prefix_length", 1).put("min_word_length", 3)
        .put("sort", "score").put("string_distance", "internal").put("accuracy", 0.5)
        .put("max_inspections", 5).put("max_term_freq", 0.01).put("min_doc_freq", 0)
        .put("shard_size", 1); // the spell checker inspects max_inspections × this many candidates
    JsonNode options = search(body).path("suggest").path("spelling").path(0).path("options");
    return options.isEmpty() ? null : options.get(0).path("text").asText();
  }

  @Override
  public List<KeywordIndex.Word> wordsStartingWith(String prefix, int max) throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("aggs").putObject("words").putObject("terms").put("field", Names.of(Fields.WORDS))
        .put("include", regexLiteral(prefix) + ".*")
        .put("size", Math.min(max, MAX_AGGREGATED));
    List<KeywordIndex.Word> out = new ArrayList<>();
    for (JsonNode b : search(body).path("aggregations").path("words").path("buckets")) {
      out.add(new KeywordIndex.Word(b.path("key").asText(), b.path("doc_count").asInt()));
    }
    return out;
  }

  /** The most completions asked of the cluster: the most used ones come first either way. */
  static final int MAX_AGGREGATED = 1000;

  /** A literal in the cluster's (Lucene) regular expressions: every character not a letter or digit escaped. */
  static String regexLiteral(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (!Character.isLetterOrDigit(c)) {
        b.append('\\');
      }
      b.appendCodePoint(c);
    });
    return b.toString();
  }

  @Override
  public int videos() throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0).put("track_total_hits", true);
    return search(body).path("hits").path("total").path("value").asInt(0);
  }

  @Override
  public int videosInCurrentLayout() throws IOException {
    return count(new SearchQuery.Term(Fields.SCHEMA, Integer.toString(Fields.SCHEMA_VERSION)));
  }

  @Override
  public Map<String, Integer> transcriptsByLanguage() throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("aggs").putObject("langs").putObject("terms").put("field", Fields.LANG).put("size", 1000);
    Map<String, Integer> out = new TreeMap<>();
    for (JsonNode b : search(body).path("aggregations").path("langs").path("buckets")) {
      out.put(b.path("key").asText(), b.path("doc_count").asInt());
    }
    return out;
  }

  @Override
  public long cues() throws IOException {
    ObjectNode body = Cluster.JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("aggs").putObject("cues").putObject("sum").put("field", Fields.CUES);
    return search(body).path("aggregations").path("cues").path("value").asLong(0);
  }

  @Override
  public void close() {
    // nothing held: every call is its own request
  }
}
