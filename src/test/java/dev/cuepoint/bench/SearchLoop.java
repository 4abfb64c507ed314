package dev.cuepoint.bench;

import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs the query mix (or one kind of it) back to back on an index for a while: the workload to
 * profile. With JFR, which is built into the JDK:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=target/search.jfr,settings=profile -cp … \
 *     dev.cuepoint.bench.SearchLoop target/bench/remix-10000/data/lucene 30 [KIND | q:QUERY | file:QUERIES]
 * jfr view hot-methods target/search.jfr
 * </pre>
 */
public final class SearchLoop {
  private SearchLoop() {}

  public static void main(String[] args) throws Exception {
    Path lucene = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 30;
    List<QueryMix.Query> queries = args.length < 3 ? QueryMix.ALL
        : args[2].startsWith("q:") ? List.of(new QueryMix.Query(null, args[2].substring(2), null))
        : args[2].startsWith("file:") ? java.nio.file.Files.readAllLines(Path.of(args[2].substring(5))).stream()
            .map(q -> new QueryMix.Query(null, q, null)).toList()
        : QueryMix.of(QueryMix.Kind.valueOf(args[2]));
    try (SearchIndex index = SearchIndex.openReadOnly(lucene)) {
      SearchService service = new SearchService(index);
      long end = System.nanoTime() + (long) (seconds * 1e9);
      long n = 0;
      long t0 = System.nanoTime();
      while (System.nanoTime() < end) {
        service.search(SearchRequest.of(queries.get((int) (n++ % queries.size())).cuepoint()));
      }
      System.out.printf("%d searches, %.3f ms each on average%n", n, (System.nanoTime() - t0) / 1e6 / n);
    }
  }
}
