package dev.cuepoint.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latency percentiles and throughput of one load run, in milliseconds and requests per second.
 *
 * @param errors requests that failed (non-2xx or an exception); counted, never timed
 */
record Latencies(double p50, double p95, double p99, double perSecond, long requests, long errors) {

  /** The samples of several workers, gathered once they stop, over {@code seconds}. */
  static Latencies merged(List<long[]> perWorker, double seconds, long errors) {
    int total = perWorker.stream().mapToInt(a -> a.length).sum();
    long[] merged = new long[total];
    int at = 0;
    for (long[] a : perWorker) {
      System.arraycopy(a, 0, merged, at, a.length);
      at += a.length;
    }
    return of(merged, total, seconds, errors);
  }

  /** From raw nanosecond samples taken over {@code seconds}. */
  static Latencies of(long[] nanos, int count, double seconds, long errors) {
    long[] s = Arrays.copyOf(nanos, count);
    Arrays.sort(s);
    return new Latencies(pct(s, 50), pct(s, 95), pct(s, 99), count / seconds, count, errors);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** The median of each figure over repeated runs (as the report quotes them). */
  static Latencies median(List<Latencies> runs) {
    return new Latencies(
        med(runs.stream().mapToDouble(Latencies::p50).toArray()),
        med(runs.stream().mapToDouble(Latencies::p95).toArray()),
        med(runs.stream().mapToDouble(Latencies::p99).toArray()),
        med(runs.stream().mapToDouble(Latencies::perSecond).toArray()),
        runs.stream().mapToLong(Latencies::requests).sum(),
        runs.stream().mapToLong(Latencies::errors).sum());
  }

  static double med(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
