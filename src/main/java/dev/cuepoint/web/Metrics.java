package dev.cuepoint.web;

import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.PassageProgress;
import dev.cuepoint.schedule.RefreshRun;
import dev.cuepoint.schedule.RefreshStep;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.search.IndexStats;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchRequest;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: what operators of a Java service expect Prometheus to scrape, in its text
 * format, through Micrometer's Prometheus registry (the only class that imports Micrometer).
 *
 * <p>Searches are counted from Javalin's request log hook: one array lookup and two lock-free
 * increments per search, no tags built per request. Everything that is a count of what the indexes
 * hold is read when Prometheus scrapes, not kept up to date on the way.
 *
 * <p>Who may read it is {@link Access}: off (no route at all), behind the admin token, or public.
 */
public final class Metrics implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Metrics.class);

  /** The Prometheus text format, version 0.0.4: what every Prometheus since 2.0 reads. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Who may read {@code /metrics}. */
  public enum Access {
    /** No {@code /metrics} route, nothing counted. */
    OFF,
    /** Only with {@code Authorization: Bearer <admin token>} (Prometheus: {@code authorization.credentials_file}). */
    TOKEN,
    /** Anyone who can reach the port. */
    PUBLIC;

    /**
     * The access a setting asks for: {@code off}, {@code token} or {@code public}; null (not set) means
     * {@code token} when there is an admin token, else {@code off}.
     *
     * @throws IllegalArgumentException for another value, or {@code token} without an admin token
     */
    public static Access of(String setting, String adminToken) {
      if (setting == null) {
        return adminToken == null ? OFF : TOKEN;
      }
      Access a = switch (setting.strip().toLowerCase(Locale.ROOT)) {
        case "off" -> OFF;
        case "token" -> TOKEN;
        case "public" -> PUBLIC;
        default -> throw new IllegalArgumentException("must be off, token or public, got '" + setting + "'");
      };
      if (a == TOKEN && adminToken == null) {
        throw new IllegalArgumentException("'token' needs an admin token (CUEPOINT_ADMIN_TOKEN or adminTokenFile);"
            + " set one, or choose 'public' (anyone who reaches the port) or 'off'");
      }
      return a;
    }
  }

  /** Search latency buckets: the 5 ms target sits between two of them. */
  private static final Duration[] SEARCH_BUCKETS = millis(1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 2500, 5000);

  private static final Duration[] REFRESH_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(10),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
      Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2)};

  /** Search outcomes by HTTP status, as the {@code outcome} tag says them. */
  private static final String[] OUTCOMES = {"ok", "bad_request", "rate_limited", "error"};

  private static final int OK = 0;
  private static final int BAD_REQUEST = 1;
  private static final int RATE_LIMITED = 2;
  private static final int ERROR = 3;

  /** The modes as tags, by {@link SearchRequest.Mode} ordinal, then one for a mode that is not one. */
  private static final String[] MODES = modes();

  /** Distinct caption reasons counted per source at most; others count as {@code other}. */
  static final int MAX_REASONS = 20;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Access access;
  private final byte[] tokenHash;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter[][] searches = new Counter[MODES.length][OUTCOMES.length];
  private final Timer[] searchTime = new Timer[MODES.length];
  private final Map<String, Boolean> reasons = new ConcurrentHashMap<>();
  private volatile Holdings holdings = Holdings.UNKNOWN;
  private volatile double lastSuccess = Double.NaN;
  private volatile double lastEnd = Double.NaN;
  private volatile double lastFailed = Double.NaN; // 1 when the last refresh failed, 0 when not
  private volatile double quotaBudget = Double.NaN;
  private volatile Supplier<Long> quotaUsedToday = () -> null;
  private volatile Refresher refresher;
  private volatile KeywordIndex index; // set by bind, before the server starts
  private volatile ModeSearch search;

  /** What the indexes hold, read at each scrape. */
  private record Holdings(double videos, double transcripts, double cues, double bytes, double passages,
      double embedded, double pendingVideos) {
    static final Holdings UNKNOWN = new Holdings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
  }

  /**
   * @param access who may read {@code /metrics}; not {@link Access#OFF} (then make none)
   * @param adminToken the admin token, needed for {@link Access#TOKEN}
   * @param quotaBudget the YouTube Data API units a day the crawler may spend, or a negative number when unknown
   */
  public Metrics(Access access, String adminToken, long quotaBudget) {
    if (access == null || access == Access.OFF) {
      throw new IllegalArgumentException("metrics that are off are not made: access must be token or public, got "
          + access);
    }
    if (access == Access.TOKEN && adminToken == null) {
      throw new IllegalArgumentException("metrics behind the admin token need an admin token");
    }
    this.access = access;
    this.tokenHash = access == Access.TOKEN ? sha256(adminToken) : null;
    this.quotaBudget = quotaBudget < 0 ? Double.NaN : quotaBudget;
    for (MeterBinder binder : new MeterBinder[] {new JvmMemoryMetrics(), gc, new JvmThreadMetrics(),
        new ClassLoaderMetrics(), new ProcessorMetrics(), new UptimeMetrics()}) {
      binder.bindTo(registry);
    }
    for (int m = 0; m < MODES.length; m++) {
      for (int o = 0; o < OUTCOMES.length; o++) {
        searches[m][o] = Counter.builder("cuepoint.search.requests")
            .description("GET /api/search requests by mode and outcome (ok, bad_request, rate_limited, error)")
            .tags("mode", MODES[m], "outcome", OUTCOMES[o]).register(registry);
      }
      searchTime[m] = Timer.builder("cuepoint.search.duration")
          .description("Time to answer a search that succeeded, as the server measured it (request in, answer out)")
          .tags("mode", MODES[m]).serviceLevelObjectives(SEARCH_BUCKETS).register(registry);
    }
    gauge("cuepoint.index.videos", "Videos in the keyword index", null, m -> m.holdings.videos);
    gauge("cuepoint.index.transcripts", "Transcripts in the keyword index, over all languages", null,
        m -> m.holdings.transcripts);
    gauge("cuepoint.index.cues", "Caption cues in the keyword index", null, m -> m.holdings.cues);
    gauge("cuepoint.index.size", "Disk space the keyword index takes", "bytes", m -> m.holdings.bytes);
    gauge("cuepoint.passages", "Passages for semantic search (absent when embeddings are off)", null,
        m -> m.holdings.passages);
    gauge("cuepoint.passages.embedded", "Passages with a vector", null, m -> m.holdings.embedded);
    gauge("cuepoint.embedding.backlog", "Passages still to embed", "passages",
        m -> m.holdings.passages - m.holdings.embedded);
    gauge("cuepoint.embedding.backlog.videos", "Videos whose passages are still to embed", null,
        m -> m.holdings.pendingVideos);
    gauge("cuepoint.youtube.quota.used.today", "YouTube Data API units spent today (Pacific time)", "units",
        Metrics::quotaUsed);
    gauge("cuepoint.youtube.quota.budget", "YouTube Data API units a day the crawler may spend", "units",
        m -> m.quotaBudget);
    gauge("cuepoint.refresh.last.success.timestamp", "When the last refresh that succeeded ended (Unix time)", "seconds",
        m -> m.lastSuccess);
    gauge("cuepoint.refresh.last.end.timestamp", "When the last refresh ended, however it ended (Unix time)", "seconds",
        m -> m.lastEnd);
    gauge("cuepoint.refresh.last.failed", "1 when the last refresh failed, 0 when it did not", null,
        m -> m.lastFailed);
    gauge("cuepoint.refresh.running", "1 while a refresh runs", null,
        m -> m.refresher == null ? Double.NaN : m.refresher.current().isPresent() ? 1 : 0);
    for (RefreshRun.State s : RefreshRun.State.values()) {
      if (s != RefreshRun.State.RUNNING) {
        refreshRuns(s); // present at 0, so that rate() and increase() see the first failure
      }
    }
  }

  /** Who may read {@code /metrics}. */
  public Access access() {
    return access;
  }

  private void gauge(String name, String help, String unit, java.util.function.ToDoubleFunction<Metrics> value) {
    Gauge.builder(name, this, value).description(help).baseUnit(unit).strongReference(true).register(registry);
  }

  /**
   * Wires the web server's parts in: the route, the search counts, what the indexes hold, the cache and
   * the rate limiter's counts, and the refresher's runs. Called once, by {@link WebServer}.
   */
  void bind(io.javalin.config.JavalinConfig config, KeywordIndex index, ModeSearch search, SearchCache cache,
      RateLimiter limiter, Refresher refresher, Supplier<Long> quotaUsedToday) {
    this.index = index;
    this.search = search;
    this.refresher = refresher;
    this.quotaUsedToday = quotaUsedToday == null ? () -> null : quotaUsedToday;
    FunctionCounter.builder("cuepoint.search.cache.requests", cache, c -> c.hits.sum())
        .description("Searches answered from the search cache (hit) or worked out (miss)").tags("result", "hit")
        .register(registry);
    FunctionCounter.builder("cuepoint.search.cache.requests", cache, c -> c.misses.sum())
        .description("Searches answered from the search cache (hit) or worked out (miss)").tags("result", "miss")
        .register(registry);
    FunctionCounter.builder("cuepoint.rate.limited", limiter, l -> l.refused.sum())
        .description("Requests refused with 429 by the per-address rate limit (search, suggest, moments)")
        .baseUnit("requests").register(registry);
    if (refresher != null) {
      refresher.onEnd(this::refreshed);
    }
    config.requestLogger.http(this::request);
    config.routes.get("/metrics", this::serve);
  }

  /** Javalin's request log hook: counts searches by mode and outcome and times the answered ones. */
  private void request(Context ctx, Float ms) {
    if ("/api/search".equals(ctx.path())) {
      searched(ctx.queryParam("mode"), ctx.statusCode(), (long) (ms * 1_000_000L));
    }
  }

  /** One search ended with {@code status} after {@code nanos}: the whole per-search cost of metrics. */
  void searched(String modeParam, int status, long nanos) {
    int outcome = status < 400 ? OK : status == 429 ? RATE_LIMITED : status < 500 ? BAD_REQUEST : ERROR;
    int mode = mode(modeParam);
    searches[mode][outcome].increment();
    if (outcome == OK) {
      searchTime[mode].record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  /** The mode's tag index: the server's default when absent, the last one when it is no mode. */
  private int mode(String param) {
    if (param == null || param.isEmpty()) {
      return search == null ? MODES.length - 1 : search.defaultMode().ordinal();
    }
    SearchRequest.Mode[] modes = SearchRequest.Mode.values();
    for (SearchRequest.Mode m : modes) {
      if (m.name().equalsIgnoreCase(param)) {
        return m.ordinal();
      }
    }
    return MODES.length - 1;
  }

  private static String[] modes() {
    SearchRequest.Mode[] modes = SearchRequest.Mode.values();
    String[] out = new String[modes.length + 1];
    for (SearchRequest.Mode m : modes) {
      out[m.ordinal()] = m.name().toLowerCase(Locale.ROOT);
    }
    out[modes.length] = "invalid";
    return out;
  }

  /** A refresh ended: counts it, times it and its steps. */
  void refreshed(RefreshRun run) {
    String result = run.state().name().toLowerCase(Locale.ROOT);
    refreshRuns(run.state()).increment();
    if (run.endedAt() != null) {
      Timer.builder("cuepoint.refresh.duration").description("How long refreshes took, by how they ended")
          .tags("result", result).serviceLevelObjectives(REFRESH_BUCKETS).register(registry)
          .record(Duration.between(run.startedAt(), run.endedAt()));
      double end = run.endedAt().toEpochMilli() / 1000.0;
      lastEnd = end;
      if (run.state() == RefreshRun.State.SUCCEEDED) {
        lastSuccess = end;
      }
    }
    lastFailed = run.state() == RefreshRun.State.FAILED ? 1 : 0;
    for (RefreshStep step : run.steps()) {
      Timer.builder("cuepoint.refresh.step.duration").description("How long each refresh step took")
          .tags("step", step.name(), "result", step.ok() ? "ok" : "failed").register(registry)
          .record(step.millis(), TimeUnit.MILLISECONDS);
    }
  }

  private Counter refreshRuns(RefreshRun.State state) {
    return Counter.builder("cuepoint.refresh.runs").description("Refreshes that ended, by result")
        .tags("result", state.name().toLowerCase(Locale.ROOT)).register(registry);
  }

  /**
   * A crawl ended: its quota units, how it ended, and its caption fetches by source and reason (new
   * or changed tracks as {@code fetched}; videos without a transcript and failures by their short reason).
   */
  public void crawled(CrawlSummary summary) {
    Counter.builder("cuepoint.crawl.runs").description("Crawls by how they ended")
        .tags("result", summary.result().name().toLowerCase(Locale.ROOT)).register(registry).increment();
    Counter.builder("cuepoint.youtube.quota.spent").description("YouTube Data API units crawls spent")
        .baseUnit("units").register(registry).increment(summary.unitsUsed());
    quotaBudget = summary.budget();
    for (CrawlSummary.CaptionCount c : summary.captionCounts()) {
      Counter.builder("cuepoint.caption.fetches")
          .description("Caption fetches by source, result (fetched, none, failed) and short reason")
          .tags("source", tag(c.source()), "result", c.result(), "reason", reason(c.source(), c.reason()))
          .register(registry).increment(c.videos());
    }
  }

  /** A reason as a tag: short, plain, and one of at most {@link #MAX_REASONS} per source. */
  private String reason(String source, String reason) {
    String r = tag(reason);
    if (r.isEmpty()) {
      return r;
    }
    String key = tag(source) + "\u0000" + r;
    if (reasons.containsKey(key)) {
      return r;
    }
    long ofSource = reasons.keySet().stream().filter(k -> k.startsWith(tag(source) + "\u0000")).count();
    if (ofSource >= MAX_REASONS) {
      return "other";
    }
    reasons.put(key, Boolean.TRUE);
    return r;
  }

  private static String tag(String s) {
    String t = s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _.-]+", " ").strip()
        .replaceAll("\\s+", " ");
    return t.length() > 40 ? t.substring(0, 40).strip() : t;
  }

  private double quotaUsed() {
    Long used = quotaUsedToday.get();
    return used == null ? Double.NaN : used;
  }

  /** {@code GET /metrics}: checks access, reads what the indexes hold, writes the registry. */
  private void serve(Context ctx) throws IOException {
    if (access == Access.TOKEN) {
      String header = ctx.header("Authorization");
      byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
          ? sha256(header.substring(7).strip()) : new byte[0];
      if (!MessageDigest.isEqual(given, tokenHash)) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new UnauthorizedResponse("/metrics needs the admin token: send 'Authorization: Bearer <token>'"
            + " (Prometheus: authorization.credentials_file in the scrape config)");
      }
    }
    holdings = holdings();
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(CONTENT_TYPE).result(registry.scrape());
  }

  private Holdings holdings() {
    double videos = Double.NaN, transcripts = Double.NaN, cues = Double.NaN, bytes = Double.NaN;
    try {
      IndexStats stats = index == null ? null : IndexStats.of(index);
      if (stats == null) {
        return Holdings.UNKNOWN;
      }
      videos = stats.videos();
      transcripts = stats.transcriptsByLanguage().values().stream().mapToInt(Integer::intValue).sum();
      cues = stats.cues();
      bytes = stats.sizeBytes();
    } catch (IOException | RuntimeException e) {
      // an index reopening or a cluster away: the gauges are absent (NaN) this time, not wrong
      LOG.warn("metrics: the index cannot be counted now: {}", e.toString());
    }
    PassageProgress p = search == null ? null : search.progress();
    if (p == null) {
      return new Holdings(videos, transcripts, cues, bytes, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Holdings(videos, transcripts, cues, bytes, p.passages() < 0 ? Double.NaN : p.passages(),
        p.embedded() < 0 ? Double.NaN : p.embedded(), p.pendingVideos() < 0 ? Double.NaN : p.pendingVideos());
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.strip().getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }

  private static Duration[] millis(long... ms) {
    Duration[] out = new Duration[ms.length];
    for (int i = 0; i < ms.length; i++) {
      out[i] = Duration.ofMillis(ms[i]);
    }
    return out;
  }

  /** The registry's text now, without access checks (tests, benchmarks). */
  String scrape() {
    holdings = holdings();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
