package dev.cuepoint.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds the English Vosk model and unpacks it once into {@code <data>/models/vosk-model-en-us-0.3.45/}.
 *
 * <p>The model ships as an Android archive on Maven Central ({@code com.alphacephei:vosk-model-en},
 * 41 MB, holding {@code assets/model-en-us/}); it is kept out of the application jar. Looked for, in
 * order: the folder or .aar named by {@code CUEPOINT_VOSK_MODEL}; {@code models/vosk-model-en-0.3.45.aar}
 * beside the running jar (the build copies it to {@code target/models/}); the local Maven repository.
 * Unpacking goes to a temporary folder that is renamed into place after a marker listing every file
 * with its size and SHA-256 is written, so an unpack cut short is never taken for a model: a folder
 * without a marker, or whose files differ in size from it, is unpacked again.
 */
final class VoskModelFiles {
  static final String VERSION = "0.3.45";
  static final String NAME = "vosk-model-en-us-" + VERSION;
  static final String AAR = "vosk-model-en-" + VERSION + ".aar";
  static final String ENV = "CUEPOINT_VOSK_MODEL";
  static final String MARKER = "cuepoint-unpacked.json";
  private static final String PREFIX = "assets/model-en-us/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final Path besideJar;
  private final Path mavenRepo;

  VoskModelFiles(Map<String, String> env, Path besideJar, Path mavenRepo) {
    this.env = env;
    this.besideJar = besideJar;
    this.mavenRepo = mavenRepo;
  }

  /** Looks where a built or installed Cuepoint keeps the model. */
  static VoskModelFiles standard() {
    return new VoskModelFiles(System.getenv(), besideRunningCode(), Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  /** {@code models/} beside the jar (or beside {@code target/classes} when run from classes), or null. */
  private static Path besideRunningCode() {
    try {
      var source = VoskModelFiles.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path code = Path.of(source.getLocation().toURI());
      return code.toAbsolutePath().getParent() == null ? null : code.toAbsolutePath().getParent().resolve("models");
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }

  /**
   * The folder of a usable model: an unpacked copy under {@code dataDir}, made now when needed.
   *
   * @throws IOException when no model is found (the message says where it looked and what to do) or
   *     it cannot be unpacked
   */
  Path modelDir(Path dataDir) throws IOException {
    String named = env.get(ENV);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (Files.isDirectory(p)) {
        return modelFolderIn(p);
      }
      if (Files.isRegularFile(p)) {
        return unpacked(p, dataDir);
      }
      throw new IOException(ENV + "=" + named + " is neither a folder nor a file: point it at the unpacked Vosk model or its " + AAR);
    }
    Path target = dataDir.resolve("models").resolve(NAME);
    if (complete(target)) {
      return target;
    }
    for (Path aar : candidates()) {
      if (Files.isRegularFile(aar)) {
        return unpacked(aar, dataDir);
      }
    }
    throw new IOException("the English speech model is missing: no " + AAR
        + (besideJar == null ? "" : " in " + besideJar) + " or in " + mavenAar().getParent()
        + "; build with ./mvnw package (it copies it to target/models/) or set " + ENV + " to the model's folder or .aar");
  }

  private List<Path> candidates() {
    List<Path> c = new ArrayList<>();
    if (besideJar != null) {
      c.add(besideJar.resolve(AAR));
    }
    c.add(mavenAar());
    return c;
  }

  private Path mavenAar() {
    return mavenRepo.resolve(Path.of("com", "alphacephei", "vosk-model-en", VERSION, AAR));
  }

  /** A folder given by the user: the model itself, or an unpacked .aar holding it. */
  private static Path modelFolderIn(Path dir) throws IOException {
    for (Path p : List.of(dir, dir.resolve("assets").resolve("model-en-us"), dir.resolve("model-en-us"))) {
      if (Files.isRegularFile(p.resolve("am").resolve("final.mdl")) && Files.isRegularFile(p.resolve("conf").resolve("model.conf"))) {
        return p;
      }
    }
    throw new IOException(ENV + "=" + dir + " holds no Vosk model (no am/final.mdl and conf/model.conf): point it at the model's folder or its " + AAR);
  }

  /** The unpacked copy of {@code aar} in {@code dataDir}, made when missing or incomplete. */
  static Path unpacked(Path aar, Path dataDir) throws IOException {
    Path models = dataDir.resolve("models");
    Path target = models.resolve(NAME);
    if (complete(target)) {
      return target;
    }
    Files.createDirectories(models);
    if (Files.exists(target)) {
      deleteTree(target); // torn by an earlier unpack, or changed since
    }
    Path tmp = models.resolve("." + NAME + "." + UUID.randomUUID() + ".tmp");
    try {
      ObjectNode marker = JSON.createObjectNode();
      marker.put("source", aar.toAbsolutePath().toString());
      ObjectNode files = marker.putObject("files");
      int count = 0;
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(aar))) {
        for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
          if (e.isDirectory() || !e.getName().startsWith(PREFIX)) {
            continue;
          }
          String rel = e.getName().substring(PREFIX.length());
          Path out = tmp.resolve(rel).normalize();
          if (!out.startsWith(tmp)) {
            throw new IOException(aar + ": entry " + e.getName() + " points outside the model folder");
          }
          Files.createDirectories(out.getParent());
          MessageDigest sha = sha256();
          long size;
          try (OutputStream os = Files.newOutputStream(out); InputStream in = new DigestInputStream(zip, sha) {
            @Override
            public void close() {} // the zip stream stays open for the next entry
          }) {
            size = in.transferTo(os);
          }
          ObjectNode f = files.putObject(rel);
          f.put("size", size);
          f.put("sha256", HexFormat.of().formatHex(sha.digest()));
          count++;
        }
      } catch (java.util.zip.ZipException e) {
        throw new IOException(aar + " is not a readable model archive (" + e.getMessage() + "): delete it and build again, or set " + ENV, e);
      }
      if (count == 0 || !Files.isRegularFile(tmp.resolve("am").resolve("final.mdl"))) {
        throw new IOException(aar + " holds no " + PREFIX + " model: it is not " + AAR + "; delete it and build again, or set " + ENV);
      }
      Files.writeString(tmp.resolve(MARKER), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(marker));
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException raced) {
        if (!complete(target)) {
          throw raced;
        } // another process unpacked it at the same time: theirs is as good
      }
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
    }
    return target;
  }

  /** Whether {@code dir} holds a whole unpacked model: its marker, and every file the marker lists at that size. */
  static boolean complete(Path dir) {
    Path marker = dir.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return false;
    }
    try {
      JsonNode files = JSON.readTree(marker.toFile()).path("files");
      if (!files.isObject() || files.isEmpty()) {
        return false;
      }
      for (var it = files.properties().iterator(); it.hasNext(); ) {
        var f = it.next();
        Path p = dir.resolve(f.getKey());
        if (!Files.isRegularFile(p) || Files.size(p) != f.getValue().path("size").asLong(-1)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
