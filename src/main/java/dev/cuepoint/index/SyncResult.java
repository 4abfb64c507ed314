package dev.cuepoint.index;

import java.util.List;

/**
 * What one index update did.
 *
 * @param added videos new to the index
 * @param updated videos re-indexed because their corpus entry changed
 * @param deleted videos removed because they left the corpus
 * @param unchanged videos left as they were
 * @param failures one line per video that could not be indexed (id and reason)
 * @param tookMs wall time of the update
 */
public record SyncResult(
    int added, int updated, int deleted, int unchanged, List<String> failures, long tookMs) {
  public SyncResult {
    failures = List.copyOf(failures);
  }

  public boolean changed() {
    return added + updated + deleted > 0;
  }

  /** One line for people: "index: 3 added, 1 updated, 0 removed, 131 unchanged, 0 failed (412 ms)". */
  public String summary() {
    return "index: %d added, %d updated, %d removed, %d unchanged, %d failed (%d ms)"
        .formatted(added, updated, deleted, unchanged, failures.size(), tookMs);
  }
}
