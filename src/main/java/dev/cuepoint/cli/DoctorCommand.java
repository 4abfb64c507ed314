package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.OAuthStore;
import dev.cuepoint.crawl.YouTubeApi;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint doctor}: checks a setup and says what to fix, one line per check. Nothing is
 * changed; nothing goes to the network unless {@code --online} (then one 1-unit {@code videos.list}
 * call per credential). Exit status 0 when no check failed, 1 otherwise.
 */
@Command(
    name = "doctor",
    description = {
      "Check the setup and say what to fix, one line per check: Java, the data directory, the config file,",
      "the index, the embedding model, ffmpeg/yt-dlp, YouTube credentials (--online tries them), the proxy",
      "and the port. Exit status 0 when all is well, 1 when a check failed."
    },
    mixinStandardHelpOptions = true)
final class DoctorCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML or JSON settings file (as for serve)")
  Path config;

  @Option(names = "--port", paramLabel = "PORT", description = "the port serve would use (default: the config's, 7070)")
  String port;

  @Option(names = "--online",
      description = "also try the YouTube credentials: one videos.list call (1 quota unit) per credential")
  boolean online;

  @Option(names = "--youtube-api-root", paramLabel = "URL",
      description = "another base URL for the YouTube Data API (proxies, tests); or CUEPOINT_YOUTUBE_API_ROOT")
  String apiRoot;

  @Option(names = "--json", description = "print {\"ok\": …, \"checks\": [{\"name\", \"status\", \"detail\", \"fix\"}]}")
  boolean json;

  /** Below this much free space the data directory fails the check; below {@link #LOW_SPACE} it warns. */
  static final long TOO_LITTLE_SPACE = 100L << 20;

  static final long LOW_SPACE = 1L << 30;

  /** A video that exists; the answer's contents do not matter, only whether the call is accepted. */
  static final String PROBE_VIDEO = "jNQXAC9IVRw";

  private final Map<String, String> env;

  DoctorCommand() {
    this(System.getenv());
  }

  DoctorCommand(Map<String, String> env) {
    this.env = env;
  }

  /** How a check came out: {@code ok}, {@code warn} (works, but look), {@code skip} (not needed here), {@code fail}. */
  enum Status {
    OK, WARN, SKIP, FAIL;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One line of the report: what was checked, what was found, and what to do when it is not right. */
  record Check(String name, Status status, String detail, String fix) {}

  @Override
  public Integer call() {
    data.config = config;
    List<Check> checks = new ArrayList<>();
    checks.add(java());
    boolean dirUsable = dataDir(checks);
    Config settings = config(checks);
    if (dirUsable) {
      checks.add(index());
    } else {
      checks.add(new Check("index", Status.SKIP, "not checked: the data directory is not usable", null));
    }
    checks.add(embedder());
    tools(settings, checks);
    credentials(settings, checks);
    checks.add(proxy());
    checks.add(port(settings));
    print(checks);
    return checks.stream().anyMatch(c -> c.status() == Status.FAIL) ? 1 : 0;
  }

  private void print(List<Check> checks) {
    PrintWriter out = spec.commandLine().getOut();
    long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
    if (json) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("ok", failed == 0);
      body.put("checks", checks.stream().map(c -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("status", c.status().word());
        m.put("detail", c.detail());
        m.put("fix", c.fix());
        return m;
      }).toList());
      out.println(Json.write(body));
      return;
    }
    for (Check c : checks) {
      out.printf("%-4s %-16s %s%s%n", c.status().word(), c.name(), c.detail(),
          c.fix() == null ? "" : " → " + c.fix());
    }
    out.println(failed == 0 ? "All is well." : failed + (failed == 1 ? " check failed" : " checks failed")
        + ": do what the 'fail' lines say, then run 'cuepoint doctor' again.");
  }

  // ---- Java -----------------------------------------------------------------------------------

  private Check java() {
    Runtime.Version v = Runtime.version();
    String home = System.getProperty("java.home");
    String vendor = System.getProperty("java.vendor", "");
    String detail = "Java " + v + (vendor.isEmpty() ? "" : " (" + vendor + ")") + " at " + home + "; " + javaSource(home);
    if (v.feature() < 21) {
      return new Check("java", Status.FAIL, detail, "install a JDK 21 or newer, or point CUEPOINT_JAVA at one");
    }
    return new Check("java", Status.OK, detail, null);
  }

  /** Whether the launcher chose this Java, and from where. */
  private String javaSource(String home) {
    Path self = real(Path.of(home, "bin", "java"));
    Optional<Path> onPath = onPath("java");
    String from;
    if (env.get("CUEPOINT_JAVA") != null && self.equals(real(Path.of(env.get("CUEPOINT_JAVA"))))) {
      from = "CUEPOINT_JAVA";
    } else if (env.get("JAVA_HOME") != null && self.equals(real(Path.of(env.get("JAVA_HOME"), "bin", "java")))) {
      from = "JAVA_HOME";
    } else if (onPath.isPresent() && self.equals(real(onPath.get()))) {
      from = "the java on the PATH";
    } else {
      from = "neither CUEPOINT_JAVA, JAVA_HOME nor the PATH's java" + onPath.map(j -> " (" + real(j) + ")").orElse("");
    }
    return System.getProperty("cuepoint.home") != null ? "chosen by the launcher src/bin/cuepoint: " + from
        : "started directly, not by the launcher src/bin/cuepoint: " + from;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private Optional<Path> onPath(String program) {
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (!d.isBlank() && Files.isExecutable(Path.of(d, program)) && !Files.isDirectory(Path.of(d, program))) {
        return Optional.of(Path.of(d, program));
      }
    }
    return Optional.empty();
  }

  // ---- data directory ---------------------------------------------------------------------------

  /** Adds the data directory's check; true when the index and corpus in it can be looked at. */
  private boolean dataDir(List<Check> checks) {
    Path dir = data.dir;
    String name = "data directory";
    if (dir == null || dir.toString().isBlank()) {
      checks.add(new Check(name, Status.FAIL, "--data is empty", "name the data directory, e.g. --data index"));
      return false;
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      checks.add(new Check(name, Status.FAIL, dir + " is a file, not a directory",
          "name a directory with --data (or CUEPOINT_DATA), or move the file away"));
      return false;
    }
    if (!Files.exists(dir)) {
      Path parent = dir.toAbsolutePath().getParent();
      boolean canCreate = parent != null && Files.isDirectory(parent) && writable(parent) == null;
      checks.add(new Check(name, canCreate ? Status.WARN : Status.FAIL, dir + " does not exist yet",
          canCreate ? "'cuepoint import DIR' or 'cuepoint serve' creates it"
              : "its parent " + parent + " is missing or not writable: create it, or choose another --data"));
      return false;
    }
    String cannotWrite = writable(dir);
    if (cannotWrite != null) {
      checks.add(new Check(name, Status.FAIL, dir + " is not writable (" + cannotWrite + ")",
          "give the user running Cuepoint write access (chown/chmod), or choose another --data"));
      return true;
    }
    try {
      FileStore store = Files.getFileStore(dir);
      long free = store.getUsableSpace();
      String detail = dir + " is writable, " + bytes(free) + " free";
      if (free < TOO_LITTLE_SPACE) {
        checks.add(new Check(name, Status.FAIL, detail, "free disk space: indexing needs room for a second copy"
            + " of the index while it rebuilds"));
      } else if (free < LOW_SPACE) {
        checks.add(new Check(name, Status.WARN, detail, "less than 1 GB: a rebuild needs room for a second copy"));
      } else {
        checks.add(new Check(name, Status.OK, detail, null));
      }
    } catch (IOException e) {
      checks.add(new Check(name, Status.WARN, dir + " is writable; its free space cannot be read: " + e.getMessage(),
          null));
    }
    return true;
  }

  /** Null when a file can be made in {@code dir}; else why not. Root ignores permission bits, so try it. */
  private static String writable(Path dir) {
    try {
      Path probe = Files.createTempFile(dir, ".doctor-", ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException e) {
      return Failures.reason(e);
    }
  }

  static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
    }
    if (n >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
  }

  // ---- config -----------------------------------------------------------------------------------

  /** Adds the config file's check; returns the settings, or null when they cannot be read. */
  private Config config(List<Check> checks) {
    Path file = config != null ? config : data.dir == null || !Files.isDirectory(data.dir) ? null
        : Config.defaultFile(data.dir);
    Map<String, String> flags = port == null ? Map.of() : Map.of("port", port);
    try {
      Config c = Config.load(config, data.dir, env, flags);
      Config.backend(config, data.dir, env, data.backendFlags());
      Config.metrics(config, data.dir, env, c.adminToken());
      if (c.refresh() != null) {
        Service.schedule(c.refresh());
      }
      checks.add(new Check("config", Status.OK, file == null ? "no config file: defaults and CUEPOINT_* variables"
          : file + " is valid", null));
      return c;
    } catch (Failures.UsageException e) {
      checks.add(new Check("config", Status.FAIL, e.getMessage(), "correct it; 'cuepoint serve --help' and the"
          + " README's Configuration list the keys"));
    } catch (IOException e) {
      checks.add(new Check("config", Status.FAIL, "the config file cannot be read: " + Failures.reason(e),
          "check that it exists and can be read"));
    }
    return null;
  }

  // ---- index ------------------------------------------------------------------------------------

  private Check index() {
    int corpus;
    try {
      corpus = new CorpusStore(data.dir).ids().size();
    } catch (IOException | RuntimeException e) {
      return new Check("index", Status.FAIL, "the corpus in " + data.corpus() + " cannot be read: " + Failures.reason(e),
          "check its permissions; it is the source of truth the index is built from");
    }
    try {
      if (Config.backend(config, data.dir, env, data.backendFlags()) == null && !Files.isDirectory(data.lucene())) {
        return new Check("index", corpus == 0 ? Status.WARN : Status.FAIL, "no index at " + data.lucene()
            + " (corpus: " + corpus + " videos)", corpus == 0 ? "import lectures: 'cuepoint import DIR' or"
            + " 'cuepoint crawl'; 'cuepoint serve' imports the sample ones" : "build it: 'cuepoint index'");
      }
    } catch (IOException | RuntimeException e) {
      return new Check("index", Status.SKIP, "not checked: the settings cannot be read (see config)", null);
    }
    long t0 = System.nanoTime();
    try (KeywordIndex index = data.openIndex(env, true); KeywordIndex.View view = index.view()) {
      int videos = view.videos();
      long size = index.sizeBytes();
      String detail = index.describe() + " opens: " + videos + " videos, " + bytes(size) + " (corpus: "
          + corpus + " videos; " + (System.nanoTime() - t0) / 1_000_000 + " ms)";
      if (videos != corpus) {
        return new Check("index", Status.WARN, detail, "the index is behind the corpus: 'cuepoint index' (serve"
            + " catches up at start)");
      }
      return new Check("index", Status.OK, detail, null);
    } catch (IOException | RuntimeException e) {
      return new Check("index", Status.FAIL, "the index at " + data.lucene() + " cannot be read: " + Failures.reason(e),
          "rebuild it from the corpus: 'cuepoint index --rebuild' (serve also moves a damaged index aside and rebuilds)");
    }
  }

  // ---- embedding model --------------------------------------------------------------------------

  private Check embedder() {
    String choice = System.getProperty(Vectors.PROPERTY, env.getOrDefault(Vectors.ENV, "")).strip();
    if (choice.equalsIgnoreCase("none") || choice.equalsIgnoreCase("off")) {
      return new Check("embedding model", Status.SKIP, "not loaded: " + Vectors.offReason()
          + "; semantic search is off", null);
    }
    long t0 = System.nanoTime();
    try {
      Embedder e = Vectors.embedder(env);
      e.embed(List.of("doctor")); // loads the model
      return new Check("embedding model", Status.OK, e.id() + " loads and embeds ("
          + (System.nanoTime() - t0) / 1_000_000 + " ms)", null);
    } catch (Failures.UsageException e) {
      return new Check("embedding model", Status.FAIL, e.getMessage(), "set " + Vectors.ENV + " to minilm, e5, bge or none");
    } catch (RuntimeException | LinkageError e) {
      return new Check("embedding model", Status.FAIL, "the model does not load: " + Failures.reason(e),
          "set " + Vectors.ENV + "=none for keyword search only, or check memory (-Xmx) and the platform"
              + " (ONNX Runtime needs x86-64 or arm64 Linux/macOS/Windows)");
    }
  }

  // ---- external programs ------------------------------------------------------------------------

  private void tools(Config settings, List<Check> checks) {
    List<String> sources = settings == null ? List.of() : settings.captionSources();
    Optional<Path> ytdlp = onPath("yt-dlp");
    if (sources.contains("ytdlp")) {
      checks.add(ytdlp.isPresent() ? new Check("yt-dlp", Status.OK, "found at " + ytdlp.get() + " (caption source ytdlp)", null)
          : new Check("yt-dlp", Status.FAIL, "caption source ytdlp is configured, but yt-dlp is not on the PATH",
              "install it (pipx install yt-dlp, or your package manager) or remove ytdlp from captionSources"));
    } else {
      checks.add(new Check("yt-dlp", ytdlp.isPresent() ? Status.OK : Status.SKIP, ytdlp.isPresent()
          ? "found at " + ytdlp.get() : "not on the PATH; not needed: no caption source ytdlp is configured"
          + (settings != null && settings.captionSources().isEmpty() ? " (a crawl then skips that source)" : ""), null));
    }
    Optional<Path> ffmpeg = onPath("ffmpeg");
    if (sources.contains("asr")) {
      checks.add(ffmpeg.isPresent() ? new Check("ffmpeg", Status.OK, "found at " + ffmpeg.get() + " (caption source asr)", null)
          : new Check("ffmpeg", Status.FAIL, "caption source asr (speech recognition) is configured, but ffmpeg is"
              + " not on the PATH", "install ffmpeg (apt-get install ffmpeg / brew install ffmpeg) or remove asr"
              + " from captionSources"));
    } else {
      checks.add(new Check("ffmpeg", ffmpeg.isPresent() ? Status.OK : Status.SKIP, ffmpeg.isPresent()
          ? "found at " + ffmpeg.get() : "not on the PATH; needed only for speech recognition (caption source asr,"
          + " importing media files)", null));
    }
    if (settings != null) {
      for (Path folder : settings.ytdlpFolders()) {
        checks.add(Files.isDirectory(folder) ? new Check("ytdlp folder", Status.OK, folder + " exists", null)
            : new Check("ytdlp folder", Status.FAIL, "ytdlpFolders names " + folder + ", which is not a folder",
                "create it (yt-dlp writes there) or correct ytdlpFolders"));
      }
    }
  }

  // ---- YouTube credentials ----------------------------------------------------------------------

  private void credentials(Config settings, List<Check> checks) {
    boolean crawls = settings != null && (!settings.playlists().isEmpty() || !settings.channels().isEmpty());
    String key = env.get(CrawlCommand.API_KEY_ENV);
    Optional<ApiCredentials.OAuth> oauth;
    try {
      oauth = Files.isDirectory(data.state()) ? new OAuthStore(data.state()).load() : Optional.empty();
    } catch (IOException | RuntimeException e) {
      checks.add(new Check("OAuth grant", Status.FAIL, "the stored grant in " + data.state() + " cannot be read: "
          + Failures.reason(e), "sign in again with 'cuepoint auth'"));
      oauth = Optional.empty();
    }
    if (key == null || key.isBlank()) {
      boolean needed = crawls && oauth.isEmpty();
      checks.add(new Check("API key", needed ? Status.FAIL : Status.SKIP, CrawlCommand.API_KEY_ENV + " is not set"
          + (needed ? ", and the config crawls playlists or channels without an OAuth grant"
              : "; needed only to crawl YouTube"),
          needed ? "set it to an API key of your Google Cloud project (YouTube Data API v3), or run 'cuepoint auth'"
              : null));
    } else if (!online) {
      checks.add(new Check("API key", Status.OK, "present (not tried: --online tries it with one 1-unit call)", null));
    } else {
      checks.add(tryCall("API key", new ApiCredentials.ApiKey(key.strip()), settings,
          "check the key in the Google Cloud console (APIs & Services → Credentials): YouTube Data API v3 enabled,"
              + " no referrer/IP restriction that excludes this machine"));
    }
    if (oauth.isPresent()) {
      String tokenUrl = env.get("CUEPOINT_OAUTH_TOKEN_URL");
      ApiCredentials.OAuth o = tokenUrl == null || tokenUrl.isBlank() ? oauth.get() : oauth.get().withTokenUrl(tokenUrl);
      checks.add(online ? tryCall("OAuth grant", o, settings, "sign in again: 'cuepoint auth' (the grant may be"
          + " revoked, or expired: unverified apps' grants last 7 days)")
          : new Check("OAuth grant", Status.OK, "stored in " + data.state().resolve(OAuthStore.FILE)
              + " (not tried: --online refreshes it with one 1-unit call)", null));
    } else if (checks.stream().noneMatch(c -> c.name().equals("OAuth grant"))) {
      checks.add(new Check("OAuth grant", Status.SKIP, "none stored; needed only for caption source api"
          + " (captions of videos your account may edit)", null));
    }
  }

  /** One {@code videos.list} of one video: 1 quota unit; an OAuth grant refreshes its access token first. */
  private Check tryCall(String name, ApiCredentials credentials, Config settings, String fix) {
    String root = apiRoot != null ? apiRoot : settings != null && settings.youtubeApiRoot() != null
        ? settings.youtubeApiRoot() : env.getOrDefault("CUEPOINT_YOUTUBE_API_ROOT", YouTubeApi.DEFAULT_ROOT_URL);
    long t0 = System.nanoTime();
    try {
      new YouTubeApi(new YouTubeApi.Settings(root, credentials, Duration.ofSeconds(10), Duration.ofSeconds(20)))
          .videos(List.of(PROBE_VIDEO));
      return new Check(name, Status.OK, "accepted by " + root + " (videos.list, 1 unit, "
          + (System.nanoTime() - t0) / 1_000_000 + " ms)", null);
    } catch (IOException | RuntimeException e) {
      return new Check(name, Status.FAIL, "refused or unreachable at " + root + ": " + Failures.reason(e), fix);
    }
  }

  // ---- proxy and port ---------------------------------------------------------------------------

  private Check proxy() {
    String proxy = env.get("CUEPOINT_PROXY");
    if (proxy == null || proxy.isBlank()) {
      return new Check("proxy", Status.SKIP, "none configured (CUEPOINT_PROXY)", null);
    }
    URI u;
    try {
      u = new URI(proxy.strip());
    } catch (java.net.URISyntaxException e) {
      return new Check("proxy", Status.FAIL, "CUEPOINT_PROXY '" + proxy + "' is not a URL", "write it as http://HOST:PORT");
    }
    if (u.getHost() == null) {
      return new Check("proxy", Status.FAIL, "CUEPOINT_PROXY '" + proxy + "' has no host", "write it as http://HOST:PORT");
    }
    int p = u.getPort() >= 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(u.getHost(), p), 5_000);
      return new Check("proxy", Status.OK, u.getHost() + ":" + p + " accepts connections", null);
    } catch (IOException e) {
      return new Check("proxy", Status.FAIL, "the proxy " + u.getHost() + ":" + p + " cannot be reached: "
          + Failures.reason(e), "start it, or correct or unset CUEPOINT_PROXY");
    }
  }

  private Check port(Config settings) {
    if (settings == null) {
      return new Check("port", Status.SKIP, "not checked: the settings cannot be read (see config)", null);
    }
    String host = settings.host();
    int p = settings.port();
    if (p == 0) {
      return new Check("port", Status.OK, "0: serve takes any free port", null);
    }
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(host), p));
      return new Check("port", Status.OK, host + ":" + p + " is free", null);
    } catch (IOException e) {
      if (isCuepoint(host, p)) {
        return new Check("port", Status.OK, host + ":" + p + " is taken by a running Cuepoint (its /healthz answers)",
            null);
      }
      return new Check("port", Status.FAIL, host + ":" + p + " cannot be listened on: " + Failures.reason(e),
          "stop what uses it (ss -ltnp 'sport = :" + p + "' shows it) or choose another: --port, CUEPOINT_PORT"
              + " or 'port' in the config");
    }
  }

  private static boolean isCuepoint(String host, int port) {
    try {
      String h = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + h + ":" + port + "/healthz"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().replace(" ", "").equals("{\"status\":\"ok\"}");
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
