package dev.cuepoint.cli;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.realdata.RealData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache ({@code src/bin/cuepoint}, JDK 25's AOT cache), on a copy of the
 * launcher and the built jar in a folder of their own: the cache is trained, used (the JVM loads the
 * app's classes from it), rebuilt when the jar changes (and not offered while stale), and a broken or
 * foreign cache file never breaks a command nor prints anything. Uses the built jar, or before {@code
 * package} (as in {@code mvn verify}) a jar of the app's classes naming the dependencies' jars. Needs a
 * JDK 25 or newer; skips saying so without one (fails under {@code CI=true}).
 * Trains twice: a minute or two.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupCacheTest {
  @TempDir Path tmp;
  Path root;
  Path data;
  Path jdk;

  record Run(int status, String out, String err) {}

  @BeforeAll
  void copyLauncherAndJar(@TempDir Path dir) throws Exception {
    jdk = jdk25();
    RealData.present(jdk != null, "no JDK 25 or newer under /usr/lib/jvm (the AOT cache needs one)");
    root = dir.resolve("cuepoint");
    Files.createDirectories(root.resolve("src/bin"));
    Files.createDirectories(root.resolve("target"));
    Files.createDirectories(root.resolve("index"));
    Path launcher = root.resolve("src/bin/cuepoint");
    Files.copy(Path.of("src/bin/cuepoint"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jar = Path.of("target", "cuepoint.jar");
    if (Files.isRegularFile(jar)) {
      Files.copy(jar, root.resolve("target/cuepoint.jar"));
    } else {
      thinJar(root.resolve("target/cuepoint.jar")); // mvn verify runs the tests before it packages
    }
    Files.createSymbolicLink(root.resolve("web"), Path.of("web").toAbsolutePath());
    Files.createSymbolicLink(root.resolve("index/sample"), Path.of("index/sample").toAbsolutePath());
    data = dir.resolve("data");
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new String[] {"import", "--data", data.toString(), "index/sample"},
        new PrintWriter(out, true), new PrintWriter(out, true)), out.toString());
  }

  /**
   * The app's classes in a jar whose manifest names this test run's other jars (relative to it, as a
   * manifest class path must be): what the shaded jar holds, for a run before {@code package}.
   */
  static void thinJar(Path target) throws IOException {
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    java.util.jar.Attributes main = manifest.getMainAttributes();
    main.put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(java.util.jar.Attributes.Name.MAIN_CLASS, "dev.cuepoint.cli.Main");
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry).toAbsolutePath();
      if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
        classPath.append(target.getParent().relativize(p).toString().replace(java.io.File.separatorChar, '/'))
            .append(' ');
      }
    }
    main.put(java.util.jar.Attributes.Name.CLASS_PATH, classPath.toString().strip());
    Path classes = Path.of("target", "classes");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(target), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  /** A JDK 25+ java binary under /usr/lib/jvm (read from its release file), or null. */
  static Path jdk25() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      for (Path home : homes.sorted().toList()) {
        Path release = home.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(home.resolve("bin/java"))) {
          for (String line : Files.readAllLines(release)) {
            if (line.matches("JAVA_VERSION=\"(2[5-9]|[3-9][0-9])[.\"].*")) {
              return home.resolve("bin/java");
            }
          }
        }
      }
    }
    return null;
  }

  Run cuepoint(Map<String, String> env, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(root.resolve("src/bin/cuepoint").toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> e = new HashMap<>(env);
    e.putIfAbsent("CUEPOINT_JAVA", jdk.toString());
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("CUEPOINT_JAVA_OPTS");
    pb.environment().putAll(e);
    Process p = pb.start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("cuepoint " + String.join(" ", args) + " did not end within 600 s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  Path cache(String kind) {
    return root.resolve("target/cuepoint-" + kind + ".aot");
  }

  /** Whether a run of {@code args} loaded cuepoint's classes from the AOT cache. */
  boolean ranFromCache(String... args) throws Exception {
    Path log = Files.createTempFile(tmp, "classes", ".log");
    Run r = cuepoint(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), args);
    assertEquals(0, r.status(), r.err());
    String classes = Files.readString(log);
    assertTrue(classes.contains("dev.cuepoint.cli.Main source:"), "the class loading log of " + List.of(args));
    return classes.contains("dev.cuepoint.cli.Main source: shared objects file");
  }

  String stamp(String kind) throws IOException {
    Path f = root.resolve("target/cuepoint-" + kind + ".aot.stamp");
    return Files.isRegularFile(f) ? Files.readString(f) : "";
  }

  @Test
  @Order(1)
  void the_cache_is_trained_used_and_retrained_when_the_jar_changes() throws Exception {
    Run first = cuepoint(Map.of("CUEPOINT_AOT", "wait"), "search", "--data", data.toString(), "--mode", "keyword",
        "hebbian");
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().contains("Hebbian"), first.out());
    assertEquals("", first.err());
    for (String kind : List.of("cli", "serve")) {
      assertTrue(Files.size(cache(kind)) > 1_000_000, kind + " cache: " + Files.size(cache(kind)));
      assertTrue(stamp(kind).contains("size=" + Files.size(root.resolve("target/cuepoint.jar"))), stamp(kind));
    }
    assertTrue(ranFromCache("search", "--data", data.toString(), "--mode", "keyword", "hebbian"));
    assertFalse(ranFromCache("index", "--data", data.toString()), "the batch commands run without a cache");

    // a new jar (one more file in it): the stale cache is not offered, and is trained again in the background
    Path jar = root.resolve("target/cuepoint.jar");
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      Files.writeString(zip.getPath("changed.txt"), "a new build", StandardCharsets.UTF_8);
    }
    long newSize = Files.size(jar);
    assertFalse(ranFromCache("search", "--data", data.toString(), "--mode", "keyword", "hebbian"),
        "a cache of the old jar was offered to the JVM");
    awaitUntil("the cache retrained for the new jar",
        () -> stamp("cli").contains("size=" + newSize) && stamp("serve").contains("size=" + newSize),
        Duration.ofMinutes(8));
    assertTrue(ranFromCache("search", "--data", data.toString(), "--mode", "keyword", "hebbian"));
  }

  @Test
  @Order(2)
  void a_broken_or_foreign_cache_file_never_breaks_a_command_nor_prints_anything() throws Exception {
    Path cli = cache("cli");
    RealData.present(Files.isRegularFile(cli), "no cache from the first test");
    Path good = tmp.resolve("good.aot");
    Files.copy(cli, good, StandardCopyOption.REPLACE_EXISTING);
    Map<String, byte[]> broken = new java.util.LinkedHashMap<>();
    byte[] garbage = new byte[100_000];
    new java.util.Random(7).nextBytes(garbage);
    broken.put("random bytes", garbage);
    broken.put("cut short", java.util.Arrays.copyOf(Files.readAllBytes(good), 4_000_000));
    broken.put("empty", new byte[0]);
    broken.put("the serve cache", Files.readAllBytes(cache("serve")));
    for (Map.Entry<String, byte[]> b : broken.entrySet()) {
      Files.write(cli, b.getValue());
      Files.setLastModifiedTime(cli, FileTime.from(Instant.now())); // newer than the jar: it is offered
      Run r = cuepoint(Map.of(), "search", "--data", data.toString(), "--mode", "keyword", "hebbian");
      assertEquals(0, r.status(), b.getKey() + ": " + r.err());
      assertTrue(r.out().contains("Hebbian"), b.getKey() + ": " + r.out());
      assertEquals("", r.err(), b.getKey());
      Run v = cuepoint(Map.of(), "--version");
      assertEquals(0, v.status(), b.getKey() + ": " + v.err());
      assertEquals("", v.err(), b.getKey());
    }
  }
}
