package dev.cuepoint.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The OAuth credentials {@code cuepoint auth} got, in {@code <data>/state/oauth.json}, readable and
 * writable by the owner only (0600): the refresh token is as good as the account's password for
 * YouTube. Written atomically; the file is never created with wider permissions, not even briefly.
 */
public final class OAuthStore {
  public static final String FILE = "oauth.json";

  private final Path file;
  private final ObjectMapper mapper = new ObjectMapper();

  public OAuthStore(Path stateDir) {
    this.file = stateDir.resolve(FILE);
  }

  public Path file() {
    return file;
  }

  /** The stored credentials, or empty when {@code cuepoint auth} was never run. */
  public Optional<ApiCredentials.OAuth> load() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      JsonNode n = mapper.readTree(bytes);
      if (n == null || !n.isObject() || n.path("refreshToken").asText("").isEmpty()) {
        throw new IOException(
            "OAuth credentials " + file + " are damaged (no refresh token in them): run 'cuepoint auth' again");
      }
      return Optional.of(
          new ApiCredentials.OAuth(
              n.path("clientId").asText(""), n.path("clientSecret").asText(""),
              n.path("refreshToken").asText(""), n.path("tokenUrl").asText(YouTubeApi.DEFAULT_TOKEN_URL)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
      throw new IOException("OAuth credentials " + file + " are damaged ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + "): run 'cuepoint auth' again", e);
    }
  }

  public void save(ApiCredentials.OAuth c) throws IOException {
    ObjectNode n = mapper.createObjectNode();
    n.put("clientId", c.clientId());
    n.put("clientSecret", c.clientSecret());
    n.put("refreshToken", c.refreshToken());
    n.put("tokenUrl", c.tokenUrl());
    byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(".oauth." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp); // Windows: the profile folder's ACL already keeps others out
    }
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }
}
