package dev.cuepoint.crawl;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Says when progress is worth reporting: every {@code every} items, or when {@code interval} passed. */
final class ProgressThrottle {
  private final int every;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private long last;

  ProgressThrottle(int every, Duration interval, LongSupplier nanoTime) {
    if (every < 1) {
      throw new IllegalArgumentException("progress interval must be >= 1 item, got " + every);
    }
    this.every = every;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.last = nanoTime.getAsLong();
  }

  boolean due(int done) {
    long now = nanoTime.getAsLong();
    if (done % every == 0 || now - last >= intervalNanos) {
      last = now;
      return true;
    }
    return false;
  }
}
