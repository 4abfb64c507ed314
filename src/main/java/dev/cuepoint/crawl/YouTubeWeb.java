package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * youtube.com as its own player sees it, one request at a time with a pause between requests: the
 * watch page (once, for the {@code INNERTUBE_API_KEY}; through the EU consent page if shown), the
 * player endpoint per video, and caption track downloads. The first block signal (HTTP 429, the
 * reCAPTCHA page, the "not a bot" answer) ends all further requests of this crawl.
 */
final class YouTubeWeb {
  private static final Logger LOG = LoggerFactory.getLogger(YouTubeWeb.class);

  /** The player answers the Android app without the proof-of-origin token the web client needs. */
  private static final String CLIENT_NAME = "ANDROID";
  private static final String CLIENT_VERSION = "20.10.38";
  private static final Pattern API_KEY = Pattern.compile("\"INNERTUBE_API_KEY\":\\s*\"([A-Za-z0-9_-]+)\"");
  private static final String CONSENT_FORM = "action=\"https://consent.youtube.com/s\"";
  private static final Pattern CONSENT_VALUE = Pattern.compile("name=\"v\" value=\"([^\"]+)\"");
  private static final URI YOUTUBE = URI.create("https://www.youtube.com/");

  private final TimedTextSettings settings;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String apiKey;
  /** Why the key could not be read: asked once, not once per video. */
  private IOException keyProblem;
  private int requests;
  private String blocked;

  YouTubeWeb(TimedTextSettings settings, Sleeper sleeper, RandomGenerator random) throws IOException {
    this.settings = settings;
    this.sleeper = sleeper;
    this.random = random;
    // HTTP/1.1 as browsers' simplest clients speak it: no h2c upgrade headers that a proxy or a
    // small stand-in server may refuse
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL);
    URI proxy = settings.proxy();
    if (proxy != null) {
      b.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
      String userInfo = proxy.getUserInfo();
      if (userInfo != null && userInfo.contains(":")) {
        String user = userInfo.substring(0, userInfo.indexOf(':'));
        char[] password = userInfo.substring(userInfo.indexOf(':') + 1).toCharArray();
        // The JDK refuses Basic proxy authentication for HTTPS tunnels unless told otherwise; the
        // user asked for this proxy with this password, so allow it (unless set explicitly).
        if (System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null) {
          System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        }
        b.authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(user, password) : null;
          }
        });
      }
    }
    http = b.build();
    if (settings.cookies() != null) {
      cookies.putAll(NetscapeCookies.read(settings.cookies()));
    }
  }

  /** Requests sent so far (the politeness budget tests check). */
  int requests() {
    return requests;
  }

  /** Why YouTube blocked this crawl, if it did. */
  boolean blocked() {
    return blocked != null;
  }

  /** The player's answer for one video; reads the API key from a watch page first, once per crawl. */
  PlayerAnswer player(String videoId) throws IOException {
    String key = apiKey(videoId);
    ObjectNode body = json.createObjectNode();
    ObjectNode client = body.putObject("context").putObject("client");
    client.put("clientName", CLIENT_NAME).put("clientVersion", CLIENT_VERSION);
    body.put("videoId", videoId);
    HttpResponse<String> r = send(HttpRequest.newBuilder(settings.webRoot().resolve("youtubei/v1/player?key=" + key))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    ok(r, "player for " + videoId);
    JsonNode root;
    try {
      root = json.readTree(r.body());
    } catch (IOException e) {
      throw new IOException("player answer for " + videoId + " is not JSON: " + e.getMessage(), e);
    }
    PlayerAnswer a = PlayerAnswer.of(root);
    if (a.why().filter(w -> w == NoTranscript.BLOCKED).isPresent()) {
      block("\"" + a.detail() + "\"");
    }
    return a;
  }

  /**
   * One track's text, asked for as {@code json3} so automatic captions keep their word timings.
   * Empty when YouTube answers with an empty body (it wants a proof-of-origin token).
   */
  String track(WebTrack t) throws IOException {
    URI url = withFormat(rebase(t.baseUrl()), "json3");
    HttpResponse<String> r = send(HttpRequest.newBuilder(url).GET());
    ok(r, "track " + t.vssId());
    return r.body();
  }

  private String apiKey(String videoId) throws IOException {
    if (apiKey != null) {
      return apiKey;
    }
    if (keyProblem != null) {
      throw new IOException(keyProblem.getMessage(), keyProblem);
    }
    try {
      apiKey = readApiKey(videoId);
      return apiKey;
    } catch (YouTubeBlockedException e) {
      throw e;
    } catch (IOException e) {
      keyProblem = e;
      throw e;
    }
  }

  private String readApiKey(String videoId) throws IOException {
    String page = watchPage(videoId);
    if (page.contains(CONSENT_FORM)) {
      Matcher v = CONSENT_VALUE.matcher(page);
      if (!v.find()) {
        throw new IOException("YouTube showed its cookie consent page and it could not be accepted"
            + " (no consent value in it); try --cookies with a browser's cookies.txt");
      }
      cookies.put("CONSENT", "YES+" + v.group(1));
      page = watchPage(videoId);
      if (page.contains(CONSENT_FORM)) {
        throw new IOException("YouTube showed its cookie consent page again after it was accepted;"
            + " try --cookies with a browser's cookies.txt");
      }
    }
    Matcher m = API_KEY.matcher(page);
    if (!m.find()) {
      throw new IOException("the watch page of " + videoId + " has no INNERTUBE_API_KEY: has youtube.com"
          + " changed, or is --youtube-web-root (" + settings.webRoot() + ") not YouTube?");
    }
    return m.group(1);
  }

  private String watchPage(String videoId) throws IOException {
    HttpResponse<String> r = send(HttpRequest.newBuilder(settings.webRoot().resolve("watch?v=" + videoId)).GET());
    ok(r, "watch page of " + videoId);
    return r.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder b) throws IOException {
    if (blocked != null) {
      throw new YouTubeBlockedException(blocked);
    }
    if (requests > 0 && !settings.delay().isZero()) {
      long ms = settings.delay().toMillis();
      try {
        sleeper.sleep(Duration.ofMillis(ms + (long) (random.nextDouble() * ms / 2)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while pausing between YouTube requests", e);
      }
    }
    requests++;
    b.timeout(Duration.ofSeconds(30)).header("Accept-Language", "en-US");
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpRequest request = b.build();
    LOG.debug("{} {}", request.method(), request.uri().getPath());
    HttpResponse<String> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for YouTube", e);
    } catch (IOException e) {
      throw new IOException("cannot reach " + request.uri().getHost() + ": " + e, e);
    }
    if (r.statusCode() == 429) {
      block("HTTP 429 Too Many Requests");
    }
    if (r.body().contains("class=\"g-recaptcha\"")) {
      block("reCAPTCHA \"unusual traffic\" page");
    }
    return r;
  }

  private void block(String what) throws YouTubeBlockedException {
    blocked = what;
    throw new YouTubeBlockedException(what);
  }

  private static void ok(HttpResponse<String> r, String what) throws IOException {
    if (r.statusCode() / 100 != 2) {
      throw new IOException(what + ": HTTP " + r.statusCode());
    }
  }

  /** Track URLs name youtube.com; through another web root (a proxy, a test) they go there. */
  private URI rebase(String baseUrl) {
    URI u = URI.create(baseUrl);
    if (!u.isAbsolute()) {
      return settings.webRoot().resolve(baseUrl.startsWith("/") ? baseUrl.substring(1) : baseUrl);
    }
    if (YOUTUBE.getHost().equals(u.getHost()) && !settings.webRoot().getHost().equals(u.getHost())) {
      String rest = u.getRawPath().substring(1) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
      return settings.webRoot().resolve(rest);
    }
    return u;
  }

  /** The URL with its {@code fmt} parameter set to {@code format}. */
  static URI withFormat(URI u, String format) {
    String q = u.getRawQuery();
    StringBuilder query = new StringBuilder();
    if (q != null) {
      for (String p : q.split("&")) {
        if (!p.isEmpty() && !URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8).equals("fmt")) {
          query.append(query.isEmpty() ? "" : "&").append(p);
        }
      }
    }
    query.append(query.isEmpty() ? "" : "&").append("fmt=").append(format);
    String s = u.toString();
    int at = s.indexOf('?');
    return URI.create((at < 0 ? s : s.substring(0, at)) + "?" + query);
  }
}
