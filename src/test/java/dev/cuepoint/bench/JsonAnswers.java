package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time of writing search answers as JSON, which {@link ResultsDump} and {@link QueryTimes}
 * leave out (they do not go through the web layer): the answers to ResultsDump's requests are
 * computed once, then written again and again by each way of writing JSON in turn, and the median
 * CPU time per answer of each is printed. Every way must write the same bytes as the first, or the
 * run fails.
 *
 * <pre>java -cp … dev.cuepoint.bench.JsonAnswers INDEX [QUERIES] [rounds]</pre>
 */
public final class JsonAnswers {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private JsonAnswers() {}

  /** One way of writing an answer. */
  interface Writer {
    byte[] write(SearchResponse answer) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    List<SearchRequest> requests = ResultsDump.requests(args.length > 1 ? Path.of(args[1]) : null);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    List<SearchResponse> answers = new ArrayList<>();
    try (SearchIndex index = SearchIndex.openReadOnly(Path.of(args[0]))) {
      SearchService service = new SearchService(index);
      for (SearchRequest r : requests) {
        answers.add(service.search(r));
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectWriter writer = mapper.writerFor(SearchResponse.class);
    Map<String, Writer> ways = new LinkedHashMap<>();
    ways.put("ObjectMapper.writeValueAsBytes", mapper::writeValueAsBytes);
    ways.put("ObjectWriter for SearchResponse", writer::writeValueAsBytes);
    ways.put("JsonOut (web)", dev.cuepoint.web.JsonOutBench::bytes);

    List<byte[]> expected = new ArrayList<>();
    long bytes = 0;
    for (SearchResponse a : answers) {
      byte[] b = ways.values().iterator().next().write(a);
      expected.add(b);
      bytes += b.length;
    }
    for (Map.Entry<String, Writer> w : ways.entrySet()) {
      for (int i = 0; i < answers.size(); i++) {
        if (!Arrays.equals(expected.get(i), w.getValue().write(answers.get(i)))) {
          throw new IllegalStateException(w.getKey() + " writes answer " + i + " (" + answers.get(i).query()
              + ") differently");
        }
      }
    }
    System.out.printf("%d answers, %.1f KB on average%n", answers.size(), bytes / 1024.0 / answers.size());
    int fromFile = requests.size() - ResultsDump.requests(null).size();
    time("all answers", ways, answers, rounds);
    if (fromFile > 0) {
      time("the new searches of QUERIES only (first pages, 5 moments)", ways,
          answers.subList(answers.size() - fromFile, answers.size()), rounds);
    }
  }

  /** Rounds of every way in turn, so that whatever else runs on the machine weighs on all alike. */
  private static void time(String what, Map<String, Writer> ways, List<SearchResponse> answers, int rounds)
      throws Exception {
    Map<String, long[]> perRound = new LinkedHashMap<>();
    ways.keySet().forEach(k -> perRound.put(k, new long[rounds]));
    long sink = 0;
    for (int round = -rounds / 5; round < rounds; round++) { // the first fifth warms up
      for (Map.Entry<String, Writer> w : ways.entrySet()) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        for (SearchResponse a : answers) {
          sink += w.getValue().write(a).length;
        }
        if (round >= 0) {
          perRound.get(w.getKey())[round] = THREADS.getCurrentThreadCpuTime() - c0;
        }
      }
    }
    System.out.printf("%s: %d answers, %.1f KB on average%n", what, answers.size(), sink / 1.2 / rounds / 1024.0
        / ways.size() / answers.size());
    for (Map.Entry<String, long[]> e : perRound.entrySet()) {
      long[] c = e.getValue().clone();
      Arrays.sort(c);
      System.out.printf("  %-34s %6.2f µs CPU per answer (median of %d rounds)%n", e.getKey(),
          c[c.length / 2] / 1e3 / answers.size(), rounds);
    }
  }

}
