package dev.cuepoint.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the metrics cost one search, for {@code dev.cuepoint.bench.MetricsOverhead}: the CPU time of
 * the very call the request hook makes per search ({@link Metrics#searched}) plus the cache's and the
 * rate limiter's counters, measured on {@code threads} threads at once.
 */
public final class MetricsProbe {
  private MetricsProbe() {}

  /** CPU nanoseconds per search that metrics add, averaged over every call of every thread. */
  public static double hookCpuNanos(int threads, int callsPerThread) throws InterruptedException {
    try (Metrics metrics = new Metrics(Metrics.Access.PUBLIC, null, 10_000)) {
      SearchCache cache = new SearchCache(r -> null, r -> null, 0);
      RateLimiter limiter = new RateLimiter(RateLimiter.Limit.DEFAULT);
      run(metrics, cache, limiter, 1, 2_000_000); // JIT warm-up
      return run(metrics, cache, limiter, threads, callsPerThread);
    }
  }

  private static double run(Metrics metrics, SearchCache cache, RateLimiter limiter, int threads, int calls)
      throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      started.add(Thread.ofPlatform().start(() -> {
        long c0 = mx.getCurrentThreadCpuTime();
        long nanos = 1_000_000L + seed;
        for (int i = 0; i < calls; i++) {
          metrics.searched((i & 1) == 0 ? null : "keyword", 200, nanos + (i & 4095) * 1000L);
          cache.misses.increment(); // what SearchCache adds per search
        }
        cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
      }));
    }
    for (Thread t : started) {
      t.join();
    }
    if (limiter.refused.sum() != 0) {
      throw new IllegalStateException("nothing was refused here");
    }
    return cpu.get() / (double) ((long) threads * calls);
  }
}
