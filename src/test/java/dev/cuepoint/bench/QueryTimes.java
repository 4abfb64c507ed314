package dev.cuepoint.bench;

import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The cost of each query of the mix on its own, one thread, after a warm-up on the whole mix: which
 * query to look at first. Prints the median and mean milliseconds per query, of wall time and of the
 * searching thread's CPU time: on a machine shared with other work, CPU time is the steadier measure.
 *
 * <pre>java -cp … dev.cuepoint.bench.QueryTimes target/bench/remix-10000/data/lucene [seconds per query]</pre>
 */
public final class QueryTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private QueryTimes() {}

  public static void main(String[] args) throws Exception {
    Path lucene = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
    try (SearchIndex index = SearchIndex.openReadOnly(lucene)) {
      SearchService service = new SearchService(index);
      long warm = System.nanoTime() + (long) (5 * seconds * 1e9);
      for (int i = 0; System.nanoTime() < warm; i++) {
        service.search(SearchRequest.of(QueryMix.ALL.get(i % QueryMix.ALL.size()).cuepoint()));
      }
      double total = 0;
      for (QueryMix.Query q : QueryMix.ALL) {
        SearchRequest request = SearchRequest.of(q.cuepoint());
        long[] took = new long[1 << 16];
        long[] cpu = new long[took.length];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end && n < took.length) {
          long c0 = THREADS.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          service.search(request);
          took[n] = System.nanoTime() - t0;
          cpu[n++] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        long[] s = Arrays.copyOf(took, n);
        long[] c = Arrays.copyOf(cpu, n);
        Arrays.sort(s);
        Arrays.sort(c);
        double meanCpu = Arrays.stream(c).average().orElse(0) / 1e6;
        total += meanCpu;
        System.out.printf("%-12s %-26s wall median %7.2f mean %7.2f ms | cpu median %7.2f mean %7.2f ms (%d runs)%n",
            q.kind(), q.cuepoint(), s[n / 2] / 1e6, Arrays.stream(s).average().orElse(0) / 1e6, c[n / 2] / 1e6,
            meanCpu, n);
      }
      System.out.printf("mean CPU over the mix: %.2f ms%n", total / QueryMix.ALL.size());
    }
  }
}
