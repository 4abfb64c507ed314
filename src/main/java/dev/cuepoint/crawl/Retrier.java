package dev.cuepoint.crawl;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call that failed in a way worth repeating ({@link ApiException#retryable()}: 5xx, 429,
 * rate limits, timeouts, dropped connections) with bounded exponential backoff and jitter: before
 * attempt n+1 it waits between half and all of {@code min(cap, base·2^(n-1))}, so clients that
 * failed together do not come back together. Other failures, and the last one, are thrown.
 */
final class Retrier {
  private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

  /** A call to repeat. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException;
  }

  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  Retrier(int maxAttempts, Duration base, Duration cap, Sleeper sleeper, RandomGenerator random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= base <= cap, got base " + base + " and cap " + cap);
    }
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** 5 attempts, 1 s doubling up to 32 s: at most about a minute on one call. */
  static Retrier standard(Sleeper sleeper, RandomGenerator random) {
    return new Retrier(5, Duration.ofSeconds(1), Duration.ofSeconds(32), sleeper, random);
  }

  <T> T call(String what, Call<T> call) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (ApiException e) {
        if (!e.retryable() || attempt >= maxAttempts) {
          throw e;
        }
        Duration pause = pause(attempt);
        LOG.info(
            "{}: {} - retrying in {} ms (attempt {} of {})",
            what, e.getMessage(), pause.toMillis(), attempt + 1, maxAttempts);
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          InterruptedIOException stop = new InterruptedIOException("interrupted while waiting to retry " + what);
          stop.initCause(e);
          throw stop;
        }
      }
    }
  }

  /** The pause after failed attempt {@code attempt} (1-based). */
  Duration pause(int attempt) {
    long ceiling = base.toMillis() << Math.min(attempt - 1, 30);
    ceiling = Math.min(ceiling, cap.toMillis());
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
  }
}
