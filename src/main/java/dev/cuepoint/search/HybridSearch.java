package dev.cuepoint.search;

import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.search.QuerySyntax.Group;
import dev.cuepoint.search.QuerySyntax.Kind;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import dev.cuepoint.search.QuerySyntax.Target;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The default mode: words first, meaning for the rest. It never answers worse than keyword search on a
 * query of words, and lands on the answer when the question is in the asker's own words:
 *
 * <ol>
 *   <li>A query written in the query language (a quoted phrase, {@code title:}, {@code -word},
 *       {@code OR}, wildcards, fuzzy words) asks for words: it is answered by keyword search alone.
 *   <li>A short query ({@link #KEYWORD_QUERY_WORDS} words at most, as people type keywords) whose
 *       words are all found in a video is answered as keyword search answers it.
 *   <li>Otherwise videos with a moment that holds every word of the query (the asker quoted the talk
 *       from memory) come first, in keyword order with their keyword moments.
 *   <li>The rest is ranked by meaning, helped by the keyword ranking: a video's score is its meaning
 *       score (see {@link SemanticSearch}; scaled so that the best video has 1 and a video at the floor
 *       0) plus {@link SemanticSearch.Tuning#keywordWeight()} for the first video of the keyword
 *       ranking, halved at rank {@link SemanticSearch.Tuning#keywordRanks()}, and so on. Their moments are the passages nearest
 *       the question inside each video. Videos that only keyword search found (some words, nothing
 *       near by meaning) follow, so nothing keyword search shows is lost.
 * </ol>
 *
 * A query no video is about, by words or meaning, gets no results. Thread-safe.
 */
public final class HybridSearch {
  /** A query of this many words or fewer, all found in a video, is read as keywords. */
  static final int KEYWORD_QUERY_WORDS = 4;

  /** Videos taken from keyword search to fuse, at least. */
  public static final int KEYWORD_VIDEOS = 20;

  private final SearchService keyword;
  private final SemanticSearch semantic;
  private final KeywordIndex videos;

  /** Runs the meaning half of searches; daemon threads, as many as there are searches at once. */
  private static final ExecutorService HALVES = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "cuepoint-hybrid");
    t.setDaemon(true);
    return t;
  });

  public HybridSearch(SearchService keyword, SemanticSearch semantic, KeywordIndex videos) {
    this.keyword = keyword;
    this.semantic = semantic;
    this.videos = videos;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    ParsedQuery parsed = parseLeniently(request.query());
    if (parsed != null && asksForWords(parsed)) {
      SearchResponse words = keyword.search(request.withMode(SearchRequest.Mode.KEYWORD));
      return words.as(SearchRequest.Mode.HYBRID, (System.nanoTime() - t0) / 1_000_000);
    }
    if (request.sort() == SearchRequest.Sort.DATE) {
      return newestFirst(request, t0);
    }
    int wanted = request.offset() + request.limit();
    int groups = parsed == null ? 0 : parsed.required().size();
    // the two halves are independent: the meaning half runs (and embeds the query) on another thread,
    // except for a few words, which keyword search often answers alone: then the keyword half goes
    // first, and the meaning half (the embedding model: loading it is most of a CLI search) only runs
    // when the words are not all found
    Future<List<SemanticSearch.VideoScore>> meaningFuture = groups <= KEYWORD_QUERY_WORDS ? null
        : HALVES.submit(() -> semantic.videos(request, wanted));
    SearchResponse words;
    try {
      words = keywordPart(request, wanted);
    } catch (IOException | RuntimeException e) {
      if (meaningFuture != null) {
        meaningFuture.cancel(false);
      }
      throw e;
    }

    if (groups <= KEYWORD_QUERY_WORDS && !words.results().isEmpty() && allWords(words.results().getFirst())) {
      // a few words, all found: keywords, answered as keyword search answers them (its first videos are the page)
      if (wanted > words.results().size() && words.total() > words.results().size()) {
        SearchResponse deep = keyword.search(request.withMode(SearchRequest.Mode.KEYWORD));
        return deep.as(SearchRequest.Mode.HYBRID, (System.nanoTime() - t0) / 1_000_000);
      }
      List<VideoHit> page = words.results().subList(Math.min(request.offset(), words.results().size()),
          Math.min(wanted, words.results().size()));
      return new SearchResponse(request.query(), words.total(), (System.nanoTime() - t0) / 1_000_000, page,
          words.suggestion(), "hybrid", words.wordMatches());
    }
    List<SemanticSearch.VideoScore> meaning = meaningFuture != null ? join(meaningFuture)
        : semantic.videos(request, wanted);
    List<VideoHit> first = new ArrayList<>(); // every word in one moment: keyword order, keyword moments
    List<VideoHit> partial = new ArrayList<>();
    for (VideoHit v : words.results()) {
      if (allWords(v) && wordsInOneMoment(v)) {
        first.add(v);
      } else {
        partial.add(v);
      }
    }

    Set<String> taken = new HashSet<>();
    first.forEach(v -> taken.add(v.videoId()));
    Map<String, Double> fused = byMeaning(meaning, words.results(), taken);
    List<String> byMeaning = List.copyOf(fused.keySet());
    List<VideoHit> wordsOnly = partial.stream().filter(v -> !fused.containsKey(v.videoId())).toList();

    int total = first.size() + byMeaning.size() + wordsOnly.size();
    List<VideoHit> hits = new ArrayList<>();
    int at = 0;
    try (KeywordIndex.View s = videos.view()) {
      WordCover cover = WordCover.of(request.query(), s);
      for (VideoHit v : first) {
        if (at++ >= request.offset() && hits.size() < request.limit()) {
          hits.add(v);
        }
      }
      for (String id : byMeaning) {
        if (hits.size() == request.limit()) {
          break;
        }
        if (at++ >= request.offset()) {
          VideoHit hit = semantic.withMoments(s, request, id, fused.get(id), cover);
          if (hit != null) {
            hits.add(hit);
          }
        }
      }
      for (VideoHit v : wordsOnly) {
        if (hits.size() == request.limit()) {
          break;
        }
        if (at++ >= request.offset()) {
          hits.add(v);
        }
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new SearchResponse(request.query(), total, ms, hits, words.suggestion(), "hybrid", words.wordMatches());
  }

  /**
   * The videos found by meaning but not {@code taken}, best first, each with its score: its meaning
   * score on one scale whatever the model (the best video 1, a video at the floor 0) plus the help of
   * its keyword rank.
   */
  private Map<String, Double> byMeaning(List<SemanticSearch.VideoScore> meaning, List<VideoHit> keywordOrder,
      Set<String> taken) {
    SemanticSearch.Tuning tuning = semantic.tuning();
    Map<String, Integer> keywordRank = new HashMap<>();
    for (int i = 0; i < keywordOrder.size(); i++) {
      keywordRank.put(keywordOrder.get(i).videoId(), i);
    }
    double span = meaning.isEmpty() ? 0 : meaning.getFirst().score() - tuning.floor();
    Map<String, Double> scores = new HashMap<>();
    for (SemanticSearch.VideoScore v : meaning) {
      if (!taken.contains(v.videoId())) {
        Integer r = keywordRank.get(v.videoId());
        double help = r == null ? 0 : tuning.keywordWeight() * tuning.keywordRanks() / (tuning.keywordRanks() + r);
        scores.put(v.videoId(), (span > 0 ? (v.score() - tuning.floor()) / span : 1) + help);
      }
    }
    Map<String, Double> ordered = new java.util.LinkedHashMap<>();
    scores.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  /**
   * One video's moments as {@link #search} would show them were the video on the page, wherever it ranks:
   * the choices {@code search} makes over the whole result list (is the query keywords? does any video
   * hold every word?) are made the same way, the rest over this video alone. {@code request} names the
   * video ({@link SearchRequest#videoId()}); null when the query does not find it.
   */
  public VideoHit inVideo(SearchRequest request) throws IOException {
    SearchRequest all = request.inVideo(null).firstPage(1, 1).withMode(SearchRequest.Mode.KEYWORD);
    ParsedQuery parsed = parseLeniently(request.query());
    if (parsed != null && asksForWords(parsed)) {
      return first(keyword.search(request.withMode(SearchRequest.Mode.KEYWORD)));
    }
    if (request.sort() == SearchRequest.Sort.DATE) {
      SearchResponse words;
      try {
        words = keyword.search(all);
      } catch (InvalidQueryException e) {
        return first(semantic.search(request));
      }
      return words.wordMatches() != null && words.wordMatches() > 0
          ? first(keyword.search(request.withMode(SearchRequest.Mode.KEYWORD)))
          : first(semantic.search(request));
    }
    SearchResponse here = keywordPart(request, 1);
    VideoHit v = first(here);
    int groups = parsed == null ? 0 : parsed.required().size();
    if (groups <= KEYWORD_QUERY_WORDS) {
      SearchResponse top = keywordPart(request.inVideo(null).firstPage(1, 1), 1); // its first video's label only
      if (!top.results().isEmpty() && allWords(top.results().getFirst())) {
        return v; // the whole search is answered as keyword search answers it
      }
    }
    if (v != null && allWords(v) && wordsInOneMoment(v)) {
      return v;
    }
    try (KeywordIndex.View s = videos.view()) {
      VideoHit meaning = semantic.withMoments(s, request, request.videoId(), v == null ? 0 : v.score(),
          WordCover.of(request.query(), s));
      return meaning != null && meaning.momentsTotal() > 0 ? meaning : v;
    }
  }

  private static VideoHit first(SearchResponse r) {
    return r.results().isEmpty() ? null : r.results().getFirst();
  }

  private static boolean allWords(VideoHit v) {
    return Moment.WORDS.equals(v.match());
  }

  private static boolean wordsInOneMoment(VideoHit v) {
    return v.moments().stream().anyMatch(m -> Moment.WORDS.equals(m.match()));
  }

  /**
   * Newest first: when some video holds every word, the videos keyword search finds, sorted by date as
   * it sorts them; else the videos about the query by meaning, newest first.
   */
  private SearchResponse newestFirst(SearchRequest request, long t0) throws IOException {
    SearchResponse words;
    try {
      words = keyword.search(request.withMode(SearchRequest.Mode.KEYWORD));
    } catch (InvalidQueryException e) { // a question the query language cannot read: by meaning
      return semantic.search(request).as(SearchRequest.Mode.HYBRID, (System.nanoTime() - t0) / 1_000_000);
    }
    if (words.wordMatches() != null && words.wordMatches() > 0) {
      return words.as(SearchRequest.Mode.HYBRID, (System.nanoTime() - t0) / 1_000_000);
    }
    SearchResponse meaning = semantic.search(request);
    return new SearchResponse(request.query(), meaning.total(), (System.nanoTime() - t0) / 1_000_000,
        meaning.results(), words.suggestion(), "hybrid", words.wordMatches());
  }

  /** The parsed query, or null when the query language refuses it (it is then searched by its plain words). */
  private static ParsedQuery parseLeniently(String query) {
    try {
      return QuerySyntax.parse(asWords(query));
    } catch (InvalidQueryException e) {
      return null;
    }
  }

  /** Whether the query uses the query language: a phrase, a field, an exclusion, OR, a wildcard or fuzzy word. */
  static boolean asksForWords(ParsedQuery parsed) {
    for (Group g : parsed.groups()) {
      if (g.excluded() || g.anyOf().size() > 1) {
        return true;
      }
      for (QuerySyntax.Term t : g.anyOf()) {
        if (t.kind() != Kind.WORD || t.target() != Target.ANY) {
          return true;
        }
      }
    }
    return false;
  }

  /** A question typed in plain words often ends in "?", which the query language reads as a wildcard. */
  private static String asWords(String query) {
    String q = query.replaceAll("\\?(?=\\s|$)", " ").strip();
    return q.isEmpty() ? query : q;
  }

  /**
   * The keyword side: enough videos to fuse, a query the keyword syntax refuses searched by its plain
   * words.
   */
  private SearchResponse keywordPart(SearchRequest request, int wanted) throws IOException {
    int videosWanted = Math.min(SearchRequest.MAX_LIMIT, Math.max(KEYWORD_VIDEOS, wanted));
    SearchRequest r = new SearchRequest(asWords(request.query()), videosWanted, 0, request.playlist(),
        request.lang(), request.from(), request.to(), SearchRequest.Sort.RELEVANCE, request.momentsPerVideo(),
        request.preferredLanguages(), SearchRequest.Mode.KEYWORD, request.videoId());
    try {
      return keyword.search(r);
    } catch (InvalidQueryException e) {
      String plain = SemanticSearch.plain(request.query());
      if (plain.isBlank()) {
        throw e;
      }
      return keyword.search(new SearchRequest(plain, videosWanted, 0, request.playlist(), request.lang(),
          request.from(), request.to(), SearchRequest.Sort.RELEVANCE, request.momentsPerVideo(),
          request.preferredLanguages(), SearchRequest.Mode.KEYWORD, request.videoId()));
    }
  }

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
}
