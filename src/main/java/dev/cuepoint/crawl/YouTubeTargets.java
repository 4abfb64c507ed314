package dev.cuepoint.crawl;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code --playlist} and {@code --channel} accept: an id, or the address a browser shows
 * ({@code https://www.youtube.com/playlist?list=PL…}, {@code …/watch?v=…&list=PL…}, {@code
 * …/channel/UC…}, {@code …/@handle}).
 */
public final class YouTubeTargets {
  private static final Pattern PLAYLIST_ID = Pattern.compile("[A-Za-z0-9_-]{2,64}");
  private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{20,30}");
  private static final Pattern HANDLE = Pattern.compile("@[A-Za-z0-9._-]{3,30}");
  private static final Pattern CHANNEL_PATH = Pattern.compile("/channel/(UC[A-Za-z0-9_-]{20,30})(/.*)?");
  private static final Pattern HANDLE_PATH = Pattern.compile("/(@[^/]+)(/.*)?");

  private YouTubeTargets() {}

  /** The playlist id in {@code text}. */
  public static String playlist(String text) {
    String t = text.strip();
    if (looksLikeUrl(t)) {
      String list = query(URI.create(withScheme(t).replace(" ", "%20")), "list");
      if (list == null) {
        throw new IllegalArgumentException("no playlist in '" + text + "': a playlist address has ?list=PL…");
      }
      t = list;
    }
    if (!PLAYLIST_ID.matcher(t).matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a playlist id (PL…) or a playlist address");
    }
    return t;
  }

  /** The channel id ({@code UC…}) or handle ({@code @name}) in {@code text}. */
  public static String channel(String text) {
    String t = text.strip();
    if (looksLikeUrl(t)) {
      String path = URI.create(withScheme(t).replace(" ", "%20")).getPath();
      Matcher c = CHANNEL_PATH.matcher(path == null ? "" : path);
      Matcher h = HANDLE_PATH.matcher(path == null ? "" : path);
      if (c.matches()) {
        t = c.group(1);
      } else if (h.matches()) {
        t = URLDecoder.decode(h.group(1), StandardCharsets.UTF_8);
      } else {
        throw new IllegalArgumentException("no channel in '" + text + "': use …/channel/UC… or …/@handle");
      }
    }
    if (CHANNEL_ID.matcher(t).matches() || HANDLE.matcher(t).matches()) {
      return t;
    }
    throw new IllegalArgumentException("'" + text + "' is not a channel id (UC…, 24 characters), an @handle"
        + " or a channel address");
  }

  private static boolean looksLikeUrl(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://") || l.contains("youtube.com/") || l.startsWith("youtu.be/");
  }

  private static String withScheme(String t) {
    return t.toLowerCase(Locale.ROOT).startsWith("http") ? t : "https://" + t;
  }

  private static String query(URI u, String name) {
    String q = u.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String p : q.split("&")) {
      String[] kv = p.split("=", 2);
      if (kv.length == 2 && kv[0].equals(name) && !kv[1].isEmpty()) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
