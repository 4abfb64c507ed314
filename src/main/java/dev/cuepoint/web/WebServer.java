package dev.cuepoint.web;

import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.Suggestions;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The web app: the JSON API under {@code /api/} (described by {@code /api/openapi.json}), the search
 * page and its files from a {@code web/} folder, and security headers on everything.
 */
public final class WebServer implements AutoCloseable {
  /** The real IFrame Player API; tests serve a stand-in instead. */
  public static final String YOUTUBE_API = "https://www.youtube.com/iframe_api";

  /** Room for a 10,000-character query in the URL, so it gets a 400 saying why, not a 414. */
  private static final int MAX_REQUEST_HEADER_BYTES = 64 * 1024;

  /** The API takes no request bodies; anything larger than this is refused with a 413. */
  static final int MAX_REQUEST_BODY_BYTES = 64 * 1024;

  /**
   * @param host the address to listen on ({@code 127.0.0.1}: this machine only)
   * @param port the port, 0 for any free one
   * @param webDir the folder holding index.html, app.js and app.css
   * @param youtubeApiUrl where the page loads YouTube's IFrame Player API from
   * @param corsOrigins the other sites (exact origins) whose pages may call the search API ({@link Cors})
   * @param mediaFolders the only folders {@code /media/{id}} serves local recordings from (the data
   *     directory and the configured media folder)
   */
  public record Settings(
      String host, int port, Path webDir, String youtubeApiUrl, List<String> corsOrigins, List<Path> mediaFolders) {
    public Settings {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, got " + port);
      }
      Objects.requireNonNull(webDir, "webDir");
      youtubeApiUrl = youtubeApiUrl == null ? YOUTUBE_API : youtubeApiUrl;
      corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(Cors::check).distinct().toList();
      mediaFolders = mediaFolders == null ? List.of() : List.copyOf(mediaFolders);
    }

    /** No other site may call the API from a browser, and no local recordings are served. */
    public Settings(String host, int port, Path webDir, String youtubeApiUrl) {
      this(host, port, webDir, youtubeApiUrl, List.of(), List.of());
    }

    public Settings(String host, int port, Path webDir) {
      this(host, port, webDir, YOUTUBE_API);
    }
  }

  /**
   * What the server runs beside search: scheduled refreshes, the admin API and the access log.
   *
   * @param refresher the refresher, or null when there is none (no refresh status, no admin API)
   * @param adminToken the admin API's bearer token, or null to switch the admin API off
   * @param quotaUsedToday YouTube API units spent today, or null when unknown
   * @param accessLog whether to log one line per request
   * @param searchLimit each client's rate limit on {@code /api/search} and {@code /api/suggest}
   * @param searchCache how many recent search answers to keep for repeated searches (0: none)
   * @param metrics what {@code GET /metrics} serves (the server closes it), or null for no such route
   */
  public record Operations(
      Refresher refresher, String adminToken, java.util.function.Supplier<Long> quotaUsedToday, boolean accessLog,
      RateLimiter.Limit searchLimit, int searchCache, Metrics metrics) {
    /** Answers kept by default: a few MB, room for every search of a busy day's course. */
    public static final int DEFAULT_SEARCH_CACHE = 1000;

    public Operations {
      searchLimit = searchLimit == null ? RateLimiter.Limit.DEFAULT : searchLimit;
      if (searchCache < 0) {
        throw new IllegalArgumentException("searchCache must be >= 0, got " + searchCache);
      }
    }

    /** Without metrics. */
    public Operations(Refresher refresher, String adminToken, java.util.function.Supplier<Long> quotaUsedToday,
        boolean accessLog, RateLimiter.Limit searchLimit, int searchCache) {
      this(refresher, adminToken, quotaUsedToday, accessLog, searchLimit, searchCache, null);
    }

    /** With the default search cache. */
    public Operations(
        Refresher refresher, String adminToken, java.util.function.Supplier<Long> quotaUsedToday, boolean accessLog,
        RateLimiter.Limit searchLimit) {
      this(refresher, adminToken, quotaUsedToday, accessLog, searchLimit, DEFAULT_SEARCH_CACHE);
    }

    /** With the default search rate limit. */
    public Operations(
        Refresher refresher, String adminToken, java.util.function.Supplier<Long> quotaUsedToday, boolean accessLog) {
      this(refresher, adminToken, quotaUsedToday, accessLog, RateLimiter.Limit.DEFAULT);
    }

    public static Operations none() {
      return new Operations(null, null, () -> null, false);
    }

    @Override
    public String toString() {
      return "Operations[refresher=" + refresher + ", adminToken=" + (adminToken == null ? "none" : "(set)")
          + ", accessLog=" + accessLog + ", searchLimit=" + searchLimit + ", searchCache=" + searchCache + ", metrics=" + (metrics == null ? "off" : metrics.access()) + "]";
    }
  }

  /** How long in-flight requests may take to finish when the server stops. */
  private static final long STOP_TIMEOUT_MS = 10_000;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebServer.class);
  private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("dev.cuepoint.access");

  private final Javalin app;
  private final Settings settings;
  private final Metrics metrics;
  private final Availability availability = new Availability();
  /** Searches run in the background after start while no one searches; null for a cluster. */
  private final SearchWarmup warmup;

  public WebServer(KeywordIndex index, SearchService search, VideoSource videos, Settings settings) {
    this(index, search, videos, settings, Operations.none());
  }

  public WebServer(
      KeywordIndex index, SearchService search, VideoSource videos, Settings settings, Operations ops) {
    this(index, ModeSearch.keywordOnly(search, "this server has no passage vectors"), videos, settings, ops);
  }

  /** A server whose searches run in keyword, semantic or hybrid mode ({@code mode=}). */
  public WebServer(
      KeywordIndex index, ModeSearch search, VideoSource videos, Settings settings, Operations ops) {
    this.settings = settings;
    this.metrics = ops.metrics();
    Path webDir = settings.webDir().toAbsolutePath().normalize();
    Page page = new Page(webDir, settings.youtubeApiUrl());
    // searches of the embedded index are pure CPU: as many at once as there are cores; those of a
    // cluster mostly wait for it, and are not held back
    int atOnce = index.usefulConcurrentSearches();
    SearchGate gate = atOnce > 0 ? new SearchGate(search::search, atOnce) : null;
    this.warmup = gate == null ? null : new SearchWarmup(index, gate, search::search, availability,
        SearchWarmup.MAX_SEARCHES, SearchWarmup.MAX_CPU_MILLIS, SearchWarmup.MIN_VIDEOS);
    SearchCache.Searcher searcher = gate != null ? gate : search::search;
    SearchApi.Moments moments = gate != null
        ? (request, id) -> gate.run(() -> search.moments(request, id))
        : search::moments;
    SearchCache cache = new SearchCache(searcher, request -> state(search, request), ops.searchCache());
    SearchApi searchApi = new SearchApi(cache, new Suggestions(index), search, moments, videos);
    LibraryApi library = new LibraryApi(index, search, videos, Instant.now(), ops, availability);
    AdminApi admin = ops.refresher() == null ? null : new AdminApi(ops.refresher(), ops.adminToken());
    byte[] openapi = openapi();
    MediaFiles media = new MediaFiles(videos, settings.mediaFolders());
    RateLimiter searchLimiter = new RateLimiter(ops.searchLimit());
    Cors cors = new Cors(settings.corsOrigins());
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.http.compressionStrategy = CompressionStrategy.GZIP;
      config.http.maxRequestSize = MAX_REQUEST_BODY_BYTES;
      config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES));
      // on stop: refuse new connections, let requests in flight finish (up to STOP_TIMEOUT_MS)
      config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MS));
      config.jetty.modifyServletContextHandler(h -> h.insertHandler(new org.eclipse.jetty.server.handler.GracefulHandler()));
      if (ops.accessLog()) {
        config.requestLogger.http((ctx, ms) -> ACCESS.info("{} {} {} {} ms", ctx.method(), ctx.path(),
            ctx.statusCode(), String.format(java.util.Locale.ROOT, "%.1f", ms)));
      }
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = webDir.toString();
        files.location = Location.EXTERNAL;
        files.headers = java.util.Map.of("Cache-Control", "no-cache");
      });
      config.routes.before(SecurityHeaders::apply);
      config.routes.before(WebServer::refuseLargeBodies);
      // before the rate limit, so a site allowed to search can read its 429 too
      for (String path : Cors.PATHS) {
        if (cors.isOpen()) {
          config.routes.before(path, cors::allow);
        }
        config.routes.options(path, cors::preflight);
      }
      // a 503 while the index is rebuilt, before the rate limit counts the request
      config.routes.before("/api/search", availability::check);
      config.routes.before("/api/suggest", availability::check);
      config.routes.before("/api/videos/{id}/moments", availability::check);
      config.routes.before("/api/search", searchLimiter::check);
      config.routes.before("/api/suggest", searchLimiter::check);
      config.routes.before("/api/videos/{id}/moments", searchLimiter::check);
      config.routes.get("/api/search", searchApi::search);
      config.routes.get("/api/suggest", searchApi::suggest);
      config.routes.get("/api/videos/{id}", library::video);
      config.routes.get("/api/videos/{id}/moments", searchApi::videoMoments);
      config.routes.get("/api/videos/{id}/words", library::words);
      config.routes.get("/api/playlists", library::playlists);
      config.routes.get("/api/status", library::status);
      config.routes.get("/api/openapi.json", ctx -> ctx.contentType(JsonOut.CONTENT_TYPE).result(openapi));
      config.routes.get("/api/videos/{id}/media", media::describe);
      config.routes.get("/media/{id}", media::serve);
      config.routes.head("/media/{id}", media::serve);
      config.routes.get("/healthz", ctx -> JsonOut.send(ctx, new Health("ok")));
      if (admin != null) {
        config.routes.post("/api/admin/refresh", admin::refresh);
        config.routes.get("/api/admin/refresh/{id}", admin::progress);
      }
      config.routes.get("/", page::serve);
      config.routes.get("/index.html", page::serve);
      config.routes.get("/watch/{id}", page::serve);
      ApiErrors.register(config.routes);
      if (metrics != null) {
        metrics.bind(config, index, search, cache, searchLimiter, ops.refresher(), ops.quotaUsedToday());
      }
    });
  }

  record Health(String status) {}

  /**
   * The indexes' state for the search cache; null (nothing cached) when it cannot be read: an index
   * closing or reopening. A RuntimeException is a bug and goes up (a 500 and a logged stack trace)
   * rather than silently turning the cache off.
   */
  private static Object state(ModeSearch search, dev.cuepoint.search.SearchRequest request) {
    try {
      return search.state(request);
    } catch (IOException e) {
      LOG.warn("the index state cannot be read; this search is not cached: {}", e.toString());
      return null;
    }
  }

  /** By the declared length, before anything reads the body. */
  private static void refuseLargeBodies(io.javalin.http.Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > MAX_REQUEST_BODY_BYTES) {
      throw new io.javalin.http.ContentTooLargeResponse("the request body is " + length + " bytes; the limit is "
          + MAX_REQUEST_BODY_BYTES + " (this API takes no request bodies)");
    }
  }

  private static byte[] openapi() {
    try (InputStream in = WebServer.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build (src/main/resources/dev/cuepoint/web)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.json", e);
    }
  }

  /**
   * An origin for {@link Settings#corsOrigins()} as browsers send it ({@code https://course.example.org});
   * an IllegalArgumentException saying what is wrong otherwise.
   */
  public static String corsOrigin(String origin) {
    return Cors.check(origin);
  }

  /** Starts listening; returns this. */
  public WebServer start() {
    if (!Files.isDirectory(settings.webDir())) {
      throw new IllegalArgumentException("web folder " + settings.webDir() + " does not exist");
    }
    app.start(settings.host(), settings.port());
    if (warmup != null) {
      warmup.start();
    }
    return this;
  }

  /** Whether searches are answered now (not while the index is rebuilt at start). */
  public Availability availability() {
    return availability;
  }

  /** The port listened on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://host:port/}. */
  public String url() {
    String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    return "http://" + host + ":" + port() + "/";
  }

  /** Every route, as {@code "GET /api/search"}: what the OpenAPI document must describe. */
  public List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(p -> p.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .map(e -> e.method + " " + e.path)
        .toList();
  }

  @Override
  public void close() {
    if (warmup != null) {
      warmup.close();
    }
    app.stop();
    if (metrics != null) {
      metrics.close();
    }
  }
}
