package dev.cuepoint.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training runs of the JVM's ahead-of-time caches ({@code -XX:AOTCacheOutput}, JDK 25+), started
 * by the launcher ({@code src/bin/cuepoint}): they run the commands people start most, so that the
 * classes those load and link are in a cache the next starts map instead of loading them again from the
 * jar. Two caches, because a JVM maps all of its cache at start, and a command line search has no use
 * for the web server's thousands of classes:
 *
 * <ul>
 *   <li>{@code prepare DIR}: imports the project's sample lectures into DIR (no cache is made of this);
 *   <li>{@code cli DIR}: {@code --version}, {@code search --mode keyword} (words, a phrase, a prefix,
 *       fuzzy, JSON out) and {@code search} in the default mode;
 *   <li>{@code serve DIR}: {@code serve} up to its first answers (page, searches, suggestions, status).
 * </ul>
 *
 * The embedding model stays out of both (ONNX Runtime is what only semantic search needs; a cache
 * holding it would map it into every start).
 *
 * <pre>java -XX:AOTCacheOutput=target/cuepoint-cli.aot -cp target/cuepoint.jar dev.cuepoint.cli.AotTraining cli DIR</pre>
 */
public final class AotTraining {
  private AotTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !List.of("prepare", "cli", "serve").contains(args[0])) {
      System.err.println("usage: AotTraining prepare|cli|serve DIR");
      System.exit(2);
    }
    System.exit(train(args[0], Path.of(args[1])) == 0 ? 0 : 1);
  }

  /** Runs the commands of {@code what} on {@code data}; returns how many did not end as expected. */
  static int train(String what, Path data) throws Exception {
    System.setProperty(Vectors.PROPERTY, "none");
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
    PrintWriter err = new PrintWriter(System.err, true);
    Path home = Path.of(System.getProperty("cuepoint.home", "."));
    String dir = data.toString();
    List<String[]> commands = new ArrayList<>();
    switch (what) {
      case "prepare" -> {
        Path sample = home.resolve("index").resolve("sample");
        commands.add(Files.isDirectory(sample) ? new String[] {"import", "--data", dir, sample.toString()}
            : new String[] {"index", "--data", dir});
      }
      case "cli" -> {
        commands.add(new String[] {"--version"});
        for (String q : List.of("neuron", "spike timing", "\"the brain\"", "learn*", "synaps~")) {
          commands.add(new String[] {"search", "--data", dir, "--mode", "keyword", q});
        }
        commands.add(new String[] {"search", "--data", dir, "--mode", "keyword", "--json", "memory"});
        commands.add(new String[] {"search", "--data", dir, "neuron"});
      }
      default -> {
        return serve(data, home.resolve("web"), quiet, err);
      }
    }
    int failed = 0;
    for (String[] c : commands) {
      int status = Main.run(c, quiet, err);
      if (status != 0) {
        err.println("cuepoint AOT training: '" + String.join(" ", c) + "' ended with " + status);
        failed++;
      }
    }
    return failed;
  }

  /** Starts the server as {@code serve} does, asks what the page asks first, stops it. */
  private static int serve(Path dir, Path web, PrintWriter out, PrintWriter err) throws Exception {
    if (!Files.isRegularFile(web.resolve("index.html"))) {
      return 0; // no page beside the jar: serve would not start either
    }
    DataDir data = new DataDir();
    data.dir = dir;
    Config settings = Config.load(null, dir, Map.of(), Map.of("port", "0", "accessLog", "false"));
    int failed = 0;
    try (Service service = Service.start(data, settings, web, Map.of(), out, err, null);
        HttpClient http = HttpClient.newHttpClient()) {
      service.awaitSearchable(60_000);
      String base = service.server.url();
      for (String path : List.of("", "api/search?q=neuron", "api/search?q=spike%20timing&mode=keyword",
          "api/suggest?q=neu", "api/status", "healthz")) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
          err.println("cuepoint AOT training: GET /" + path + " answered " + r.statusCode());
          failed++;
        }
      }
    }
    return failed;
  }
}
