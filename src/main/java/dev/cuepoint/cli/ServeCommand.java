package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SyncResult;
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

  @Option(names = "--web", defaultValue = "${sys:cuepoint.home:-.}/web", paramLabel = "DIR",
      description = "folder with the page's files: the project's web/ (default: ${DEFAULT-VALUE})")
  Path web;

  @Option(names = "--no-sample",
      description = "with an empty corpus, do not import the bundled sample lectures")
  boolean noSample;

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
    CorpusStore corpus = new CorpusStore(data.dir);
    importSampleIfEmpty(corpus);
    SearchIndex index = SearchIndex.open(data.lucene());
    WebServer server;
    try {
      SyncResult synced = index.sync(CorpusSnapshot.of(corpus), false, spec.commandLine().getErr()::println);
      if (synced.changed()) {
        spec.commandLine().getOut().println(synced.summary());
      }
      server = new WebServer(index, new SearchService(index), videos(corpus), new WebServer.Settings(host, port, web, null))
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

  /**
   * A first run on an empty data directory shows a working app: the sample lectures shipped in the
   * project's {@code index/sample/} are imported (original text written for Cuepoint, clearly labelled).
   */
  private void importSampleIfEmpty(CorpusStore corpus) throws java.io.IOException {
    Path sample = Path.of(System.getProperty("cuepoint.home", "."), "index", "sample");
    if (noSample || !corpus.ids().isEmpty() || !Files.isDirectory(sample)) {
      return;
    }
    spec.commandLine().getOut().println("The corpus in " + data.dir + " is empty: importing the sample lectures from "
        + sample + " (import your own with 'cuepoint import DIR'; --no-sample skips this).");
    spec.commandLine().getOut().println(
        ImportCommand.importInto(data, List.of(sample), spec.commandLine().getErr()).line());
  }

  /** Whole videos and playlists for the API, read from the corpus on disk. */
  private static VideoSource videos(CorpusStore corpus) {
    return new VideoSource() {
      @Override
      public Optional<Video> video(String id) throws java.io.IOException {
        return Video.ID.matcher(id).matches() ? corpus.read(id) : Optional.empty();
      }

      @Override
      public List<Playlist> playlists() throws java.io.IOException {
        List<Playlist> out = new java.util.ArrayList<>();
        for (String id : corpus.playlistIds()) {
          corpus.readPlaylist(id).ifPresent(out::add);
        }
        return out;
      }
    };
  }
}
