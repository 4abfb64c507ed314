package dev.cuepoint.search;

import java.util.List;

/**
 * The answer to a search: {@code total} matching videos, this page of them, and — when a word of the
 * query is not in the index — a {@code suggestion} to try instead.
 */
public record SearchResponse(
    String query, long total, long tookMs, List<VideoHit> results, String suggestion) {
  public SearchResponse {
    results = List.copyOf(results);
  }
}
