package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the YouTube Data API v3 and Google's OAuth token endpoint, on a free local port:
 * the routes, parameters and response shapes of the real API (discovery document and recorded
 * responses in ../shared/data/youtube-api), over data a test sets up. It pages ({@code pageToken}),
 * answers {@code If-None-Match} with 304, serves caption tracks and their downloads, checks the API
 * key or the bearer token, injects faults, and counts the calls and quota units it served.
 */
public final class FakeYouTube implements AutoCloseable {
  public static final String KEY = "fake-api-key-0123";
  public static final String CLIENT_ID = "fake-client.apps.googleusercontent.com";
  public static final String CLIENT_SECRET = "fake-client-secret-4567";
  public static final String REFRESH_TOKEN = "fake-refresh-token-89ab";
  /** The signed-in account's channel: every video {@link #video} makes is of it. */
  public static final String MY_CHANNEL = "UCfakeChannel000000000000";

  /** What a fault does to a call. */
  enum Fault {
    SERVER_ERROR, QUOTA_EXCEEDED, RATE_LIMITED, FORBIDDEN, SLOW, DROP
  }

  private record Rule(String method, Fault fault, AtomicInteger skip, AtomicInteger times) {}

  /** A caption track: {@code trackKind} is {@code standard} or {@code asr}. */
  record Track(String id, String language, String trackKind, String lastUpdated, String body) {}

  record FakePlaylist(String title, String channel, List<String> videoIds, Set<String> privateIds) {}

  private final ObjectMapper json = new ObjectMapper();
  private final Javalin app;

  final Map<String, FakePlaylist> playlists = new ConcurrentHashMap<>();
  final Map<String, ObjectNode> videos = new ConcurrentHashMap<>();
  final Map<String, List<Track>> tracks = new ConcurrentHashMap<>();
  final Set<String> notOwned = ConcurrentHashMap.newKeySet();
  final Map<String, String> channels = new ConcurrentHashMap<>();
  final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
  final Map<String, String> codes = new ConcurrentHashMap<>(); // code → PKCE challenge
  private final List<Rule> faults = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger units = new AtomicInteger();
  private final AtomicInteger notModified = new AtomicInteger();
  private final AtomicInteger issued = new AtomicInteger();
  final List<String> keysSeen = new CopyOnWriteArrayList<>();
  volatile int pageSize = 50;
  volatile long slowMillis = 1_500;

  public FakeYouTube() {
    app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/youtube/v3/playlists", ctx -> api(ctx, "playlists.list", 1, this::playlistsList));
      config.routes.get("/youtube/v3/playlistItems", ctx -> api(ctx, "playlistItems.list", 1, this::playlistItems));
      config.routes.get("/youtube/v3/videos", ctx -> api(ctx, "videos.list", 1, this::videosList));
      config.routes.get("/youtube/v3/channels", ctx -> api(ctx, "channels.list", 1, this::channelsList));
      config.routes.get("/youtube/v3/captions", ctx -> api(ctx, "captions.list", 50, this::captionsList));
      // the client fetches media (alt=media) under download/ in front of the service path
      config.routes.get("/download/youtube/v3/captions/{id}", ctx -> api(ctx, "captions.download", 200, this::download));
      config.routes.post("/token", this::token);
    });
    app.start("127.0.0.1", 0);
  }

  public String root() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  public String tokenUrl() {
    return root() + "token";
  }

  // ---- set-up ---------------------------------------------------------------------------------

  void playlist(String id, String title, String channel, String... videoIds) {
    playlists.put(id, new FakePlaylist(title, channel, new CopyOnWriteArrayList<>(videoIds), ConcurrentHashMap.newKeySet()));
  }

  /** A video resource as {@code videos.list} returns it ({@code snippet}, {@code contentDetails}). */
  void video(String id, String title, String description, String channel, String publishedAt,
      String isoDuration, String language) {
    ObjectNode v = json.createObjectNode();
    v.put("kind", "youtube#video");
    v.put("id", id);
    ObjectNode s = v.putObject("snippet");
    s.put("publishedAt", publishedAt);
    s.put("channelId", "UCfakeChannel000000000000");
    s.put("title", title);
    s.put("description", description);
    ObjectNode th = s.putObject("thumbnails");
    for (String[] t : new String[][] {{"default", "default"}, {"high", "hqdefault"}, {"maxres", "maxresdefault"}}) {
      th.putObject(t[0]).put("url", "https://i.ytimg.com/vi/" + id + "/" + t[1] + ".jpg").put("width", 120).put("height", 90);
    }
    s.put("channelTitle", channel);
    s.put("categoryId", "27");
    s.put("liveBroadcastContent", "none");
    if (language != null) {
      s.put("defaultAudioLanguage", language);
    }
    ObjectNode d = v.putObject("contentDetails");
    d.put("duration", isoDuration);
    d.put("dimension", "2d");
    d.put("definition", "hd");
    d.put("caption", "true");
    videos.put(id, v);
  }

  void track(String videoId, Track t) {
    tracks.computeIfAbsent(videoId, k -> new CopyOnWriteArrayList<>()).removeIf(x -> x.id().equals(t.id()));
    tracks.get(videoId).add(t);
  }

  /** The next calls of {@code method}, after {@code skip} good ones, fail {@code times} times. */
  void fault(String method, Fault fault, int skip, int times) {
    faults.add(new Rule(method, fault, new AtomicInteger(skip), new AtomicInteger(times)));
  }

  /** Access tokens issued so far stop working (expired or revoked). */
  void expireAccessTokens() {
    accessTokens.clear();
  }

  /** A code the consent page would give for a PKCE {@code challenge}. */
  public String issueCode(String challenge) {
    String code = "code-" + codes.size();
    codes.put(code, challenge);
    return code;
  }

  // ---- counters ---------------------------------------------------------------------------------

  public int calls(String method) {
    return calls.getOrDefault(method, new AtomicInteger()).get();
  }

  public Map<String, Integer> calls() {
    Map<String, Integer> out = new TreeMap<>();
    calls.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  public int units() {
    return units.get();
  }

  int notModified() {
    return notModified.get();
  }

  public int tokensIssued() {
    return issued.get();
  }

  void resetCounts() {
    calls.clear();
    units.set(0);
    notModified.set(0);
  }

  // ---- the API ----------------------------------------------------------------------------------

  @FunctionalInterface
  private interface Handler {
    void handle(Context ctx, boolean oauth) throws Exception;
  }

  private void api(Context ctx, String method, int cost, Handler handler) throws Exception {
    calls.computeIfAbsent(method, k -> new AtomicInteger()).incrementAndGet();
    units.addAndGet(cost); // YouTube charges every call, failed ones too
    String key = ctx.queryParam("key");
    if (key != null) {
      keysSeen.add(key);
    }
    String auth = ctx.header("Authorization");
    boolean oauth = auth != null && auth.startsWith("Bearer ") && accessTokens.contains(auth.substring(7));
    if (auth != null && !oauth) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"");
      error(ctx, 401, "authError", "youtube.header", "Request had invalid authentication credentials.");
      return;
    }
    if (!oauth && !KEY.equals(key)) {
      error(ctx, 400, "keyInvalid", "usageLimits", "API key not valid. Please pass a valid API key.");
      return;
    }
    for (Rule r : faults) {
      if (r.method().equals(method) && r.times().get() > 0) {
        if (r.skip().getAndDecrement() > 0) {
          continue;
        }
        r.times().decrementAndGet();
        if (inject(ctx, r.fault())) {
          return;
        }
      }
    }
    handler.handle(ctx, oauth);
  }

  /** Applies a fault; false when the call then goes on (a slow answer). */
  private boolean inject(Context ctx, Fault f) throws Exception {
    switch (f) {
      case SERVER_ERROR -> error(ctx, 500, "backendError", "global", "Backend Error");
      case QUOTA_EXCEEDED -> error(ctx, 403, "quotaExceeded", "youtube.quota",
          "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");
      case RATE_LIMITED -> error(ctx, 403, "rateLimitExceeded", "youtube.quota", "Rate limit exceeded");
      case FORBIDDEN -> error(ctx, 403, "forbidden", "youtube.caption",
          "The permissions associated with the request are not sufficient to download the caption track.");
      case SLOW -> {
        Thread.sleep(slowMillis);
        return false;
      }
      case DROP -> {
        // Promise a body, send a little of it, then abort: the client sees the connection end early.
        ctx.res().setContentLength(4096);
        ctx.res().getOutputStream().write("{\"kind\": \"youtube#".getBytes(StandardCharsets.UTF_8));
        ctx.res().flushBuffer();
        throw new IOException("fake: connection dropped");
      }
    }
    return true;
  }

  private void error(Context ctx, int status, String reason, String domain, String message) {
    ObjectNode root = json.createObjectNode();
    ObjectNode e = root.putObject("error");
    e.put("code", status);
    e.put("message", message);
    ArrayNode errors = e.putArray("errors");
    errors.addObject().put("message", message).put("domain", domain).put("reason", reason);
    ctx.status(status).contentType("application/json; charset=UTF-8").result(root.toString());
  }

  /** Sends a list response with its ETag, or 304 when the client's ETag matches. */
  private void list(Context ctx, String kind, ArrayNode items, ObjectNode extra) throws Exception {
    ObjectNode r = json.createObjectNode();
    r.put("kind", kind);
    if (extra != null) {
      r.setAll(extra);
    }
    r.putObject("pageInfo").put("totalResults", items.size()).put("resultsPerPage", pageSize);
    r.set("items", items);
    String etag = etag(r.toString());
    ObjectNode out = json.createObjectNode();
    out.put("kind", kind);
    out.put("etag", etag);
    r.remove("kind");
    out.setAll(r);
    if (etag.equals(ctx.header("If-None-Match"))) {
      notModified.incrementAndGet();
      ctx.status(304);
      return;
    }
    ctx.header("ETag", etag);
    ctx.contentType("application/json; charset=UTF-8").result(out.toString());
  }

  private void playlistsList(Context ctx, boolean oauth) throws Exception {
    ArrayNode items = json.createArrayNode();
    for (String id : ids(ctx, "id")) {
      FakePlaylist p = playlists.get(id);
      if (p != null) {
        ObjectNode i = items.addObject();
        i.put("kind", "youtube#playlist").put("etag", etag(id + p.title())).put("id", id);
        i.putObject("snippet").put("title", p.title()).put("channelTitle", p.channel())
            .put("channelId", "UCfakeChannel000000000000").put("description", "");
      }
    }
    list(ctx, "youtube#playlistListResponse", items, null);
  }

  private void playlistItems(Context ctx, boolean oauth) throws Exception {
    String id = ctx.queryParam("playlistId");
    FakePlaylist p = playlists.get(id);
    if (p == null) {
      error(ctx, 404, "playlistNotFound", "youtube.playlistItem",
          "The playlist identified with the request's <code>playlistId</code> parameter cannot be found.");
      return;
    }
    int size = Math.min(pageSize, Integer.parseInt(ctx.queryParamAsClass("maxResults", String.class).getOrDefault("5")));
    String token = ctx.queryParam("pageToken");
    int from = token == null ? 0 : Integer.parseInt(token.substring(4));
    List<String> all = new ArrayList<>(p.videoIds());
    ArrayNode items = json.createArrayNode();
    for (int i = from; i < Math.min(all.size(), from + size); i++) {
      String v = all.get(i);
      boolean hidden = p.privateIds().contains(v);
      ObjectNode item = items.addObject();
      item.put("kind", "youtube#playlistItem").put("etag", etag(id + v + i)).put("id", "PLI" + id + i);
      ObjectNode s = item.putObject("snippet");
      s.put("publishedAt", "2024-01-01T00:00:00Z").put("channelId", "UCfakeChannel000000000000");
      s.put("title", hidden ? "Private video" : videos.containsKey(v) ? videos.get(v).path("snippet").path("title").asText() : "Deleted video");
      s.put("description", hidden ? "This video is private." : "");
      s.put("channelTitle", p.channel()).put("playlistId", id).put("position", i);
      s.putObject("resourceId").put("kind", "youtube#video").put("videoId", v);
      item.putObject("contentDetails").put("videoId", v);
      item.putObject("status").put("privacyStatus", hidden ? "private" : videos.containsKey(v) ? "public" : "privacyStatusUnspecified");
    }
    ObjectNode extra = json.createObjectNode();
    if (from + size < all.size()) {
      extra.put("nextPageToken", "page" + (from + size));
    }
    if (from > 0) {
      extra.put("prevPageToken", "page" + Math.max(0, from - size));
    }
    list(ctx, "youtube#playlistItemListResponse", items, extra);
  }

  private void videosList(Context ctx, boolean oauth) throws Exception {
    ArrayNode items = json.createArrayNode();
    List<String> ids = ids(ctx, "id");
    if (ids.size() > 50) {
      error(ctx, 400, "invalidParameter", "youtube.parameter", "too many ids");
      return;
    }
    for (String id : ids) {
      ObjectNode v = videos.get(id);
      boolean hidden = playlists.values().stream().anyMatch(p -> p.privateIds().contains(id));
      if (v != null && !hidden) {
        ObjectNode copy = v.deepCopy();
        copy.put("etag", etag(v.toString()));
        items.add(copy);
      }
    }
    list(ctx, "youtube#videoListResponse", items, null);
  }

  private void channelsList(Context ctx, boolean oauth) throws Exception {
    ArrayNode items = json.createArrayNode();
    if ("true".equals(ctx.queryParam("mine"))) {
      if (!oauth) {
        error(ctx, 401, "required", "global", "Login Required.");
        return;
      }
      items.addObject().put("kind", "youtube#channel").put("etag", etag(MY_CHANNEL)).put("id", MY_CHANNEL);
      list(ctx, "youtube#channelListResponse", items, null);
      return;
    }
    for (String id : ids(ctx, "id")) {
      String uploads = channels.get(id);
      if (uploads != null) {
        ObjectNode c = items.addObject();
        c.put("kind", "youtube#channel").put("etag", etag(id)).put("id", id);
        c.putObject("contentDetails").putObject("relatedPlaylists").put("likes", "").put("uploads", uploads);
      }
    }
    list(ctx, "youtube#channelListResponse", items, null);
  }

  private void captionsList(Context ctx, boolean oauth) throws Exception {
    if (!oauth) {
      error(ctx, 401, "required", "global", "Login Required.");
      return;
    }
    String videoId = ctx.queryParam("videoId");
    if (!videos.containsKey(videoId)) {
      error(ctx, 404, "videoNotFound", "youtube.caption", "The video identified by the videoId parameter could not be found.");
      return;
    }
    ArrayNode items = json.createArrayNode();
    for (Track t : tracks.getOrDefault(videoId, List.of())) {
      ObjectNode c = items.addObject();
      c.put("kind", "youtube#caption").put("etag", etag(t.id() + t.lastUpdated())).put("id", t.id());
      ObjectNode s = c.putObject("snippet");
      s.put("videoId", videoId).put("lastUpdated", t.lastUpdated()).put("trackKind", t.trackKind())
          .put("language", t.language()).put("name", "").put("audioTrackType", "unknown")
          .put("isCC", false).put("isLarge", false).put("isEasyReader", false).put("isDraft", false)
          .put("isAutoSynced", false).put("status", "serving");
    }
    list(ctx, "youtube#captionListResponse", items, null);
  }

  private void download(Context ctx, boolean oauth) throws Exception {
    if (!oauth) {
      error(ctx, 401, "required", "global", "Login Required.");
      return;
    }
    String id = ctx.pathParam("id");
    for (Map.Entry<String, List<Track>> e : tracks.entrySet()) {
      for (Track t : e.getValue()) {
        if (t.id().equals(id)) {
          if (notOwned.contains(e.getKey())) {
            inject(ctx, Fault.FORBIDDEN);
            return;
          }
          ctx.contentType("text/vtt; charset=UTF-8").result(t.body());
          return;
        }
      }
    }
    error(ctx, 404, "captionNotFound", "youtube.caption", "The caption track could not be found.");
  }

  // ---- OAuth ------------------------------------------------------------------------------------

  private void token(Context ctx) throws Exception {
    calls.computeIfAbsent("token", k -> new AtomicInteger()).incrementAndGet();
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : ctx.body().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      ctx.status(401).contentType("application/json").result("{\"error\": \"invalid_client\", \"error_description\": \"Unauthorized\"}");
      return;
    }
    ObjectNode r = json.createObjectNode();
    switch (String.valueOf(form.get("grant_type"))) {
      case "refresh_token" -> {
        if (!REFRESH_TOKEN.equals(form.get("refresh_token"))) {
          ctx.status(400).contentType("application/json").result("{\"error\": \"invalid_grant\", \"error_description\": \"Bad Request\"}");
          return;
        }
      }
      case "authorization_code" -> {
        String challenge = codes.remove(String.valueOf(form.get("code")));
        if (challenge == null || !challenge.equals(InstalledAppFlow.challenge(String.valueOf(form.get("code_verifier"))))
            || form.get("redirect_uri") == null || !form.get("redirect_uri").startsWith("http://127.0.0.1:")) {
          ctx.status(400).contentType("application/json").result("{\"error\": \"invalid_grant\", \"error_description\": \"Malformed auth code.\"}");
          return;
        }
        r.put("refresh_token", REFRESH_TOKEN);
      }
      default -> {
        ctx.status(400).contentType("application/json").result("{\"error\": \"unsupported_grant_type\"}");
        return;
      }
    }
    String access = "fake-access-" + issued.incrementAndGet();
    accessTokens.add(access);
    r.put("access_token", access).put("expires_in", 3599).put("scope", YouTubeApi.CAPTIONS_SCOPE).put("token_type", "Bearer");
    ctx.contentType("application/json").result(r.toString());
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** A list parameter: the client sends {@code id=a,b} or {@code id=a&id=b}. */
  private static List<String> ids(Context ctx, String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      for (String s : v.split(",")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  private static String etag(String content) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 27);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  static Set<String> set(String... s) {
    return new HashSet<>(List.of(s));
  }
}
