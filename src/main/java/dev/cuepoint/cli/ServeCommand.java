package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint serve}: the web app on the index in the data directory, refreshing it in the
 * background on a schedule, until Ctrl-C or SIGTERM.
 */
@Command(
    name = "serve",
    description = {
      "Serve the search page and the JSON API (/api/openapi.json describes it).",
      "Settings come from --config FILE (default: cuepoint.yaml in the data directory, if any), then",
      "CUEPOINT_* environment variables, then these flags."
    },
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON settings file")
  Path config;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "address to listen on; 0.0.0.0 for every network (default 127.0.0.1: this machine only)")
  String host;

  @Option(names = "--port", paramLabel = "PORT", description = "port to listen on, 0 for any free one (default 7070)")
  String port;

  @Option(names = "--refresh", paramLabel = "WHEN",
      description = "refresh in the background: an interval (6h, 30m, 1d) or a cron line (\"0 4 * * *\")")
  String refresh;

  @Option(names = "--import-folder", paramLabel = "DIR",
      description = "a yt-dlp folder each refresh imports again (repeatable)")
  List<String> importFolders;

  @Option(names = "--admin-token-file", paramLabel = "FILE",
      description = "file holding the admin API token (or set CUEPOINT_ADMIN_TOKEN); without one the admin API is off")
  String adminTokenFile;

  @Option(names = "--access-log", negatable = true, description = "log one line per request (default: on)")
  Boolean accessLog;

  @Option(names = "--web", defaultValue = "${sys:cuepoint.home:-.}/web", paramLabel = "DIR",
      description = "folder with the page's files: the project's web/ (default: ${DEFAULT-VALUE})")
  Path web;

  @Option(names = "--no-sample",
      description = "with an empty corpus, do not import the bundled sample lectures")
  boolean noSample;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    data.config = config;
    Config settings = Config.load(config, data.dir, System.getenv(), flags());
    if (settings.refresh() != null) {
      Service.schedule(settings.refresh()); // a wrong schedule fails before anything starts
    }
    if (!Files.isRegularFile(web.resolve("index.html"))) {
      throw new Failures.UsageException(
          "no page at " + web.toAbsolutePath() + " (index.html missing): run from the project folder"
              + " or pass --web DIR with the project's web/ folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    importSampleIfEmpty(new CorpusStore(data.dir), out);
    Service service = Service.start(data, settings, web, System.getenv(), out, spec.commandLine().getErr());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "cuepoint-shutdown"));
    out.printf("Cuepoint is serving %s — Ctrl-C stops it (started in %d ms)%n", service.server.url(),
        (System.nanoTime() - t0) / 1_000_000);
    service.refresher.nextScheduled().ifPresent(n -> out.println("Next refresh: " + n + " (" + settings.refresh() + ")"));
    if (settings.adminToken() != null) {
      out.println("Admin API on: POST /api/admin/refresh with 'Authorization: Bearer <token>'");
    }
    stopped.await();
    return 0;
  }

  /** The settings given as flags, by config key. */
  private Map<String, String> flags() {
    Map<String, String> f = new LinkedHashMap<>();
    if (host != null) {
      f.put("host", host);
    }
    if (port != null) {
      f.put("port", port);
    }
    if (refresh != null) {
      f.put("refresh", refresh);
    }
    if (importFolders != null) {
      f.put("ytdlpFolders", String.join(",", importFolders));
    }
    if (adminTokenFile != null) {
      f.put("adminTokenFile", adminTokenFile);
    }
    if (accessLog != null) {
      f.put("accessLog", accessLog.toString());
    }
    return f;
  }

  /**
   * A first run on an empty data directory shows a working app: the sample lectures shipped in the
   * project's {@code index/sample/} are imported (original text written for Cuepoint, clearly labelled).
   */
  private void importSampleIfEmpty(CorpusStore corpus, PrintWriter out) throws IOException {
    Path sample = Path.of(System.getProperty("cuepoint.home", "."), "index", "sample");
    if (noSample || !corpus.ids().isEmpty() || !Files.isDirectory(sample)) {
      return;
    }
    out.println("The corpus in " + data.dir + " is empty: importing the sample lectures from "
        + sample + " (import your own with 'cuepoint import DIR'; --no-sample skips this).");
    out.println(ImportCommand.importInto(data, List.of(sample), spec.commandLine().getErr()).line());
  }
}
