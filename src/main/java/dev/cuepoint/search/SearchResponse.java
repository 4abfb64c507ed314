package dev.cuepoint.search;

import java.util.List;

/**
 * The answer to a search: {@code total} matching videos, this page of them, and — when a word of the
 * query is not in the index — a {@code suggestion} to try instead. {@code mode} says how it was
 * ranked ({@code keyword}, {@code semantic}, {@code hybrid}). {@code wordMatches} is how many videos
 * hold every required word or phrase of the query (filters applied): {@code total} for a one-word
 * query, fewer when videos holding only some of the words count too; null when no words were looked
 * for (semantic mode).
 */
public record SearchResponse(
    String query,
    long total,
    long tookMs,
    List<VideoHit> results,
    String suggestion,
    String mode,
    Long wordMatches) {
  public SearchResponse {
    results = List.copyOf(results);
    if (wordMatches != null && wordMatches < 0) {
      throw new IllegalArgumentException("wordMatches must be >= 0, got " + wordMatches);
    }
  }

  /** This answer, having taken {@code ms}. */
  public SearchResponse took(long ms) {
    return new SearchResponse(query, total, ms, results, suggestion, mode, wordMatches);
  }

  /** This answer, said to be ranked in {@code newMode}, having taken {@code ms}. */
  public SearchResponse as(SearchRequest.Mode newMode, long ms) {
    return new SearchResponse(query, total, ms, results, suggestion,
        newMode.name().toLowerCase(java.util.Locale.ROOT), wordMatches);
  }
}
