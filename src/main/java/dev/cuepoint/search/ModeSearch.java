package dev.cuepoint.search;

import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;

/**
 * Every search goes through here: it runs the request in its {@link SearchRequest.Mode} — keyword,
 * semantic or hybrid — or in the default mode when the request names none. Without a passage index
 * (embeddings switched off) only keyword search is available, and the default is keyword.
 */
public final class ModeSearch {
  /** The mode of requests that name none, when semantic search is available. */
  public static final SearchRequest.Mode DEFAULT = SearchRequest.Mode.HYBRID;

  private final SearchService keyword;
  private final SemanticSearch semantic; // null when off
  private final HybridSearch hybrid; // null when off
  private final String offReason;
  private final PassageIndex passages; // null when off

  private ModeSearch(SearchService keyword, SemanticSearch semantic, HybridSearch hybrid, String offReason,
      PassageIndex passages) {
    this.keyword = keyword;
    this.semantic = semantic;
    this.hybrid = hybrid;
    this.offReason = offReason;
    this.passages = passages;
  }

  /** Keyword search only; asking for another mode is a bad request that says {@code why}. */
  public static ModeSearch keywordOnly(SearchService keyword, String why) {
    return new ModeSearch(keyword, null, null, why, null);
  }

  public static ModeSearch of(KeywordIndex videos, SearchService keyword, PassageIndex passages, Embedder embedder) {
    return of(videos, keyword, passages, embedder, SemanticSearch.Tuning.forModel(embedder));
  }

  /** With meaning-search ranked as {@code tuning} says (the evaluation tries several). */
  public static ModeSearch of(KeywordIndex videos, SearchService keyword, PassageIndex passages, Embedder embedder,
      SemanticSearch.Tuning tuning) {
    SemanticSearch semantic = new SemanticSearch(videos, passages, embedder, tuning);
    return new ModeSearch(keyword, semantic, new HybridSearch(keyword, semantic, videos), null, passages);
  }

  /**
   * An object that stays equal while the request's answer stays the same (see {@link KeywordIndex#state()}):
   * the keyword index's state, with the passage index's for semantic and hybrid searches; null when the
   * keyword index cannot tell.
   */
  public Object state(SearchRequest request) throws IOException {
    Object videos = keyword.index().state();
    SearchRequest.Mode mode = request.mode() == null ? defaultMode() : request.mode();
    if (videos == null || passages == null || mode == SearchRequest.Mode.KEYWORD) {
      return videos;
    }
    return java.util.List.of(videos, passages.state());
  }

  /** Whether semantic and hybrid modes are available. */
  public boolean semanticAvailable() {
    return semantic != null;
  }

  /** How far the passage vectors are with the corpus; null when semantic search is off (see {@link #offReason()}). */
  public dev.cuepoint.index.PassageProgress progress() {
    return passages == null ? null : passages.progress();
  }

  /** Where a damaged passage index found at start was moved (it is being rebuilt), or null. */
  public java.nio.file.Path passagesMovedAside() {
    return passages == null ? null : passages.movedAside();
  }

  /** Why semantic search is off; null when it is on. */
  public String offReason() {
    return semantic == null ? offReason : null;
  }

  /** The mode used for a request that names none. */
  public SearchRequest.Mode defaultMode() {
    return semantic == null ? SearchRequest.Mode.KEYWORD : DEFAULT;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    SearchRequest.Mode mode = request.mode() == null ? defaultMode() : request.mode();
    return switch (mode) {
      case KEYWORD -> {
        SearchResponse r = keyword.search(request);
        yield r.as(SearchRequest.Mode.KEYWORD, r.tookMs());
      }
      case SEMANTIC -> available().search(request);
      case HYBRID -> {
        available();
        yield hybrid.search(request);
      }
    };
  }

  /**
   * Every moment of one video for a search (up to its {@code momentsPerVideo}), independent of where the
   * video ranks: the video's card as the search would show it, or null when the search does not find it.
   */
  public VideoHit moments(SearchRequest request, String videoId) throws IOException {
    SearchRequest one = request.inVideo(videoId).firstPage(1, request.momentsPerVideo());
    SearchRequest.Mode mode = request.mode() == null ? defaultMode() : request.mode();
    return switch (mode) {
      case KEYWORD -> first(keyword.search(one));
      case SEMANTIC -> first(available().search(one));
      case HYBRID -> {
        available();
        yield hybrid.inVideo(one);
      }
    };
  }

  private static VideoHit first(SearchResponse r) {
    return r.results().isEmpty() ? null : r.results().getFirst();
  }

  private SemanticSearch available() {
    if (semantic == null) {
      throw new InvalidQueryException("mode 'semantic' and 'hybrid' are not available here: " + offReason
          + "; use mode=keyword");
    }
    return semantic;
  }
}
