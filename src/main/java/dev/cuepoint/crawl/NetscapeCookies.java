package dev.cuepoint.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Netscape {@code cookies.txt} (what browser extensions export and yt-dlp's {@code --cookies}
 * takes): seven tab-separated fields per line, domain first and name and value last. Keeps the
 * youtube.com cookies only, so no other site's session goes to YouTube.
 */
final class NetscapeCookies {
  private NetscapeCookies() {}

  static Map<String, String> read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cookies file " + file + " cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    int n = 0;
    for (String line : lines) {
      n++;
      String l = line.startsWith("#HttpOnly_") ? line.substring("#HttpOnly_".length()) : line;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t", -1);
      if (f.length != 7) {
        throw new IOException("cookies file " + file + " line " + n + ": expected 7 tab-separated fields"
            + " (Netscape cookies.txt), got " + f.length);
      }
      String domain = f[0].startsWith(".") ? f[0].substring(1) : f[0];
      if (domain.equals("youtube.com") || domain.endsWith(".youtube.com")) {
        out.put(f[5], f[6].strip());
      }
    }
    return out;
  }
}
