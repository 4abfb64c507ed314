package dev.cuepoint.web;

import dev.cuepoint.schedule.RefreshRun;
import dev.cuepoint.schedule.RefreshStep;
import java.util.List;
import java.util.Locale;

/** A refresh as the API shows it: times as ISO-8601 text, the result in lower case. */
record RefreshView(
    String id,
    String trigger,
    String result,
    String startedAt,
    String endedAt,
    String currentStep,
    List<RefreshStep> steps,
    String summary) {

  static RefreshView of(RefreshRun r) {
    return new RefreshView(r.id(), r.trigger(), r.state().name().toLowerCase(Locale.ROOT),
        r.startedAt().toString(), r.endedAt() == null ? null : r.endedAt().toString(), r.currentStep(),
        r.steps(), r.summary());
  }
}
