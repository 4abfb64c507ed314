package dev.cuepoint.search;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One search, as the CLI and the HTTP API take it.
 *
 * @param query what the user typed (see {@link QuerySyntax})
 * @param limit videos per page, 1–100
 * @param offset videos to skip (paging), 0–10,000
 * @param playlist only videos in this playlist, or null
 * @param lang only transcripts in this language (and moments in it), or null for all
 * @param from only videos published on or after this day (UTC), or null
 * @param to only videos published on or before this day (UTC), or null
 * @param sort relevance or newest first
 * @param momentsPerVideo the best moments returned per video, 1–100 ({@code momentsTotal} counts all)
 * @param preferredLanguages languages whose moments come first (from a setting or Accept-Language),
 *     most preferred first; empty for none
 * @param mode keyword, semantic or hybrid ranking (see {@link ModeSearch}); null for the server's default
 * @param videoId only this video (its moments for the query, wherever it would rank), or null for all
 */
public record SearchRequest(
    String query,
    int limit,
    int offset,
    String playlist,
    String lang,
    LocalDate from,
    LocalDate to,
    Sort sort,
    int momentsPerVideo,
    java.util.List<String> preferredLanguages,
    Mode mode,
    String videoId) {
  public static final int MAX_LIMIT = 100;
  public static final int MAX_OFFSET = 10_000;

  /** Result order. */
  public enum Sort {
    RELEVANCE,
    DATE
  }

  /**
   * How moments are found: by the words said ({@code KEYWORD}, BM25 and match positions), by meaning
   * ({@code SEMANTIC}, passage embeddings), or words first and meaning for the rest ({@code HYBRID}).
   */
  public enum Mode {
    KEYWORD,
    SEMANTIC,
    HYBRID
  }

  public SearchRequest {
    Objects.requireNonNull(query, "query");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new InvalidQueryException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
    }
    if (momentsPerVideo < 1 || momentsPerVideo > 100) {
      throw new InvalidQueryException("moments must be between 1 and 100, got " + momentsPerVideo);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidQueryException("the date range is empty: 'from' " + from + " is after 'to' " + to);
    }
    playlist = blankToNull(playlist);
    lang = blankToNull(lang);
    videoId = blankToNull(videoId);
    sort = sort == null ? Sort.RELEVANCE : sort;
    preferredLanguages = preferredLanguages == null ? java.util.List.of() : java.util.List.copyOf(preferredLanguages);
  }

  /** Over every video. */
  public SearchRequest(String query, int limit, int offset, String playlist, String lang, LocalDate from,
      LocalDate to, Sort sort, int momentsPerVideo, java.util.List<String> preferredLanguages, Mode mode) {
    this(query, limit, offset, playlist, lang, from, to, sort, momentsPerVideo, preferredLanguages, mode, null);
  }

  public SearchRequest(String query, int limit, int offset, String playlist, String lang, LocalDate from,
      LocalDate to, Sort sort, int momentsPerVideo) {
    this(query, limit, offset, playlist, lang, from, to, sort, momentsPerVideo, java.util.List.of());
  }

  /** A request in the server's default mode. */
  public SearchRequest(String query, int limit, int offset, String playlist, String lang, LocalDate from,
      LocalDate to, Sort sort, int momentsPerVideo, java.util.List<String> preferredLanguages) {
    this(query, limit, offset, playlist, lang, from, to, sort, momentsPerVideo, preferredLanguages, null);
  }

  public SearchRequest withMode(Mode newMode) {
    return new SearchRequest(query, limit, offset, playlist, lang, from, to, sort, momentsPerVideo,
        preferredLanguages, newMode, videoId);
  }

  /** The same search over one video only, or over all when {@code id} is null. */
  public SearchRequest inVideo(String id) {
    return new SearchRequest(query, limit, offset, playlist, lang, from, to, sort, momentsPerVideo,
        preferredLanguages, mode, id);
  }

  /** The same search for a page of {@code newLimit} videos from the first, with up to {@code moments} each. */
  public SearchRequest firstPage(int newLimit, int moments) {
    return new SearchRequest(query, newLimit, 0, playlist, lang, from, to, sort, moments, preferredLanguages, mode,
        videoId);
  }

  /** A plain relevance search: first page of 10 videos, 5 moments each, no filters. */
  public static SearchRequest of(String query) {
    return new SearchRequest(query, 10, 0, null, null, null, null, Sort.RELEVANCE, 5);
  }

  public SearchRequest withLimit(int newLimit) {
    return new SearchRequest(query, newLimit, offset, playlist, lang, from, to, sort, momentsPerVideo,
        preferredLanguages, mode, videoId);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
