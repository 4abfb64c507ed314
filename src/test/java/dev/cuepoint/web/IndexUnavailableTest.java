package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.index.IndexUnavailableException;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An index that cannot answer for a moment (a search engine node left) is a 503 with Retry-After, not a 500. */
class IndexUnavailableTest {
  @Test
  void an_index_unavailable_for_a_moment_is_a_503_saying_when_to_try_again() throws Exception {
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/api/search", ctx -> {
        throw new IndexUnavailableException("OpenSearch at [..] could not search (HTTP 404): shard_not_found_exception");
      });
      config.routes.get("/api/broken", ctx -> {
        throw new java.io.IOException("something else");
      });
      ApiErrors.register(config.routes);
    }).start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.port() + "/api/search?q=x")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode(), r.body());
      assertEquals(String.valueOf(IndexUnavailableException.RETRY_AFTER_SECONDS),
          r.headers().firstValue("Retry-After").orElse(null));
      assertTrue(new ObjectMapper().readTree(r.body()).path("error").asText().contains("try again"), r.body());
      HttpResponse<String> other = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + app.port() + "/api/broken")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(500, other.statusCode(), "other failures stay a 500: " + other.body());
    } finally {
      app.stop();
    }
  }
}
