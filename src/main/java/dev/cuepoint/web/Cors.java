package dev.cuepoint.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which other web sites may call the read-only search API from a browser (search, suggest, one video's
 * moments): the origins listed in {@code corsOrigins} / {@code CUEPOINT_CORS_ORIGINS}, compared exactly.
 * An allowed origin gets {@code Access-Control-Allow-Origin: <that origin>}; any other gets no such
 * header, so its pages cannot read the answers. Cookies and credentials are never allowed: the API has
 * none to offer, and the admin API is not among these paths.
 */
final class Cors {
  /** The paths other sites may read: what the embeddable search box needs. */
  static final List<String> PATHS = List.of("/api/search", "/api/suggest", "/api/videos/{id}/moments");

  /** How long a browser may remember a preflight's answer. */
  static final int MAX_AGE_SECONDS = 600;

  private final Set<String> origins;

  /** @param origins exact origins such as {@code https://course.example.org}; checked by {@link #check} */
  Cors(List<String> origins) {
    this.origins = origins.stream().map(Cors::check).collect(Collectors.toUnmodifiableSet());
  }

  boolean isOpen() {
    return !origins.isEmpty();
  }

  /**
   * An origin as browsers send it: scheme, host and port if not the default, nothing else. A path, a
   * trailing slash or a wildcard would never match what a browser sends, so they are refused here.
   */
  static String check(String origin) {
    String o = origin == null ? "" : origin.strip();
    String hint = " (CUEPOINT_CORS_ORIGINS / corsOrigins lists exact origins such as https://course.example.org,"
        + " comma-separated)";
    if (o.isEmpty() || o.equals("*") || o.equals("null")) {
      throw new IllegalArgumentException("CORS origin '" + o + "' is not an origin" + hint);
    }
    URI u;
    try {
      u = new URI(o);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("CORS origin '" + o + "' is not a URL: " + e.getReason() + hint, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null
        || (u.getRawPath() != null && !u.getRawPath().isEmpty()) || u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException("CORS origin '" + o + "' must be http(s)://host[:port], with no path,"
          + " not even a trailing slash" + hint);
    }
    int port = u.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }

  /** Before a GET: an allowed origin may read the answer. */
  void allow(Context ctx) {
    ctx.header("Vary", "Origin"); // the answer differs by origin: caches must keep them apart
    String origin = ctx.header("Origin");
    if (origin != null && origins.contains(origin)) {
      ctx.header("Access-Control-Allow-Origin", origin);
    }
  }

  /** A preflight ({@code OPTIONS}): answered for allowed origins asking to GET, refused for the rest. */
  void preflight(Context ctx) {
    ctx.header("Vary", "Origin");
    String origin = ctx.header("Origin");
    String method = ctx.header("Access-Control-Request-Method");
    if (origin == null || !origins.contains(origin)) {
      throw new ForbiddenResponse("origin '" + Params.echo(String.valueOf(origin)) + "' may not call this API from a"
          + " browser; the server's corsOrigins setting lists the sites that may");
    }
    if (!"GET".equals(method)) {
      throw new ForbiddenResponse("only GET is allowed here from other sites, not " + Params.echo(String.valueOf(method)));
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Methods", "GET");
    ctx.header("Access-Control-Allow-Headers", "Accept, Accept-Language");
    ctx.header("Access-Control-Max-Age", String.valueOf(MAX_AGE_SECONDS));
    ctx.status(204);
  }
}
