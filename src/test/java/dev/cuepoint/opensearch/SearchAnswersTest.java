package dev.cuepoint.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.IndexUnavailableException;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchQuery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a search reads the cluster's error answers, against a real HTTP server that answers as OpenSearch
 * does: only "no such index" means nothing is indexed yet; a 404 because a shard is missing (a node
 * just left) is tried again, and if it lasts it is an {@link IndexUnavailableException} (the web API's
 * 503), never an empty result list. Regression
 * test for {@link NodeFailureTest} once seeing "0 videos" while a node stopped.
 */
class SearchAnswersTest {
  static final String NO_INDEX = """
      {"error":{"root_cause":[{"type":"index_not_found_exception","reason":"no such index [answers]",
      "index":"answers"}],"type":"index_not_found_exception","reason":"no such index [answers]",
      "index":"answers"},"status":404}""";
  static final String SHARD_MISSING = """
      {"error":{"root_cause":[{"type":"shard_not_found_exception","reason":"no such shard"}],
      "type":"search_phase_execution_exception","reason":"all shards failed","phase":"query",
      "grouped":true,"failed_shards":[{"shard":0,"index":"answers-v1-1","node":"n2",
      "reason":{"type":"shard_not_found_exception","reason":"no such shard"}}]},"status":404}""";
  static final String TWO_HITS = """
      {"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},
      "hits":{"total":{"value":2,"relation":"eq"},"max_score":1.0,"hits":[]}}""";

  record Answer(int status, String body) {}

  HttpServer server;
  final Deque<Answer> searchAnswers = new ArrayDeque<>();
  final List<String> searches = Collections.synchronizedList(new ArrayList<>());
  OpenSearchIndex index;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      Answer a;
      if (path.equals("/")) {
        a = new Answer(200, "{\"version\":{\"number\":\"2.19.0\",\"distribution\":\"opensearch\"}}");
      } else if (path.equals("/answers/_search")) {
        searches.add(path);
        synchronized (searchAnswers) {
          a = searchAnswers.isEmpty() ? new Answer(500, "{\"error\":\"no answer scripted\"}") : searchAnswers.poll();
        }
      } else {
        a = new Answer(400, "{\"error\":\"not expected here: " + path + "\"}");
      }
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    index = OpenSearchIndex.open(OpenSearchSettings.of(
        List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), "answers"));
  }

  @AfterEach
  void stop() throws IOException {
    if (index != null) {
      index.close();
    }
    server.stop(0);
  }

  static int count(KeywordIndex index) throws IOException {
    return index.view().count(new SearchQuery.Term(Fields.TITLE, "membrane"));
  }

  void script(Answer... answers) {
    synchronized (searchAnswers) {
      searchAnswers.addAll(List.of(answers));
    }
  }

  @Test
  void no_such_index_means_nothing_is_indexed_yet() throws IOException {
    script(new Answer(404, NO_INDEX));
    assertEquals(0, count(index));
    assertEquals(1, searches.size(), "asked once: the answer is final");
  }

  @Test
  void a_missing_shard_is_tried_again_and_the_next_answer_counts() throws IOException {
    script(new Answer(404, SHARD_MISSING), new Answer(404, SHARD_MISSING), new Answer(200, TWO_HITS));
    assertEquals(2, count(index));
    assertEquals(3, searches.size());
  }

  @Test
  void a_shard_missing_for_good_is_an_error_naming_it_not_an_empty_result() {
    for (int i = 0; i < OpenSearchView.MISSING_SHARD_ATTEMPTS; i++) {
      script(new Answer(404, SHARD_MISSING));
    }
    script(new Answer(200, TWO_HITS)); // never reached: the search gave up before
    IOException e = assertThrows(IndexUnavailableException.class, () -> count(index));
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("shard_not_found_exception")
        && e.getMessage().contains("try again"), e.getMessage());
    assertEquals(OpenSearchView.MISSING_SHARD_ATTEMPTS, searches.size());
  }
}
