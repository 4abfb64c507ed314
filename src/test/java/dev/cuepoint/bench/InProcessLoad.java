package dev.cuepoint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop load in this JVM: {@code threads} workers each run the query mix back to back for a
 * while, timing every call. For concurrency 8 and 32, where JMH's single-thread figures say nothing
 * about contention.
 */
final class InProcessLoad {
  /** One worker's way to run query number {@code i} of the mix; made per thread (JDBC is not shared). */
  interface Worker extends AutoCloseable {
    void run(int i) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  interface WorkerFactory {
    Worker create() throws Exception;
  }

  private InProcessLoad() {}

  static Latencies run(WorkerFactory factory, int threads, double seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<long[]>> results = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int offset = t * 7;
        results.add(pool.submit(() -> {
          try (Worker w = factory.create()) {
            long[] samples = new long[1 << 16];
            int n = 0;
            int i = offset;
            while (!stop.get()) {
              long t0 = System.nanoTime();
              w.run(i++);
              long took = System.nanoTime() - t0;
              if (n == samples.length) {
                samples = java.util.Arrays.copyOf(samples, n * 2);
              }
              samples[n++] = took;
            }
            return java.util.Arrays.copyOf(samples, n);
          }
        }));
      }
      long start = System.nanoTime();
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : results) {
        all.add(f.get());
      }
      return Latencies.merged(all, (System.nanoTime() - start) / 1e9, 0);
    } finally {
      pool.shutdownNow();
    }
  }
}
