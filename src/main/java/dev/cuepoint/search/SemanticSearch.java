package dev.cuepoint.search;

import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Finds moments by meaning: the query is embedded with the same model as the passages, the nearest
 * passages come from the HNSW graph of the {@link PassageIndex}, and they are grouped per video in the
 * shape of a keyword answer. A semantic moment starts where its passage starts and shows the passage.
 * Thread-safe.
 */
public final class SemanticSearch {
  /** Nearest passages fetched per video wanted on the page (at least {@link #MIN_CANDIDATES}). */
  static final int CANDIDATES_PER_VIDEO = 8;

  static final int MIN_CANDIDATES = 100;
  static final int MAX_CANDIDATES = 2_000;

  private final KeywordIndex videos;
  private final PassageIndex passages;
  private final Embedder embedder;
  private final Map<String, float[]> recentQueries = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > 256; // paging and repeated searches skip the model
        }
      });

  public SemanticSearch(KeywordIndex videos, PassageIndex passages, Embedder embedder) {
    this.videos = videos;
    this.passages = passages;
    this.embedder = embedder;
  }

  /** One passage found by meaning. */
  record Found(String videoId, double start, double end, String text, String lang, String kind, float score) {}

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    int wanted = request.offset() + request.limit();
    List<Found> found = nearest(request, candidates(wanted));
    Map<String, List<Found>> byVideo = new LinkedHashMap<>();
    for (Found f : found) {
      byVideo.computeIfAbsent(f.videoId(), id -> new ArrayList<>()).add(f);
    }
    List<VideoHit> hits = new ArrayList<>();
    try (KeywordIndex.View s = videos.view()) {
      int rank = 0;
      for (Map.Entry<String, List<Found>> e : byVideo.entrySet()) {
        if (rank++ < request.offset()) {
          continue;
        }
        if (hits.size() == request.limit()) {
          break;
        }
        List<Found> fs = e.getValue();
        List<Moment> moments = fs.stream().limit(request.momentsPerVideo())
            .map(f -> moment(request.query(), f)).toList();
        VideoHit hit = VideoCards.of(s, e.getKey(), fs.getFirst().score(), fs.size(), moments, Moment.MEANING);
        if (hit != null) {
          hits.add(hit);
        }
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new SearchResponse(request.query(), byVideo.size(), ms, hits, null, "semantic", null);
  }

  static int candidates(int videosWanted) {
    return Math.clamp((long) videosWanted * CANDIDATES_PER_VIDEO, MIN_CANDIDATES, MAX_CANDIDATES);
  }

  /** The {@code k} passages nearest the query that pass the request's filters, nearest first. */
  List<Found> nearest(SearchRequest request, int k) throws IOException {
    float[] q = vector(request.query());
    Query knn = new KnnFloatVectorQuery(Fields.VECTOR, q, k, filter(request));
    IndexSearcher s = passages.acquire();
    try {
      List<Found> out = new ArrayList<>();
      for (ScoreDoc sd : s.search(knn, k).scoreDocs) {
        Document d = s.storedFields().document(sd.doc, STORED);
        out.add(new Found(d.get(Fields.ID), d.getField(Fields.START_MS).numericValue().longValue() / 1000.0,
            d.getField(Fields.END_MS).numericValue().longValue() / 1000.0, d.get(Fields.PASSAGE),
            d.get(Fields.LANG), d.get(Fields.CAPTIONS), sd.score));
      }
      return out;
    } finally {
      passages.release(s);
    }
  }

  private static final Set<String> STORED =
      Set.of(Fields.ID, Fields.START_MS, Fields.END_MS, Fields.PASSAGE, Fields.LANG, Fields.CAPTIONS);

  private float[] vector(String query) {
    String text = plain(query);
    if (text.isBlank()) {
      throw new InvalidQueryException("the query has no words to search for by meaning");
    }
    // embedded outside the map's lock: concurrent searches must not wait for each other's model runs
    float[] known = recentQueries.get(text);
    if (known != null) {
      return known;
    }
    float[] v = embedder.embed(text);
    recentQueries.put(text, v);
    return v;
  }

  /** The query's words without the keyword syntax ({@code "…"}, {@code field:}, {@code ~}, {@code *}, {@code ?}). */
  static String plain(String query) {
    return query.replaceAll("\\b(title|chapter|description|channel|transcript):", " ")
        .replaceAll("[\"*?~^()\\[\\]{}]", " ")
        .replaceAll("(^|\\s)[-+](?=\\S)", "$1")
        .replaceAll("\\s+", " ")
        .strip();
  }

  static Moment moment(String query, Found f) {
    return new Moment(f.start(), f.end(), Links.watch(f.videoId(), Math.round(f.start() * 1000)), f.text(),
        PassageHighlights.of(plain(query), f.text()), f.lang(), "transcript", f.kind(), Moment.MEANING);
  }

  /** The request's filters over the passage index (same fields and meaning as the keyword index's). */
  static Query filter(SearchRequest r) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean any = false;
    if (r.playlist() != null) {
      b.add(new TermQuery(new Term(Fields.PLAYLIST, r.playlist())), Occur.FILTER);
      any = true;
    }
    if (r.lang() != null) {
      b.add(r.lang().contains("-")
          ? new TermQuery(new Term(Fields.LANG, r.lang()))
          : new TermQuery(new Term(Fields.LANG_PRIMARY, Languages.primary(r.lang()))), Occur.FILTER);
      any = true;
    }
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : startOfDay(r.from());
      long to = r.to() == null ? Long.MAX_VALUE : startOfDay(r.to().plusDays(1)) - 1;
      b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), Occur.FILTER);
      any = true;
    }
    return any ? b.build() : null;
  }

  private static long startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
