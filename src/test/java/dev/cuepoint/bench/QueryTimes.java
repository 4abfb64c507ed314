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
 *
 * <p>With a file of queries ({@link NewSearches} writes {@code queries.txt}) and a number of rounds,
 * runs them all in turn that many times (after one round of warm-up) and prints the CPU time per
 * search by kind of query, and the costliest queries:
 *
 * <pre>java -cp … dev.cuepoint.bench.QueryTimes INDEX file:QUERIES [rounds]</pre>
 */
public final class QueryTimes {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private QueryTimes() {}

  public static void main(String[] args) throws Exception {
    Path lucene = Path.of(args[0]);
    if (args.length > 1 && args[1].startsWith("file:")) {
      fileMix(lucene, java.nio.file.Files.readAllLines(Path.of(args[1].substring(5))),
          args.length > 2 ? Integer.parseInt(args[2]) : 5);
      return;
    }
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

  /** The kind of a query of {@link NewSearches}' mix, by its shape (the common words come first). */
  static String kindOf(String q, int position, int commonCount) {
    return position < commonCount ? "common word" : q.startsWith("\"") ? "quoted phrase" : q.endsWith("*") ? "prefix"
        : q.contains(" ") ? "two words" : "one word";
  }

  private static void fileMix(Path lucene, java.util.List<String> queries, int rounds) throws Exception {
    try (SearchIndex index = SearchIndex.openReadOnly(lucene)) {
      SearchService service = new SearchService(index);
      for (String q : queries) {
        service.search(SearchRequest.of(q));
      }
      long[][] cpu = new long[queries.size()][rounds];
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < queries.size(); i++) {
          long c0 = THREADS.getCurrentThreadCpuTime();
          service.search(SearchRequest.of(queries.get(i)));
          cpu[i][r] = THREADS.getCurrentThreadCpuTime() - c0;
        }
      }
      double[] median = new double[queries.size()];
      java.util.Map<String, double[]> byKind = new java.util.TreeMap<>();
      int common = (int) Math.round(queries.size() * 0.15);
      double sum = 0;
      for (int i = 0; i < queries.size(); i++) {
        long[] c = cpu[i].clone();
        Arrays.sort(c);
        median[i] = c[c.length / 2] / 1e6;
        sum += median[i];
        double[] k = byKind.computeIfAbsent(kindOf(queries.get(i), i, common), x -> new double[2]);
        k[0] += median[i];
        k[1]++;
      }
      double total = sum;
      System.out.printf("%d queries, %d rounds: mean of the queries' median CPU %.3f ms%n", queries.size(), rounds,
          total / queries.size());
      byKind.forEach((k, v) -> System.out.printf("  %-14s %3.0f queries, mean %.3f ms, %4.1f%% of the CPU%n", k, v[1],
          v[0] / v[1], 100 * v[0] / total));
      Integer[] order = new Integer[queries.size()];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (a, b) -> Double.compare(median[b], median[a]));
      System.out.println("costliest:");
      for (int i = 0; i < Math.min(25, order.length); i++) {
        System.out.printf("  %7.3f ms  %s%n", median[order[i]], queries.get(order[i]));
      }
    }
  }
}
