package dev.cuepoint.search;

import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Keyword and semantic search fused by reciprocal rank at the level of moments. Both lists are made
 * moments in a video at a time: keyword moments ranked round by round (each video's best moment, videos
 * in BM25 order, then each video's second best…), semantic passages by their vector similarity. A keyword moment that
 * falls inside a semantic passage of the same video is the same moment, found twice: its score is the
 * sum of {@code 1/(K + rank)} over both lists, and it keeps the keyword moment's exact time and marked
 * words. Videos are ranked by their best moment; the answer has the keyword answer's shape. Thread-safe.
 */
public final class HybridSearch {
  /** The usual reciprocal-rank-fusion constant: dampens the weight of the very first ranks. */
  static final int K = 60;

  /**
   * Videos and moments per video taken from keyword search, at least: a page of ten rarely uses more,
   * and finding moments is most of a hybrid search's cost (30 × 10 before: same video recall@5 on the
   * evaluation set, moment recall@5 0.671 then, 0.697 now).
   */
  public static final int KEYWORD_VIDEOS = 20;

  public static final int KEYWORD_MOMENTS = 5;

  private final SearchService keyword;
  private final SemanticSearch semantic;
  private final KeywordIndex videos;

  /** Runs the semantic half of searches; daemon threads, as many as there are searches at once. */
  private static final ExecutorService HALVES = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "cuepoint-hybrid");
    t.setDaemon(true);
    return t;
  });

  private static <T> T join(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while searching by meaning", e);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException re -> throw re; // an invalid query stays one
        case Error err -> throw err;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  public HybridSearch(SearchService keyword, SemanticSearch semantic, KeywordIndex videos) {
    this.keyword = keyword;
    this.semantic = semantic;
    this.videos = videos;
  }

  /** A moment found by either side, with its fused score. */
  private static final class Fused {
    final String videoId;
    Moment keywordMoment;
    SemanticSearch.Found passage;
    double score;

    Fused(String videoId) {
      this.videoId = videoId;
    }
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    int wanted = request.offset() + request.limit();
    // the two halves are independent: the nearest passages are looked up (and the query embedded) on
    // another thread while this one runs the keyword search, so a search takes the longer of the two
    Future<List<SemanticSearch.Found>> nearest =
        HALVES.submit(() -> semantic.nearest(request, SemanticSearch.candidates(wanted)));
    SearchResponse words;
    try {
      words = keywordPart(request, wanted);
    } catch (IOException | RuntimeException e) {
      nearest.cancel(false);
      throw e;
    }
    List<SemanticSearch.Found> meaning = join(nearest);

    List<Fused> all = new ArrayList<>();
    Map<String, List<Fused>> byVideo = new HashMap<>();
    // keyword moments ranked round by round: every video's best moment (videos in BM25 order), then
    // every video's second… so that one video's many matches of common words do not fill the top ranks
    int rank = 0;
    for (int round = 0; round < KEYWORD_MOMENTS; round++) {
      for (VideoHit v : words.results()) {
        if (round >= v.moments().size()) {
          continue;
        }
        Fused f = new Fused(v.videoId());
        f.keywordMoment = v.moments().get(round);
        f.score = 1.0 / (K + ++rank);
        all.add(f);
        byVideo.computeIfAbsent(v.videoId(), id -> new ArrayList<>()).add(f);
      }
    }
    rank = 0;
    for (SemanticSearch.Found p : meaning) {
      double s = 1.0 / (K + ++rank);
      Fused same = byVideo.getOrDefault(p.videoId(), List.of()).stream()
          .filter(f -> f.passage == null && f.keywordMoment != null && inside(f.keywordMoment, p))
          .findFirst().orElse(null);
      if (same != null) {
        same.passage = p;
        same.score += s;
      } else {
        Fused f = new Fused(p.videoId());
        f.passage = p;
        f.score = s;
        all.add(f);
        byVideo.computeIfAbsent(p.videoId(), id -> new ArrayList<>()).add(f);
      }
    }

    Map<String, List<Fused>> grouped = new LinkedHashMap<>();
    all.stream().sorted(Comparator.comparingDouble((Fused f) -> -f.score))
        .forEach(f -> grouped.computeIfAbsent(f.videoId, id -> new ArrayList<>()).add(f));
    Map<String, VideoHit> keywordHits = new HashMap<>();
    words.results().forEach(v -> keywordHits.put(v.videoId(), v));

    List<VideoHit> hits = new ArrayList<>();
    try (KeywordIndex.View s = videos.view()) {
      int at = 0;
      for (Map.Entry<String, List<Fused>> e : grouped.entrySet()) {
        if (at++ < request.offset()) {
          continue;
        }
        if (hits.size() == request.limit()) {
          break;
        }
        List<Fused> fs = e.getValue();
        List<Moment> moments = fs.stream().limit(request.momentsPerVideo())
            .map(f -> f.keywordMoment != null ? f.keywordMoment : SemanticSearch.moment(request.query(), f.passage))
            .toList();
        VideoHit k = keywordHits.get(e.getKey());
        int total = fs.size() + (k == null ? 0 : Math.max(0, k.momentsTotal() - k.moments().size()));
        VideoHit hit = k != null
            ? new VideoHit(k.videoId(), k.title(), k.channel(), k.url(), k.thumbnailUrl(), k.publishedAt(),
                k.durationSeconds(), k.playlistIds(), fs.getFirst().score, total, moments, k.match())
            : VideoCards.of(s, e.getKey(), fs.getFirst().score, total, moments, Moment.MEANING);
        if (hit != null) {
          hits.add(hit);
        }
      }
    }
    long total = Math.max(words.total(), grouped.size());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new SearchResponse(request.query(), total, ms, hits, words.suggestion(), "hybrid", words.wordMatches());
  }

  /**
   * The keyword side: enough videos and moments to fuse. A question typed in plain words often ends in
   * "?", which the query language reads as a wildcard; here it is read as punctuation, and a query the
   * keyword syntax refuses is searched by its plain words.
   */
  private SearchResponse keywordPart(SearchRequest request, int wanted) throws IOException {
    int videosWanted = Math.min(SearchRequest.MAX_LIMIT, Math.max(KEYWORD_VIDEOS, wanted));
    String q = request.query().replaceAll("\\?(?=\\s|$)", " ").strip();
    SearchRequest r = new SearchRequest(q.isEmpty() ? request.query() : q, videosWanted, 0, request.playlist(),
        request.lang(), request.from(), request.to(), SearchRequest.Sort.RELEVANCE, KEYWORD_MOMENTS,
        request.preferredLanguages(), SearchRequest.Mode.KEYWORD);
    try {
      return keyword.search(r);
    } catch (InvalidQueryException e) {
      String plain = SemanticSearch.plain(request.query());
      if (plain.isBlank()) {
        throw e;
      }
      return keyword.search(new SearchRequest(plain, videosWanted, 0, request.playlist(), request.lang(),
          request.from(), request.to(), SearchRequest.Sort.RELEVANCE, KEYWORD_MOMENTS, request.preferredLanguages(),
          SearchRequest.Mode.KEYWORD));
    }
  }

  /** Whether a keyword moment starts within a passage (the passage's span, a second of slack). */
  private static boolean inside(Moment m, SemanticSearch.Found p) {
    return m.start() >= p.start() - 1 && m.start() <= p.end();
  }
}
