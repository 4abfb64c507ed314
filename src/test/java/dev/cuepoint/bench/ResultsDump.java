package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every answer of the query mix (and second pages, and a larger page) as JSON lines, without
 * the time taken: run before and after an optimisation and compare the files, to show that users see
 * the same results and the same moments. Every request is asked twice, the second round after the first has
 * filled the index's caches; an answer that differs the second time is an error.
 *
 * <pre>java -cp … dev.cuepoint.bench.ResultsDump target/bench/remix-10000/data/lucene answers.jsonl [QUERIES]</pre>
 *
 * With {@code QUERIES} (a file of queries, one a line, as {@link NewSearches} writes), the answers to
 * those queries' first pages follow the mix's.
 */
public final class ResultsDump {
  private ResultsDump() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<SearchRequest> requests = requests(args.length > 2 ? Path.of(args[2]) : null);
    try (SearchIndex index = SearchIndex.openReadOnly(Path.of(args[0]));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      SearchService service = new SearchService(index);
      List<String> first = new ArrayList<>();
      for (SearchRequest r : requests) {
        first.add(answer(json, service, r));
      }
      // asked again, with whatever the first round left in caches: the same answers
      for (int i = 0; i < requests.size(); i++) {
        if (!answer(json, service, requests.get(i)).equals(first.get(i))) {
          throw new IllegalStateException("the second answer to " + requests.get(i).query() + " differs from the first");
        }
      }
      first.forEach(out::println);
    }
  }

  private static String answer(ObjectMapper json, SearchService service, SearchRequest r) throws Exception {
    SearchResponse answer = service.search(r);
    ObjectNode tree = json.valueToTree(answer);
    tree.remove("tookMs");
    return json.writeValueAsString(tree);
  }

  /** The requests dumped: the mix, its second pages with 100 moments, a few more, and the file's queries. */
  static List<SearchRequest> requests(Path queries) throws java.io.IOException {
    List<SearchRequest> requests = new ArrayList<>();
    for (QueryMix.Query q : QueryMix.ALL) {
      requests.add(SearchRequest.of(q.cuepoint()));
      requests.add(new SearchRequest(q.cuepoint(), 20, 10, null, null, null, null, SearchRequest.Sort.RELEVANCE,
          100, List.of(), null));
    }
    for (String extra : List.of("fourier transform -series", "title:calculus derivative", "\"linear algebra\" eigen*",
        "gradient descent", "euler's formula", "e^x", "zzzzqqq", "probabilty distribution")) {
      requests.add(SearchRequest.of(extra));
    }
    if (queries != null) {
      for (String q : Files.readAllLines(queries, StandardCharsets.UTF_8)) {
        requests.add(SearchRequest.of(q));
      }
    }
    return requests;
  }
}
