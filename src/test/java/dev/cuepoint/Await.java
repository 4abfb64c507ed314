package dev.cuepoint;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for what a test needs to have happened, instead of sleeping for a time that is too long on a
 * fast machine and too short on a busy one: polls {@code condition} every 20 ms until it holds, and fails
 * naming what did not happen when {@code timeout} passes first.
 */
public final class Await {
  private Await() {}

  /** A condition that may throw (an HTTP call, an index read). */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /** Returns once {@code condition} holds; fails with {@code what} after {@code timeout}. */
  public static void awaitUntil(String what, Condition condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toMillis() + " ms in vain for: " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The first non-null value {@code value} gives; fails with {@code what} after {@code timeout}. */
  public static <T> T awaitValue(String what, Callable<T> value, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (T v; ; Thread.sleep(20)) {
      if ((v = value.call()) != null) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + timeout.toMillis() + " ms in vain for: " + what);
      }
    }
  }
}
