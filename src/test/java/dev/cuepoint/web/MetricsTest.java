package dev.cuepoint.web;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.schedule.RefreshTask;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.search.IndexStats;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} on a real server over a real index: its format, what it counts, who may read it. */
class MetricsTest {
  static final String TOKEN = "metrics-test-admin-token-0123456789";
  static final RateLimiter.Limit NO_PRACTICAL_LIMIT = new RateLimiter.Limit(100_000, 100_000);

  @TempDir Path dir;
  private SearchIndex index;
  private WebServer server;
  private Refresher refresher;
  private Metrics metrics;
  private final AtomicBoolean crawlFails = new AtomicBoolean();

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (refresher != null) {
      refresher.close(10);
    }
    if (index != null) {
      index.close();
    }
  }

  /** A server over the standard library whose refresher has a "crawl" step that fails on demand. */
  private void start(Metrics.Access access, RateLimiter.Limit limit) throws IOException {
    Library library = Library.standard();
    index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(library, false, null);
    refresher = new Refresher(
        List.of(RefreshTask.of("crawl", stop -> {
          if (crawlFails.get()) {
            throw new IOException("the fake crawl was told to fail");
          }
          return "nothing new";
        })),
        RefreshTask.of("index", stop -> index.sync(library, false, null).summary()), null, Clock.systemUTC());
    metrics = access == Metrics.Access.OFF ? null : new Metrics(access, TOKEN, 10_000);
    server = new WebServer(index, new SearchService(index), library,
        new WebServer.Settings("127.0.0.1", 0, Path.of("web")),
        new WebServer.Operations(refresher, TOKEN, () -> 1234L, false, limit, 100, metrics)).start();
  }

  private Http.Response get(String path, String... headers) {
    return Http.get("http://127.0.0.1:" + server.port() + path, headers);
  }

  private PrometheusText scrape() {
    Http.Response r = get("/metrics");
    assertEquals(200, r.status(), r.text());
    assertEquals(Metrics.CONTENT_TYPE, r.header("Content-Type"));
    return PrometheusText.parse(r.text());
  }

  private Http.Response search(String q, String more) {
    return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
  }

  @Test
  void metrics_are_prometheus_text_with_jvm_memory_and_the_real_number_of_videos() throws IOException {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    PrometheusText m = scrape();
    assertTrue(m.all("jvm_memory_used_bytes").stream().anyMatch(s -> "heap".equals(s.labels().get("area"))
        && s.value() > 0), "jvm_memory_used_bytes{area=heap} > 0");
    assertEquals("gauge", m.types.get("jvm_memory_used_bytes"));
    assertFalse(m.all("jvm_threads_live_threads").isEmpty(), "thread counts");
    assertTrue(m.types.keySet().stream().anyMatch(t -> t.startsWith("jvm_gc_")), "GC metrics: " + m.types.keySet());
    int videos = IndexStats.of(index).videos();
    assertTrue(videos > 1, "the library has several videos");
    assertEquals(videos, m.get("cuepoint_index_videos"));
    assertEquals(get("/api/status").json().get("transcripts").asInt(), m.get("cuepoint_index_transcripts"));
    assertEquals(1234, m.get("cuepoint_youtube_quota_used_today_units"));
    assertEquals(10_000, m.get("cuepoint_youtube_quota_budget_units"));
  }

  @Test
  void the_search_latency_histogram_moves_with_searches_by_mode_and_outcome() throws IOException {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    PrometheusText before = scrape();
    assertEquals("histogram", before.types.get("cuepoint_search_duration_seconds"));
    double count0 = before.get("cuepoint_search_duration_seconds_count", "mode", "keyword");
    double inf0 = before.get("cuepoint_search_duration_seconds_bucket", "mode", "keyword", "le", "+Inf");
    for (String q : List.of("spike timing", "neuron", "learning", "spike timing")) {
      assertEquals(200, search(q, "&mode=keyword").status());
    }
    assertEquals(400, search("", "&mode=keyword").status());
    assertEquals(400, search("x", "&mode=nonsense").status());
    PrometheusText after = scrape();
    assertEquals(count0 + 4, after.get("cuepoint_search_duration_seconds_count", "mode", "keyword"));
    assertEquals(inf0 + 4, after.get("cuepoint_search_duration_seconds_bucket", "mode", "keyword", "le", "+Inf"));
    assertTrue(after.get("cuepoint_search_duration_seconds_sum", "mode", "keyword") > 0, "time adds up");
    assertEquals(4, after.get("cuepoint_search_requests_total", "mode", "keyword", "outcome", "ok"));
    assertEquals(1, after.get("cuepoint_search_requests_total", "mode", "keyword", "outcome", "bad_request"));
    assertEquals(1, after.get("cuepoint_search_requests_total", "mode", "invalid", "outcome", "bad_request"));
    // the repeated search came from the cache
    assertEquals(1, after.get("cuepoint_search_cache_requests_total", "result", "hit"));
    assertEquals(3, after.get("cuepoint_search_cache_requests_total", "result", "miss"));
    // the 5 s bucket holds every search; the buckets are not all one number (le rises, counts accumulate)
    assertEquals(inf0 + 4, after.get("cuepoint_search_duration_seconds_bucket", "mode", "keyword", "le", "5.0"));
  }

  @Test
  void a_refused_search_counts_as_rate_limited() throws Exception {
    start(Metrics.Access.PUBLIC, new RateLimiter.Limit(0.001, 1)); // one search, then none for 1000 s
    assertEquals(200, search("neuron", "").status());
    assertEquals(429, search("neuron", "").status());
    PrometheusText m = scrape();
    assertEquals(1, m.get("cuepoint_rate_limited_requests_total"));
    double limited = m.all("cuepoint_search_requests_total").stream()
        .filter(s -> s.labels().get("outcome").equals("rate_limited")).mapToDouble(PrometheusText.Sample::value).sum();
    assertEquals(1, limited);
  }

  @Test
  void refreshes_are_counted_by_result_with_their_durations() throws Exception {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    PrometheusText before = scrape();
    assertEquals(0, before.get("cuepoint_refresh_runs_total", "result", "failed"));
    assertTrue(refresher.start("test").isPresent());
    awaitUntil("a succeeded refresh counted", () -> scrape().get("cuepoint_refresh_runs_total", "result", "succeeded") == 1,
        Duration.ofSeconds(30));
    PrometheusText ok = scrape();
    assertEquals(1, ok.get("cuepoint_refresh_duration_seconds_count", "result", "succeeded"));
    assertEquals(1, ok.get("cuepoint_refresh_step_duration_seconds_count", "step", "index", "result", "ok"));
    assertEquals(0, ok.get("cuepoint_refresh_last_failed"));
    double success = ok.get("cuepoint_refresh_last_success_timestamp_seconds");
    assertTrue(Math.abs(success - System.currentTimeMillis() / 1000.0) < 120, "a recent Unix time: " + success);

    crawlFails.set(true);
    assertTrue(refresher.start("test").isPresent());
    awaitUntil("a failed refresh counted", () -> scrape().get("cuepoint_refresh_runs_total", "result", "failed") == 1,
        Duration.ofSeconds(30));
    PrometheusText failed = scrape();
    assertEquals(1, failed.get("cuepoint_refresh_last_failed"));
    assertEquals(1, failed.get("cuepoint_refresh_step_duration_seconds_count", "step", "crawl", "result", "failed"));
    assertEquals(success, failed.get("cuepoint_refresh_last_success_timestamp_seconds"), "still the last success");
    assertEquals(1, failed.get("cuepoint_refresh_runs_total", "result", "succeeded"));
  }

  @Test
  void a_crawl_counts_its_caption_fetches_by_source_and_reason_and_its_quota() throws IOException {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    CrawlSummary summary = new CrawlSummary(2, 0, 5, 0, List.of(),
        List.of(new CrawlSummary.Item("vid0000000a", "timedtext: error: HTTP 500; ytdlp: no captions"),
            new CrawlSummary.Item("PLbroken", "playlist cannot be listed: not found")),
        List.of(new CrawlSummary.Item("vid0000000b", "timedtext: captions off"),
            new CrawlSummary.Item("vid0000000c", "timedtext: captions off"),
            new CrawlSummary.Item("vid0000000d", "timedtext: age-restricted")),
        Map.of("timedtext", 3, "api", 1), 812, 900, 5000, CrawlSummary.Result.COMPLETE, "");
    metrics.crawled(summary);
    PrometheusText m = scrape();
    assertEquals(3, m.get("cuepoint_caption_fetches_total", "source", "timedtext", "result", "fetched", "reason", ""));
    assertEquals(1, m.get("cuepoint_caption_fetches_total", "source", "api", "result", "fetched", "reason", ""));
    assertEquals(2, m.get("cuepoint_caption_fetches_total", "source", "timedtext", "result", "none",
        "reason", "captions off"));
    assertEquals(1, m.get("cuepoint_caption_fetches_total", "source", "timedtext", "result", "none",
        "reason", "age-restricted"));
    assertEquals(1, m.get("cuepoint_caption_fetches_total", "source", "timedtext", "result", "failed",
        "reason", "error"));
    assertEquals(3 + 1 + 2 + 1 + 1, m.all("cuepoint_caption_fetches_total").stream()
        .mapToDouble(PrometheusText.Sample::value).sum(), "the playlist failure is not a caption fetch");
    assertEquals(812, m.get("cuepoint_youtube_quota_spent_units_total"));
    assertEquals(5000, m.get("cuepoint_youtube_quota_budget_units"));
    assertEquals(1, m.get("cuepoint_crawl_runs_total", "result", "complete"));
  }

  /**
   * The sample dashboard and alert rules in src/ops/ ask only for series the server exposes (after a
   * search, a refresh, a crawl and a garbage collection, when every lazily made series exists).
   */
  @Test
  void the_dashboard_and_alert_rules_name_only_metrics_the_server_has() throws Exception {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    assertEquals(200, search("neuron", "").status());
    assertTrue(refresher.start("test").isPresent());
    metrics.crawled(new CrawlSummary(1, 0, 0, 0, List.of(), List.of(),
        List.of(new CrawlSummary.Item("vid0000000b", "timedtext: captions off")), Map.of("timedtext", 1), 3, 3, 100,
        CrawlSummary.Result.COMPLETE, ""));
    System.gc(); // the GC pause timer appears with the first collection
    awaitUntil("a refresh and a collection counted", () -> {
      PrometheusText m = scrape();
      return !m.all("cuepoint_refresh_duration_seconds_count").isEmpty() && !m.all("jvm_gc_pause_seconds_sum").isEmpty();
    }, Duration.ofSeconds(30));
    java.util.Set<String> exposed = new java.util.HashSet<>();
    scrape().samples.forEach(s -> exposed.add(s.name()));

    String dashboard = java.nio.file.Files.readString(Path.of("src/ops/grafana-dashboard.json"));
    List<String> exprs = new java.util.ArrayList<>();
    new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard).findValues("expr")
        .forEach(e -> exprs.add(e.asText()));
    new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(Path.of("src/ops/prometheus-alerts.yml").toFile()).findValues("expr")
        .forEach(e -> exprs.add(e.asText()));
    assertTrue(exprs.size() > 20, "the dashboard's and the rules' queries: " + exprs.size());
    java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(?:cuepoint|jvm|process|system)_[a-z0-9_]+")
        .matcher(String.join("\n", exprs));
    int checked = 0;
    while (names.find()) {
      assertTrue(exposed.contains(names.group()), names.group() + " is in src/ops/ but not in /metrics");
      checked++;
    }
    assertTrue(checked > 20, "names checked: " + checked);
  }

  @Test
  void metrics_that_are_off_have_no_route() throws IOException {
    start(Metrics.Access.OFF, NO_PRACTICAL_LIMIT);
    assertEquals(404, get("/metrics").status());
    assertFalse(server.routes().contains("GET /metrics"), server.routes().toString());
  }

  @Test
  void metrics_behind_the_token_need_it() throws IOException {
    start(Metrics.Access.TOKEN, NO_PRACTICAL_LIMIT);
    Http.Response none = get("/metrics");
    assertEquals(401, none.status());
    assertEquals("Bearer", none.header("WWW-Authenticate"));
    assertTrue(none.text().contains("admin token"), none.text());
    assertFalse(none.text().contains("jvm_"), none.text());
    assertEquals(401, get("/metrics", "Authorization", "Bearer wrong-token-0123456789abcdef").status());
    assertEquals(401, get("/metrics", "Authorization", TOKEN).status(), "no Bearer scheme");
    Http.Response ok = get("/metrics", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, ok.status());
    assertTrue(PrometheusText.parse(ok.text()).get("cuepoint_index_videos") > 0);
  }

  @Test
  void public_metrics_need_no_token() throws IOException {
    start(Metrics.Access.PUBLIC, NO_PRACTICAL_LIMIT);
    assertEquals(200, get("/metrics").status());
  }

  @Test
  void access_comes_from_the_setting_and_the_admin_token() {
    assertEquals(Metrics.Access.OFF, Metrics.Access.of(null, null));
    assertEquals(Metrics.Access.TOKEN, Metrics.Access.of(null, TOKEN));
    assertEquals(Metrics.Access.PUBLIC, Metrics.Access.of("Public", null));
    assertEquals(Metrics.Access.OFF, Metrics.Access.of("off", TOKEN));
    var noToken = assertThrows(IllegalArgumentException.class, () -> Metrics.Access.of("token", null));
    assertTrue(noToken.getMessage().contains("admin token"), noToken.getMessage());
    var bad = assertThrows(IllegalArgumentException.class, () -> Metrics.Access.of("yes", TOKEN));
    assertTrue(bad.getMessage().contains("'yes'") && bad.getMessage().contains("off, token or public"),
        bad.getMessage());
  }
}
