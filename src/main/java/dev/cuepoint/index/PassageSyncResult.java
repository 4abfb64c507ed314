package dev.cuepoint.index;

import java.util.List;

/**
 * What one update of the passage index did.
 *
 * @param added videos new to the passage index
 * @param updated videos whose passages were written again (corpus entry, embedder or layout changed)
 * @param deleted videos removed because they left the corpus
 * @param unchanged videos left as they were
 * @param passages passages written
 * @param embedded of those, passages whose text had to be embedded (the rest came from the cache)
 * @param failures one line per video that could not be updated (id and reason)
 * @param stopped whether it stopped early because shutdown asked (what was done is committed)
 * @param tookMs wall time
 */
public record PassageSyncResult(int added, int updated, int deleted, int unchanged, int passages, int embedded,
    List<String> failures, boolean stopped, long tookMs) {
  public PassageSyncResult {
    failures = List.copyOf(failures);
  }

  public boolean changed() {
    return added + updated + deleted > 0;
  }

  /** One line: "vectors: 3 added, 0 updated, 0 removed, 129 unchanged, 0 failed; 96 passages, 12 embedded (5210 ms)". */
  public String summary() {
    return "vectors: %d added, %d updated, %d removed, %d unchanged, %d failed; %d passages, %d embedded%s (%d ms)"
        .formatted(added, updated, deleted, unchanged, failures.size(), passages, embedded,
            stopped ? ", stopped early" : "", tookMs);
  }
}
