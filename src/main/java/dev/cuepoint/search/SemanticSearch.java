package dev.cuepoint.search;

import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.SearchQuery.Occur;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds moments by meaning, in two steps: first the videos, then the moments inside them. The query is
 * embedded with the same model as the passages; the nearest passages of the whole library (HNSW graph
 * of the {@link PassageIndex}) elect the videos, each by its nearest passage. Then
 * every passage of each chosen video is compared with the query (an exact search inside the video),
 * and its best ones, no two overlapping, are its moments. Passages below {@link Tuning#floor()} count
 * for nothing: a query nothing in the library is about (nonsense, a topic never taught) finds nothing.
 * Thread-safe.
 */
public final class SemanticSearch {
  /** Nearest passages fetched to elect videos, at least. */
  static final int MIN_CANDIDATES = 200;

  static final int MAX_CANDIDATES = 2_000;

  /** Moments of one video closer than this (start to start) are one moment: their windows overlap. */
  static final double DISTINCT_S = 15;

  /** Videos found by meaning kept for sorting by date or paging. */
  static final int MAX_VIDEOS = 200;

  private final KeywordIndex videos;
  private final PassageIndex passages;
  private final Embedder embedder;
  private final Tuning tuning;
  private final Map<String, float[]> recentQueries = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
          return size() > 256; // paging and repeated searches skip the model
        }
      });

  /**
   * How meaning-search ranks, as chosen on the tuning half of the evaluation set.
   *
   * @param floor similarity below which a passage is not about the query at all
   * @param keywordWeight in hybrid mode, weight of the keyword ranking against the meaning score
   * @param keywordRanks the keyword rank at which that weight is halved
   * @param wordCover in hybrid mode, weight of a passage's share of the query's rare words (see
   *     {@link WordCover}) added to its similarity when choosing a video's moments
   */
  public record Tuning(double floor, double keywordWeight, double keywordRanks, double wordCover) {
    /** The settings chosen, but the floor: that one is the model's ({@link Embedder#floor()}). */
    public static final Tuning DEFAULT = new Tuning(0, 0.2, 3, 0.3);

    /** These settings for a model: {@link #DEFAULT}'s with its floor. */
    public static Tuning forModel(Embedder embedder) {
      return new Tuning(embedder.floor(), DEFAULT.keywordWeight, DEFAULT.keywordRanks, DEFAULT.wordCover);
    }
  }

  public SemanticSearch(KeywordIndex videos, PassageIndex passages, Embedder embedder) {
    this(videos, passages, embedder, Tuning.forModel(embedder));
  }

  public SemanticSearch(KeywordIndex videos, PassageIndex passages, Embedder embedder, Tuning tuning) {
    this.videos = videos;
    this.passages = passages;
    this.embedder = embedder;
    this.tuning = tuning;
  }

  Tuning tuning() {
    return tuning;
  }

  /** One passage found by meaning. */
  record Found(String videoId, double start, double end, String text, String lang, String kind, float score) {}

  /** A video found by meaning: its score and its passages among the nearest, best first. */
  record VideoScore(String videoId, double score, List<Found> passages) {}

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    List<VideoScore> ranked = videos(request, request.offset() + request.limit());
    List<VideoHit> hits = new ArrayList<>();
    try (KeywordIndex.View s = videos.view()) {
      if (request.sort() == SearchRequest.Sort.DATE) {
        // every video about the query, newest first: cards first (they hold the dates), moments after
        List<VideoHit> all = new ArrayList<>();
        for (VideoScore v : ranked) {
          VideoHit card = VideoCards.of(s, v.videoId(), v.score(), 0, List.of(), Moment.MEANING);
          if (card != null) {
            all.add(card);
          }
        }
        all.sort(Comparator.comparing(VideoHit::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        for (VideoHit card : all.subList(Math.min(request.offset(), all.size()),
            Math.min(request.offset() + request.limit(), all.size()))) {
          hits.add(withMoments(s, request, card.videoId(), card.score()));
        }
      } else {
        for (VideoScore v : ranked.subList(Math.min(request.offset(), ranked.size()),
            Math.min(request.offset() + request.limit(), ranked.size()))) {
          VideoHit hit = withMoments(s, request, v.videoId(), v.score());
          if (hit != null) {
            hits.add(hit);
          }
        }
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new SearchResponse(request.query(), ranked.size(), ms, hits, null, "semantic", null);
  }

  /** A video's card with its moments by meaning, or null when the keyword index does not hold it. */
  VideoHit withMoments(KeywordIndex.View s, SearchRequest request, String videoId, double score) throws IOException {
    return withMoments(s, request, videoId, score, null);
  }

  /**
   * The same, with each passage's similarity raised by {@link Tuning#wordCover()} times its share of
   * the query's words ({@code cover} null: by meaning alone).
   */
  VideoHit withMoments(KeywordIndex.View s, SearchRequest request, String videoId, double score, WordCover cover)
      throws IOException {
    List<Found> inside = inVideo(request, videoId);
    if (cover != null && tuning.wordCover() > 0) {
      inside = new ArrayList<>(inside);
      Map<Found, Double> raised = new java.util.IdentityHashMap<>();
      inside.forEach(f -> raised.put(f, f.score() + tuning.wordCover() * cover.of(f.text())));
      inside.sort(Comparator.comparingDouble(f -> -raised.get(f)));
    }
    List<Moment> moments = distinct(inside, request.momentsPerVideo()).stream()
        .map(f -> moment(request.query(), f)).toList();
    return VideoCards.of(s, videoId, score, distinct(inside, Integer.MAX_VALUE).size(), moments, Moment.MEANING);
  }

  /**
   * The videos about the query, best first: at least {@code wanted} when that many have a passage above
   * the floor (at most {@link #MAX_VIDEOS}).
   */
  List<VideoScore> videos(SearchRequest request, int wanted) throws IOException {
    int k = Math.clamp((long) Math.max(wanted, 10) * 20, MIN_CANDIDATES, MAX_CANDIDATES);
    Map<String, List<Found>> byVideo = new LinkedHashMap<>();
    for (Found f : nearest(request, k)) {
      if (f.score() > tuning.floor()) {
        byVideo.computeIfAbsent(f.videoId(), id -> new ArrayList<>()).add(f);
      }
    }
    List<VideoScore> out = new ArrayList<>();
    // a video scores by its nearest passage (adding its next best ones did worse on the tuning questions)
    byVideo.forEach((id, fs) -> out.add(new VideoScore(id, fs.getFirst().score(), fs)));
    out.sort(Comparator.comparingDouble(v -> -v.score()));
    return out.size() > MAX_VIDEOS ? List.copyOf(out.subList(0, MAX_VIDEOS)) : out;
  }

  /** Every passage of one video that passes the filters, nearest the query first, above the floor. */
  List<Found> inVideo(SearchRequest request, String videoId) throws IOException {
    SearchQuery.BoolBuilder only = SearchQuery.bool()
        .add(new SearchQuery.Term(Fields.ID, videoId), Occur.FILTER);
    SearchQuery f = filter(request);
    if (f != null) {
      only.add(f, Occur.FILTER);
    }
    // a filter this narrow makes the vector query compare every passage of the video: exact, not approximate
    List<Found> out = new ArrayList<>();
    for (Found x : search(vector(request.query()), only.build(), 2_000)) {
      if (x.score() > tuning.floor()) {
        out.add(x);
      }
    }
    return out;
  }

  /** The first {@code n} of {@code ranked} (best first), skipping any that overlaps one taken. */
  static List<Found> distinct(List<Found> ranked, int n) {
    List<Found> out = new ArrayList<>();
    for (Found f : ranked) {
      if (out.size() == n) {
        break;
      }
      if (out.stream().noneMatch(o -> Math.abs(o.start() - f.start()) < DISTINCT_S && o.lang().equals(f.lang()))) {
        out.add(f);
      }
    }
    return out;
  }

  /** The {@code k} passages nearest the query that pass the request's filters, nearest first. */
  List<Found> nearest(SearchRequest request, int k) throws IOException {
    return search(vector(request.query()), filter(request), k);
  }

  private List<Found> search(float[] q, SearchQuery filter, int k) throws IOException {
    List<Found> out = new ArrayList<>();
    for (PassageIndex.Nearest n : passages.nearest(q, k, filter)) {
      out.add(new Found(n.videoId(), n.startMs() / 1000.0, n.endMs() / 1000.0, n.text(), n.lang(), n.kind(),
          n.cosine()));
    }
    return out;
  }

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
    float[] v = embedder.embedQuery(text);
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
  static SearchQuery filter(SearchRequest r) {
    List<SearchQuery> filters = Filters.of(r);
    if (filters.isEmpty()) {
      return null;
    }
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    filters.forEach(f -> b.add(f, Occur.FILTER));
    return b.build();
  }
}
