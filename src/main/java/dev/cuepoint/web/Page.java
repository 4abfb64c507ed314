package dev.cuepoint.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search page ({@code web/index.html}), served for {@code /} and for every address the page
 * itself puts in the address bar ({@code /watch/ID}), so a copied link opens the page. The one
 * server-side change: the URL of YouTube's IFrame API script, so tests (and offline demos) can point
 * it at a stand-in.
 */
final class Page {
  /** The meta tag the page reads the player script's URL from. */
  private static final Pattern API_META = Pattern.compile(
      "(<meta\\s+name=\"cuepoint-youtube-api\"\\s+content=\")[^\"]*(\")");

  private final Path file;
  private final String youtubeApiUrl;

  Page(Path webDir, String youtubeApiUrl) {
    this.file = webDir.resolve("index.html");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no index.html in " + webDir.toAbsolutePath() + ": pass --web DIR with the project's web/ folder");
    }
    this.youtubeApiUrl = youtubeApiUrl;
  }

  void serve(Context ctx) throws IOException {
    // read on every request: the page is small, and an edited page shows without a restart
    String html = Files.readString(file, StandardCharsets.UTF_8);
    Matcher m = API_META.matcher(html);
    if (m.find()) {
      html = m.replaceFirst(Matcher.quoteReplacement(m.group(1) + attribute(youtubeApiUrl) + m.group(2)));
    }
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html;charset=utf-8").result(html);
  }

  private static String attribute(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
