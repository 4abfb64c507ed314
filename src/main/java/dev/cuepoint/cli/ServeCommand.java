package dev.cuepoint.cli;

import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.web.VideoSource;
import dev.cuepoint.web.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cuepoint serve}: the web app on the index in the data directory, until Ctrl-C. */
@Command(
    name = "serve",
    description = "Serve the search page and the JSON API (/api/openapi.json describes it).",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "address to listen on; 0.0.0.0 for every network (default: ${DEFAULT-VALUE}, this machine only)")
  String host;

  @Option(names = "--port", defaultValue = "7070", paramLabel = "PORT",
      description = "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--web", defaultValue = "web", paramLabel = "DIR",
      description = "folder with the page's files: the project's web/ (default: ${DEFAULT-VALUE})")
  Path web;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new Failures.UsageException("--port must be from 0 to 65535, got " + port);
    }
    if (!Files.isRegularFile(web.resolve("index.html"))) {
      throw new Failures.UsageException(
          "no page at " + web.toAbsolutePath() + " (index.html missing): run from the project folder"
              + " or pass --web DIR with the project's web/ folder");
    }
    SearchIndex index = SearchIndex.open(data.lucene());
    WebServer server;
    try {
      VideoSource videos = VideoSource.of(id -> Optional.empty(), List::of); // wired to CorpusStore at merge
      server = new WebServer(index, new SearchService(index), videos, new WebServer.Settings(host, port, web))
          .start();
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      try {
        index.close();
      } catch (java.io.IOException e) {
        System.err.println("cuepoint serve: closing the index failed: " + e.getMessage());
      }
      stopped.countDown();
    }, "cuepoint-shutdown"));
    spec.commandLine().getOut().println("Cuepoint is serving " + server.url() + " — Ctrl-C stops it");
    stopped.await();
    return 0;
  }
}
