package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for youtube.com's web player routes, on a free local port, answering with the real
 * recordings in {@code ../shared/data/timedtext/youtube-transcript-api} (never copied into the
 * repository): the watch page (with the EU consent interstitial when asked for), the player endpoint
 * (one recorded answer per video id), and timedtext downloads in json3 (or the recorded XML). It
 * checks what the real one needs (the page's API key, an Android client, the consent cookie), can
 * start blocking after N requests, and counts what it served.
 */
public final class FakeYouTubeWeb implements AutoCloseable {
  /** The key in the recorded watch page. */
  static final String PAGE_KEY = "AIzaSyAO_FJ2SlqU8Q4STEHLGCilw_Y9_11qcW8";

  /** How a block looks. */
  public enum Block {
    /** The player answers LOGIN_REQUIRED "Sign in to confirm you're not a bot". */
    NOT_A_BOT,
    /** Every route answers HTTP 429 with the reCAPTCHA "unusual traffic" page. */
    TOO_MANY_REQUESTS,
    /** Every route answers the reCAPTCHA page with HTTP 200: only its content tells. */
    RECAPTCHA_PAGE
  }

  private final Path recordings;
  private final ObjectMapper json = new ObjectMapper();
  private final Javalin app;

  /** Video id → recorded player answer file, e.g. {@code youtube.innertube.json.static}. */
  public final Map<String, String> players = new ConcurrentHashMap<>();
  /** Show the consent page until the CONSENT cookie comes; {@code invalid}: the recorded broken one. */
  volatile boolean consent;
  volatile boolean invalidConsent;
  /** Answer tracks with the recorded srv1 XML instead of json3. */
  volatile boolean xmlTracks;
  /** Answer every track with an empty body, as YouTube does when it wants a proof-of-origin token. */
  volatile boolean emptyTracks;
  /** After this many requests, every request is blocked; negative: never. */
  public volatile int blockAfter = -1;
  public volatile Block block = Block.NOT_A_BOT;

  public final AtomicInteger requests = new AtomicInteger();
  final AtomicInteger watchPages = new AtomicInteger();
  final AtomicInteger playerCalls = new AtomicInteger();
  public final AtomicInteger trackDownloads = new AtomicInteger();
  final List<String> playerVideos = new CopyOnWriteArrayList<>();
  final List<String> cookiesSeen = new CopyOnWriteArrayList<>();

  public FakeYouTubeWeb(Path recordings) {
    this.recordings = recordings;
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/watch", this::watch);
      config.routes.post("/youtubei/v1/player", this::player);
      config.routes.get("/api/timedtext", this::timedtext);
    });
    app.start("127.0.0.1", 0);
  }

  public String root() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  private String recording(String name) {
    try {
      return Files.readString(recordings.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the request; true when it was answered as blocked. */
  private boolean blocked(Context ctx, boolean isPlayer) {
    int n = requests.incrementAndGet();
    String cookie = ctx.header("Cookie");
    if (cookie != null) {
      cookiesSeen.add(cookie);
    }
    if (blockAfter < 0 || n <= blockAfter) {
      return false;
    }
    if (block == Block.NOT_A_BOT && isPlayer) {
      ctx.contentType("application/json").result(recording("youtube_request_blocked.innertube.json.static"));
    } else {
      ctx.status(block == Block.RECAPTCHA_PAGE ? 200 : 429).contentType("text/html")
          .result(recording("youtube_too_many_requests.html.static"));
    }
    return true;
  }

  private void watch(Context ctx) {
    if (blocked(ctx, false)) {
      return;
    }
    watchPages.incrementAndGet();
    String cookie = ctx.header("Cookie");
    if (consent && (cookie == null || !cookie.contains("CONSENT=YES+cb."))) {
      ctx.contentType("text/html").result(recording(
          invalidConsent ? "youtube_consent_page_invalid.html.static" : "youtube_consent_page.html.static"));
      return;
    }
    ctx.contentType("text/html").result(recording("youtube.html.static"));
  }

  private void player(Context ctx) throws IOException {
    if (blocked(ctx, true)) {
      return;
    }
    playerCalls.incrementAndGet();
    JsonNode body = json.readTree(ctx.body());
    String video = body.path("videoId").asText();
    playerVideos.add(video);
    if (!PAGE_KEY.equals(ctx.queryParam("key"))
        || !"ANDROID".equals(body.path("context").path("client").path("clientName").asText())) {
      ctx.status(400).result("{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument.\"}}");
      return;
    }
    String file = players.getOrDefault(video, "youtube_video_unavailable.innertube.json.static");
    ctx.contentType("application/json").result(recording(file));
  }

  private void timedtext(Context ctx) {
    if (blocked(ctx, false)) {
      return;
    }
    trackDownloads.incrementAndGet();
    if (ctx.queryParam("exp") != null || emptyTracks) {
      ctx.result(""); // what YouTube sends without a proof-of-origin token
      return;
    }
    if (xmlTracks) {
      ctx.contentType("text/xml").result(recording("transcript.xml.static"));
      return;
    }
    if (!"json3".equals(ctx.queryParam("fmt"))) {
      ctx.status(400).result("fmt must be json3 in this fake, got " + ctx.queryParam("fmt"));
      return;
    }
    ctx.contentType("application/json").result(json3(ctx.queryParam("lang"), "asr".equals(ctx.queryParam("kind"))));
  }

  /** A caption track in json3: people's one cue, automatic ones with word timings. */
  static String json3(String lang, boolean auto) {
    if (auto) {
      return """
          {"wireMagic":"pb3","events":[{"tStartMs":0,"dDurationMs":4000,"id":1,"wpWinPosId":1,"wsWinStyleId":1},
          {"tStartMs":1200,"dDurationMs":2800,"wWinId":1,"segs":[{"utf8":"automatic","acAsrConf":0},
          {"utf8":" words","tOffsetMs":400,"acAsrConf":0},{"utf8":" %s","tOffsetMs":900,"acAsrConf":0}]}]}
          """.formatted(lang);
    }
    return """
        {"wireMagic":"pb3","events":[{"tStartMs":61000,"dDurationMs":2500,"segs":[{"utf8":"people's caption in %s"}]}]}
        """.formatted(lang);
  }

  @Override
  public void close() {
    app.stop();
  }
}
