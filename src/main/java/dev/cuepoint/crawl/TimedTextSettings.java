package dev.cuepoint.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how politely the {@code timedtext} caption source talks to youtube.com.
 *
 * @param webRoot youtube.com or a stand-in ({@code https://www.youtube.com/}); ends with a slash
 * @param proxy an HTTP(S) proxy for this traffic, possibly with {@code user:password@}, or null
 * @param cookies a Netscape {@code cookies.txt} to send (a signed-in browser's), or null
 * @param delay the pause before each request after the first; each pause adds up to half again at
 *     random, so the requests do not tick like a robot
 */
public record TimedTextSettings(URI webRoot, URI proxy, Path cookies, Duration delay) {
  public static final URI DEFAULT_ROOT = URI.create("https://www.youtube.com/");
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

  public TimedTextSettings {
    Objects.requireNonNull(webRoot, "webRoot");
    if (!"http".equals(webRoot.getScheme()) && !"https".equals(webRoot.getScheme()) || webRoot.getHost() == null) {
      throw new IllegalArgumentException("YouTube web root must be an http(s) URL with a host, got '" + webRoot + "'");
    }
    if (!webRoot.toString().endsWith("/")) {
      webRoot = URI.create(webRoot + "/");
    }
    if (proxy != null && (proxy.getHost() == null || proxy.getPort() < 0)) {
      throw new IllegalArgumentException("proxy must be a URL with a host and port, e.g. http://user:pw@host:3128, got '"
          + redacted(proxy) + "'");
    }
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("timedtext delay must be >= 0, got " + delay);
    }
  }

  public static TimedTextSettings defaults() {
    return new TimedTextSettings(DEFAULT_ROOT, null, null, DEFAULT_DELAY);
  }

  /** The proxy without its password, for messages. */
  static String redacted(URI proxy) {
    return proxy.getUserInfo() == null ? proxy.toString() : proxy.toString().replace(proxy.getRawUserInfo() + "@", "…@");
  }
}
