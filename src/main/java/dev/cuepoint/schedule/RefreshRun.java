package dev.cuepoint.schedule;

import java.time.Instant;
import java.util.List;

/**
 * A refresh as it stands: running, or how it ended.
 *
 * @param id short id, for {@code GET /api/admin/refresh/{id}}
 * @param trigger what started it: {@code schedule}, {@code admin}
 * @param state running, succeeded, failed or stopped
 * @param startedAt when it started
 * @param endedAt when it ended, null while running
 * @param currentStep the step running now, null when none
 * @param steps the steps finished so far
 * @param summary one line for people, once ended
 */
public record RefreshRun(
    String id,
    String trigger,
    State state,
    Instant startedAt,
    Instant endedAt,
    String currentStep,
    List<RefreshStep> steps,
    String summary) {
  public RefreshRun {
    steps = List.copyOf(steps);
  }

  /** Where a refresh is. */
  public enum State {
    RUNNING,
    SUCCEEDED,
    /** A step failed; the index was left as it was. */
    FAILED,
    /** Stopped at a safe point by shutdown; the index was left as it was. */
    STOPPED
  }
}
