package dev.cuepoint.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * JSON over HTTP to the cluster through the OpenSearch Java client's transport, which spreads requests
 * over the nodes and skips one that stopped answering. Requests that fail because the cluster is busy
 * or a node just left (429, 502, 503, 504, connection errors) are tried again a few times with growing
 * pauses; other errors become an {@link IOException} naming the cluster and what it said.
 */
final class Cluster implements Closeable {
  static final ObjectMapper JSON = new ObjectMapper();

  private static final int ATTEMPTS = 6;

  private final ApacheHttpClient5Transport transport;
  private final OpenSearchGenericClient client;
  private final String where;

  Cluster(OpenSearchSettings settings) {
    HttpHost[] hosts = settings.urls().stream().map(Cluster::host).toArray(HttpHost[]::new);
    ApacheHttpClient5TransportBuilder b = ApacheHttpClient5TransportBuilder.builder(hosts);
    if (settings.user() != null) {
      String basic = Base64.getEncoder().encodeToString(
          (settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
      b.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "Basic " + basic)});
    }
    this.transport = b.build();
    this.client = new OpenSearchClient(transport).generic();
    this.where = "OpenSearch at " + settings.urls();
  }

  private static HttpHost host(URI u) {
    int port = u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 9200;
    return new HttpHost(u.getScheme(), u.getHost(), port);
  }

  String where() {
    return where;
  }

  /** A request whose answer must be a success (2xx). */
  JsonNode call(String method, String endpoint, Map<String, String> params, String body) throws IOException {
    Answer a = send(method, endpoint, params, body);
    if (a.status() / 100 != 2) {
      throw new IOException(where + " refused " + method + " " + endpoint + " (HTTP " + a.status() + "): "
          + reason(a.json()));
    }
    return a.json();
  }

  /** A request whose status the caller checks (e.g. 404 for "no such index"). */
  Answer send(String method, String endpoint, Map<String, String> params, String body) throws IOException {
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        var req = Requests.builder().method(method).endpoint(endpoint).query(params == null ? Map.of() : params);
        if (body != null) {
          req.body(Body.from(body.getBytes(StandardCharsets.UTF_8),
              endpoint.endsWith("_bulk") ? "application/x-ndjson" : "application/json"));
        }
        try (Response r = client.execute(req.build())) {
          byte[] bytes = r.getBody().map(Body::bodyAsBytes).orElse(new byte[0]);
          JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
          if (!retryable(r.getStatus()) || attempt == ATTEMPTS) {
            return new Answer(r.getStatus(), json);
          }
          last = new IOException(where + " answered HTTP " + r.getStatus() + ": " + reason(json));
        }
      } catch (IOException | RuntimeException e) {
        last = e instanceof IOException io ? io
            : new IOException(where + " failed: " + e.getMessage(), e);
      }
      pause(attempt);
    }
    throw new IOException(where + " is not reachable or not ready after " + ATTEMPTS + " attempts ("
        + last.getMessage() + "); check that the cluster is up and the address is right", last);
  }

  record Answer(int status, JsonNode json) {}

  static boolean retryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  static void pause(int attempt) throws IOException {
    try {
      Thread.sleep(Math.min(8_000, 250L << (attempt - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to try the cluster again", e);
    }
  }

  /** The cluster's own words for an error: its type and reason. */
  static String reason(JsonNode json) {
    JsonNode e = json.path("error");
    if (e.isObject()) {
      JsonNode root = e.path("root_cause").path(0);
      JsonNode cause = root.isMissingNode() ? e : root;
      return cause.path("type").asText("error") + ": " + cause.path("reason").asText(e.toString());
    }
    return e.isMissingNode() ? json.toString() : e.asText();
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
