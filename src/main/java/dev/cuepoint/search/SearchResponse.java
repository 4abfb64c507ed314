package dev.cuepoint.search;

import java.util.List;

/**
 * The answer to a search: {@code total} matching videos, this page of them, and — when a word of the
 * query is not in the index — a {@code suggestion} to try instead. {@code mode} says how it was
 * ranked ({@code keyword}, {@code semantic}, {@code hybrid}).
 */
public record SearchResponse(
    String query, long total, long tookMs, List<VideoHit> results, String suggestion, String mode) {
  public SearchResponse {
    results = List.copyOf(results);
  }

  public SearchResponse(String query, long total, long tookMs, List<VideoHit> results, String suggestion) {
    this(query, total, tookMs, results, suggestion, "keyword");
  }

  /** This answer, having taken {@code ms}. */
  public SearchResponse took(long ms) {
    return new SearchResponse(query, total, ms, results, suggestion, mode);
  }

  /** This answer, said to be ranked in {@code newMode}, having taken {@code ms}. */
  public SearchResponse as(SearchRequest.Mode newMode, long ms) {
    return new SearchResponse(query, total, ms, results, suggestion, newMode.name().toLowerCase(java.util.Locale.ROOT));
  }
}
