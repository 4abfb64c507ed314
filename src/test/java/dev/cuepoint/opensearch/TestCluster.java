package dev.cuepoint.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * A real two-node OpenSearch 3.8 cluster inside the test JVM, started once for every test class that
 * needs it and stopped when the JVM exits. Nodes keep their data in a temporary folder.
 */
public final class TestCluster {
  private static TestCluster shared;

  private final OpenSearchRunner runner;
  private final Path base;

  private TestCluster(OpenSearchRunner runner, Path base) {
    this.runner = runner;
    this.base = base;
  }

  /** The cluster, started on first use (about 6 s). */
  public static synchronized TestCluster get() {
    if (shared == null) {
      shared = start("cuepoint-test", 9200);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
    }
    return shared;
  }

  /** Two nodes of a cluster of their own, answering HTTP from {@code baseHttpPort + 1} on. */
  public static TestCluster start(String name, int baseHttpPort) {
    try {
      Path base = Files.createTempDirectory("cuepoint-opensearch");
      OpenSearchRunner runner = new OpenSearchRunner();
      runner.onBuild((index, settings) -> {
        // only the first node bootstraps the cluster: with both listed, start-up waits 30 s
        settings.putList("cluster.initial_cluster_manager_nodes", "Node 1");
        settings.put("http.cors.enabled", false);
        settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        settings.put("indices.breaker.total.use_real_memory", false);
      });
      runner.build(OpenSearchRunner.newConfigs().basePath(base.toString()).numOfNode(2)
          .baseHttpPort(baseHttpPort).clusterName(name).disableESLogger());
      runner.ensureYellow();
      return new TestCluster(runner, base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The HTTP address of each node, e.g. {@code http://127.0.0.1:9201}. */
  public List<String> urls() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < runner.getNodeSize(); i++) {
      var node = runner.getNode(i);
      if (node == null || node.isClosed()) {
        continue;
      }
      var http = node.injector().getInstance(org.opensearch.http.HttpServerTransport.class);
      out.add("http://" + http.boundAddress().publishAddress().toString());
    }
    return out;
  }

  private static final java.util.concurrent.atomic.AtomicInteger INDEXES = new java.util.concurrent.atomic.AtomicInteger();

  /** Settings for an alias no other test uses, one shard, one replica. */
  public OpenSearchSettings settings() {
    return OpenSearchSettings.of(urls().stream().map(java.net.URI::create).toList(),
        "test" + INDEXES.incrementAndGet());
  }

  /** A Cuepoint index of its own in this cluster (empty until its first sync). */
  public OpenSearchIndex newIndex() throws IOException {
    return OpenSearchIndex.open(settings());
  }

  public OpenSearchRunner runner() {
    return runner;
  }

  /** An HTTP request to the first node; the answer must be a success. */
  public String call(String method, String pathAndQuery) throws IOException {
    try {
      var client = java.net.http.HttpClient.newHttpClient();
      var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(urls().getFirst() + pathAndQuery))
          .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IOException(method + " " + pathAndQuery + ": HTTP " + r.statusCode() + " " + r.body());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Stops one node (0 or 1), as a crash or shutdown would. */
  public void stopNode(int i) throws IOException {
    runner.getNode(i).close();
  }

  public void stop() {
    try {
      runner.close();
      runner.clean();
    } catch (IOException e) {
      System.err.println("stopping the test cluster failed: " + e.getMessage());
    }
  }
}
