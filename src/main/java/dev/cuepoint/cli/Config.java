package dev.cuepoint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cuepoint.opensearch.OpenSearchSettings;
import dev.cuepoint.web.RateLimiter;
import dev.cuepoint.web.WebServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The maintainer's settings: from a YAML or JSON file ({@code --config FILE}, by default {@code
 * cuepoint.yaml} in the data directory when there is one), each key overridden by its environment
 * variable ({@code CUEPOINT_} and the key in upper snake case) and then by a command-line flag.
 * Checked when read: a wrong key or value is an error naming it, where it came from, and what is
 * allowed. The admin token comes only from the environment or a file, and is never printed.
 *
 * @param playlists playlist ids to crawl
 * @param channels channel ids to crawl (their uploads)
 * @param captionSources caption sources in the order tried: {@code api}, {@code ytdlp-folder}, {@code ytdlp}
 * @param languages caption languages to fetch (empty: all)
 * @param ytdlpFolders folders that each refresh imports again (yt-dlp output kept current by the user)
 * @param refresh when to refresh: an interval ({@code 6h}) or cron line; null for never
 * @param host address the web app listens on
 * @param port its port
 * @param adminToken the admin API's bearer token, or null (admin API off)
 * @param quotaBudget YouTube Data API units a day the crawler may spend
 * @param accessLog whether to log each request
 * @param youtubeApiRoot another base URL for the YouTube Data API (proxies, tests), or null
 * @param searchLimit each client address's rate limit on search and suggest ({@code rateLimit} a
 *     second, bursts of {@code rateLimitBurst})
 * @param searchCache how many recent search answers the web app keeps for repeated searches (0: none)
 * @param youtubeWebRoot another base URL for youtube.com (caption source timedtext), or null
 * @param timedtextDelay the pause between requests to youtube.com ({@code 2s}), or null for the default
 * @param corsOrigins other sites (exact origins) whose pages may call the search API, e.g. an embedded search box
 */
public record Config(
    List<String> playlists,
    List<String> channels,
    List<String> captionSources,
    List<String> languages,
    List<Path> ytdlpFolders,
    String refresh,
    String host,
    int port,
    String adminToken,
    int quotaBudget,
    boolean accessLog,
    String youtubeApiRoot,
    RateLimiter.Limit searchLimit,
    int searchCache,
    String youtubeWebRoot,
    String timedtextDelay,
    List<String> corsOrigins) {

  public Config {
    searchLimit = searchLimit == null ? RateLimiter.Limit.DEFAULT : searchLimit;
    corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
  }

  /** No other site may call the search API from a browser. */
  public Config(List<String> playlists, List<String> channels, List<String> captionSources, List<String> languages,
      List<Path> ytdlpFolders, String refresh, String host, int port, String adminToken, int quotaBudget,
      boolean accessLog, String youtubeApiRoot, RateLimiter.Limit searchLimit, int searchCache, String youtubeWebRoot,
      String timedtextDelay) {
    this(playlists, channels, captionSources, languages, ytdlpFolders, refresh, host, port, adminToken, quotaBudget,
        accessLog, youtubeApiRoot, searchLimit, searchCache, youtubeWebRoot, timedtextDelay, List.of());
  }

  /** With youtube.com and the default delay for caption source timedtext. */
  public Config(List<String> playlists, List<String> channels, List<String> captionSources, List<String> languages,
      List<Path> ytdlpFolders, String refresh, String host, int port, String adminToken, int quotaBudget,
      boolean accessLog, String youtubeApiRoot, RateLimiter.Limit searchLimit, int searchCache) {
    this(playlists, channels, captionSources, languages, ytdlpFolders, refresh, host, port, adminToken, quotaBudget,
        accessLog, youtubeApiRoot, searchLimit, searchCache, null, null);
  }

  /** With the default search cache. */
  public Config(List<String> playlists, List<String> channels, List<String> captionSources, List<String> languages,
      List<Path> ytdlpFolders, String refresh, String host, int port, String adminToken, int quotaBudget,
      boolean accessLog, String youtubeApiRoot, RateLimiter.Limit searchLimit) {
    this(playlists, channels, captionSources, languages, ytdlpFolders, refresh, host, port, adminToken, quotaBudget,
        accessLog, youtubeApiRoot, searchLimit, WebServer.Operations.DEFAULT_SEARCH_CACHE);
  }

  /** With the default search rate limit. */
  public Config(List<String> playlists, List<String> channels, List<String> captionSources, List<String> languages,
      List<Path> ytdlpFolders, String refresh, String host, int port, String adminToken, int quotaBudget,
      boolean accessLog, String youtubeApiRoot) {
    this(playlists, channels, captionSources, languages, ytdlpFolders, refresh, host, port, adminToken, quotaBudget,
        accessLog, youtubeApiRoot, RateLimiter.Limit.DEFAULT);
  }

  /** The keys a config file may hold. */
  static final List<String> KEYS = List.of("playlists", "channels", "captionSources", "languages",
      "ytdlpFolders", "refresh", "host", "port", "adminTokenFile", "quotaBudget", "accessLog",
      "youtubeApiRoot", "rateLimit", "rateLimitBurst", "searchCache", "backend", "opensearchUrls", "opensearchIndex",
      "opensearchShards", "opensearchReplicas", "opensearchUser", "opensearchPasswordFile", "youtubeWebRoot",
      "timedtextDelay", "metrics", "corsOrigins", "mediaDir", "asrThreads", "asrCaptions");

  static final List<String> CAPTION_SOURCES = List.of("api", "timedtext", "ytdlp-folder", "ytdlp", "asr");

  @Override
  public String toString() {
    return "Config[playlists=" + playlists + ", channels=" + channels + ", captionSources=" + captionSources
        + ", languages=" + languages + ", ytdlpFolders=" + ytdlpFolders + ", refresh=" + refresh + ", host=" + host
        + ", port=" + port + ", adminToken=" + (adminToken == null ? "none" : "(set)") + ", quotaBudget="
        + quotaBudget + ", accessLog=" + accessLog + ", youtubeApiRoot=" + youtubeApiRoot + ", searchLimit=" + searchLimit
        + ", searchCache=" + searchCache + ", youtubeWebRoot=" + youtubeWebRoot + ", timedtextDelay="
        + timedtextDelay + ", corsOrigins=" + corsOrigins + "]";
  }

  /** A setting that is wrong, with where it came from and what to write instead. */
  static final class Invalid extends Failures.UsageException {
    Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads the settings.
   *
   * @param file the config file named with --config, or null for the data directory's default
   * @param dataDir the data directory
   * @param env the environment ({@code System.getenv()})
   * @param flags values given on the command line, by config key (only those given)
   */
  static Config load(Path file, Path dataDir, Map<String, String> env, Map<String, String> flags) throws IOException {
    Reader r = new Reader(raw(file, dataDir, env, flags));
    Map<String, Value> raw = r.raw;
    String token = env.get("CUEPOINT_ADMIN_TOKEN");
    if (token == null && raw.containsKey("adminTokenFile")) {
      token = r.secretFile("adminTokenFile");
    }
    if (token != null && token.strip().length() < 16) {
      throw new Invalid("the admin token must be at least 16 characters (from " + (env.containsKey("CUEPOINT_ADMIN_TOKEN")
          ? "CUEPOINT_ADMIN_TOKEN" : r.where("adminTokenFile")) + "); make one with: openssl rand -hex 24");
    }
    Config c = new Config(
        r.list("playlists", s -> s),
        r.list("channels", s -> s),
        r.list("captionSources", s -> r.oneOf("captionSources", s, CAPTION_SOURCES)),
        r.list("languages", s -> s),
        r.list("ytdlpFolders", Path::of),
        r.text("refresh", null),
        r.text("host", "127.0.0.1"),
        r.integer("port", 7070, 0, 65_535),
        token == null ? null : token.strip(),
        r.integer("quotaBudget", 10_000, 1, 1_000_000_000),
        r.bool("accessLog", true),
        r.text("youtubeApiRoot", null),
        new RateLimiter.Limit(
            r.integer("rateLimit", (int) RateLimiter.Limit.DEFAULT.perSecond(), 1, 1_000_000),
            r.integer("rateLimitBurst", RateLimiter.Limit.DEFAULT.burst(), 1, 1_000_000)),
        r.integer("searchCache", WebServer.Operations.DEFAULT_SEARCH_CACHE, 0, 1_000_000),
        r.text("youtubeWebRoot", null),
        r.text("timedtextDelay", null),
        r.list("corsOrigins", o -> corsOrigin(r, o)));
    if (c.timedtextDelay() != null) {
      try {
        Durations.parse(c.timedtextDelay());
      } catch (IllegalArgumentException e) {
        throw new Invalid("'timedtextDelay' (" + r.where("timedtextDelay") + "): " + e.getMessage());
      }
    }
    return c;
  }

  private static String corsOrigin(Reader r, String origin) {
    try {
      return dev.cuepoint.web.WebServer.corsOrigin(origin);
    } catch (IllegalArgumentException e) {
      throw new Invalid("'corsOrigins' (" + r.where("corsOrigins") + "): " + e.getMessage());
    }
  }

  /** The settings by key: the file's, overridden by the environment's, overridden by the flags. */
  private static Map<String, Value> raw(Path file, Path dataDir, Map<String, String> env, Map<String, String> flags)
      throws IOException {
    Map<String, Value> raw = new LinkedHashMap<>();
    Path f = file != null ? file : defaultFile(dataDir);
    if (file != null && !Files.isRegularFile(file)) {
      throw new Invalid("config file " + file + " does not exist (--config names a YAML or JSON file)");
    }
    if (f != null) {
      readFile(f, raw);
    }
    for (String key : KEYS) {
      String var = envName(key);
      if (env.containsKey(var)) {
        raw.put(key, new Value(env.get(var), null, "environment variable " + var));
      }
    }
    flags.forEach((k, v) -> raw.put(k, new Value(v, null, "--" + flagName(k))));
    return raw;
  }

  /**
   * Where the keyword index lives: the embedded index in the data directory (the default), or an
   * OpenSearch cluster. Every command reads it from the same places as the other settings. The
   * cluster password comes only from CUEPOINT_OPENSEARCH_PASSWORD or the file {@code
   * opensearchPasswordFile} names, never from the config file itself.
   *
   * @return the cluster's settings, or null for the embedded index
   */
  static OpenSearchSettings backend(Path file, Path dataDir, Map<String, String> env, Map<String, String> flags)
      throws IOException {
    Reader r = new Reader(raw(file, dataDir, env, flags));
    String backend = r.oneOf("backend", r.text("backend", "embedded"), List.of("embedded", "opensearch"));
    if (backend.equals("embedded")) {
      return null;
    }
    List<java.net.URI> urls = r.list("opensearchUrls", u -> {
      try {
        return new java.net.URI(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
      } catch (java.net.URISyntaxException e) {
        throw new Invalid(r.where("opensearchUrls") + ": '" + u + "' is not an address like http://localhost:9200");
      }
    });
    if (urls.isEmpty()) {
      throw new Invalid("the opensearch backend needs the cluster's address: --opensearch-url http://HOST:9200"
          + " (or CUEPOINT_OPENSEARCH_URLS, or 'opensearchUrls' in the config file)");
    }
    String password = env.get("CUEPOINT_OPENSEARCH_PASSWORD");
    if (password == null && r.raw.containsKey("opensearchPasswordFile")) {
      password = r.secretFile("opensearchPasswordFile");
    }
    try {
      return new OpenSearchSettings(urls, r.text("opensearchIndex", "cuepoint"),
          r.integer("opensearchShards", 1, 1, 1024), r.integer("opensearchReplicas", 1, 0, 16),
          r.text("opensearchUser", null), password);
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage());
    }
  }

  /** Who may read {@code GET /metrics} ({@code metrics: off|token|public}, CUEPOINT_METRICS); see {@link dev.cuepoint.web.Metrics.Access#of}. */
  static dev.cuepoint.web.Metrics.Access metrics(Path file, Path dataDir, Map<String, String> env, String adminToken)
      throws IOException {
    Reader r = new Reader(raw(file, dataDir, env, Map.of()));
    try {
      return dev.cuepoint.web.Metrics.Access.of(r.text("metrics", null), adminToken);
    } catch (IllegalArgumentException e) {
      throw new Invalid(r.where("metrics") + ": " + e.getMessage());
    }
  }

  /** Speech recognition and the local player: {@code mediaDir}, {@code asrThreads}, {@code asrCaptions}. */
  static SpeechSettings speech(Path file, Path dataDir, Map<String, String> env, Map<String, String> flags)
      throws IOException {
    Reader r = new Reader(raw(file, dataDir, env, flags));
    String media = r.text("mediaDir", null);
    Path mediaDir = media == null ? null : Path.of(media);
    if (mediaDir != null && !Files.isDirectory(mediaDir)) {
      throw new Invalid(r.where("mediaDir") + ": the folder " + mediaDir + " does not exist; name the folder"
          + " holding the recordings you imported");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return new SpeechSettings(mediaDir, r.integer("asrThreads", 1, 1, Math.max(1, cores)), r.bool("asrCaptions", false));
  }

  static Path defaultFile(Path dataDir) {
    for (String name : List.of("cuepoint.yaml", "cuepoint.yml", "cuepoint.json")) {
      Path p = dataDir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  static String envName(String key) {
    return "CUEPOINT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  static String flagName(String key) {
    return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static void readFile(Path f, Map<String, Value> raw) throws IOException {
    JsonNode root;
    try {
      // YAML is a superset of JSON: one reader takes both
      root = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Invalid("config file " + f + " is not valid YAML or JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return; // an empty file: all defaults
    }
    if (!root.isObject()) {
      throw new Invalid("config file " + f + " must hold keys and values (a mapping), e.g. 'port: 7070'");
    }
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals("opensearchPassword")) {
        throw new Invalid("config file " + f + ": 'opensearchPassword' is not read from config files, so that the"
            + " file can be shared: name a file holding it with 'opensearchPasswordFile', or set"
            + " CUEPOINT_OPENSEARCH_PASSWORD");
      }
      if (e.getKey().equals("adminToken")) {
        throw new Invalid("config file " + f + ": 'adminToken' is not read from config files, so that the file"
            + " can be shared: put the token in a file of its own and name it with 'adminTokenFile', or set"
            + " CUEPOINT_ADMIN_TOKEN");
      }
      if (!KEYS.contains(e.getKey())) {
        throw new Invalid("config file " + f + ": unknown key '" + e.getKey() + "'; the keys are " + KEYS);
      }
      raw.put(e.getKey(), new Value(null, e.getValue(), "'" + e.getKey() + "' in " + f));
    }
  }

  /** A raw value: a string (environment, flag) or a YAML node (file), and where it came from. */
  private record Value(String text, JsonNode node, String source) {}

  /** Converts raw values, failing with a message that names the key and its source. */
  private static final class Reader {
    final Map<String, Value> raw;

    Reader(Map<String, Value> raw) {
      this.raw = raw;
    }

    String where(String key) {
      return raw.containsKey(key) ? raw.get(key).source() : key;
    }

    private Invalid bad(String key, String got, String allowed) {
      return new Invalid(where(key) + ": " + allowed + ", got '" + got + "'");
    }

    String text(String key, String fallback) {
      Value v = raw.get(key);
      if (v == null) {
        return fallback;
      }
      if (v.node() != null && !v.node().isValueNode()) {
        throw bad(key, v.node().toString(), "must be a single value");
      }
      String s = v.text() != null ? v.text() : v.node().isNull() ? null : v.node().asText();
      return s == null || s.isBlank() ? fallback : s.strip();
    }

    int integer(String key, int fallback, int min, int max) {
      String s = text(key, null);
      if (s == null) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(s);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below with the allowed range
      }
      throw bad(key, s, "must be a whole number from " + min + " to " + max);
    }

    boolean bool(String key, boolean fallback) {
      String s = text(key, null);
      if (s == null) {
        return fallback;
      }
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "1" -> true;
        case "false", "no", "off", "0" -> false;
        default -> throw bad(key, s, "must be true or false");
      };
    }

    <T> List<T> list(String key, Function<String, T> convert) {
      Value v = raw.get(key);
      if (v == null) {
        return List.of();
      }
      List<String> items = new ArrayList<>();
      if (v.text() != null) {
        items.addAll(Arrays.asList(v.text().split(",")));
      } else if (v.node().isArray()) {
        v.node().forEach(n -> items.add(n.asText()));
      } else if (!v.node().isNull()) {
        items.add(v.node().asText());
      }
      List<T> out = new ArrayList<>();
      for (String item : items) {
        if (!item.isBlank()) {
          out.add(convert.apply(item.strip()));
        }
      }
      return List.copyOf(out);
    }

    String oneOf(String key, String value, List<String> allowed) {
      if (!allowed.contains(value)) {
        throw bad(key, value, (key.endsWith("s") ? "each" : "it") + " must be one of " + allowed);
      }
      return value;
    }

    /** The first line of the file a key names; the secret itself is never put in a message. */
    String secretFile(String key) throws IOException {
      Path p = Path.of(text(key, ""));
      if (!Files.isRegularFile(p)) {
        throw new Invalid(where(key) + ": the file " + p + " does not exist");
      }
      String content = Files.readString(p, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
      if (content.isEmpty()) {
        throw new Invalid(where(key) + ": the file " + p + " is empty; write the token on its first line");
      }
      return content;
    }
  }
}
