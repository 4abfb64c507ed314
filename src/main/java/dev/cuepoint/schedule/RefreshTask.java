package dev.cuepoint.schedule;

import java.util.function.BooleanSupplier;

/** One step of a refresh: fetching from a source, or updating the index. */
public interface RefreshTask {
  /** Short name for logs and status: {@code crawl}, {@code import}, {@code index}. */
  String name();

  /**
   * Runs the step.
   *
   * @param stopRequested true once shutdown asks the refresh to stop; long steps check it between
   *     items and return early, leaving what they wrote consistent
   * @return one line with what it did, counts included
   * @throws Exception when the step failed: the refresh ends and the index is not touched
   */
  String run(BooleanSupplier stopRequested) throws Exception;

  /** A task from a name and a body. */
  static RefreshTask of(String name, Body body) {
    return new RefreshTask() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String run(BooleanSupplier stopRequested) throws Exception {
        return body.run(stopRequested);
      }
    };
  }

  /** The work of a task. */
  @FunctionalInterface
  interface Body {
    String run(BooleanSupplier stopRequested) throws Exception;
  }
}
