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
 * the same results and the same moments.
 *
 * <pre>java -cp … dev.cuepoint.bench.ResultsDump target/bench/remix-10000/data/lucene answers.jsonl</pre>
 */
public final class ResultsDump {
  private ResultsDump() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
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
    try (SearchIndex index = SearchIndex.openReadOnly(Path.of(args[0]));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      SearchService service = new SearchService(index);
      for (SearchRequest r : requests) {
        SearchResponse answer = service.search(r);
        ObjectNode tree = json.valueToTree(answer);
        tree.remove("tookMs");
        out.println(json.writeValueAsString(tree));
      }
    }
  }
}
