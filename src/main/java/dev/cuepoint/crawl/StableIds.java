package dev.cuepoint.crawl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Video ids for recordings whose names carry none: the first 8 bytes of the SHA-256 of the
 * recording's path relative to the folder imported, without its extension, with {@code /} between
 * folder names, in base64url: 11 characters, as a YouTube id has, but ending in a character no YouTube
 * id ends in (the 9th byte of the hash picks one of the other 48), so it never names a YouTube video
 * ({@link dev.cuepoint.corpus.Video#onYouTube}). The same file imported again from
 * the same folder gets the same id wherever the folder is; a renamed or moved file is a new video
 * (the old entry stays until deleted), while a file converted to another container keeps its id.
 */
final class StableIds {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private StableIds() {}

  /**
   * @param root the folder named on the command line
   * @param withoutExtension the recording's path, its extension removed
   */
  static String of(Path root, Path withoutExtension) {
    Path relative = root.toAbsolutePath().normalize().relativize(withoutExtension.toAbsolutePath().normalize());
    String key = StreamSupport.stream(relative.spliterator(), false)
        .map(Path::toString)
        .collect(Collectors.joining("/"));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      char[] id = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 8)).toCharArray();
      // the last character carries 4 bits in its high places; a YouTube id's low two are 00
      id[10] = ALPHABET.charAt(ALPHABET.indexOf(id[10]) | (1 + Math.floorMod(hash[8], 3)));
      return new String(id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
