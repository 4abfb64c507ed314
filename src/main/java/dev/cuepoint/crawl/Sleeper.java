package dev.cuepoint.crawl;

import java.time.Duration;

/** Waits between retries; tests pass one that only records the pauses. */
@FunctionalInterface
public interface Sleeper {
  /** Really waits. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration d) throws InterruptedException;
}
