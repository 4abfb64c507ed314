package dev.cuepoint.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seed inputs for the fuzz targets: the project's own caption fixtures and a sample of the real files
 * in {@code ../shared/data}, read in place (never copied into the repository). Without the shared data
 * the targets run on the fixtures alone and say so once. In regression mode each seed is one test
 * case; in fuzzing mode ({@code JAZZER_FUZZ=1}) they are where the fuzzer starts mutating.
 */
final class Seeds {
  static final Path SHARED = dev.cuepoint.realdata.RealData.ROOT;
  static final Path FIXTURES = Path.of("src", "test", "resources", "captions");

  /** Seeds per target: enough variety, few enough that regression mode stays fast. */
  private static final int PER_TARGET = 24;

  /**
   * Seeds are cut to their first 4 KiB: a fuzzer mutates small inputs thousands of times faster, and
   * a caption file cut off mid-cue is a realistic input in itself.
   */
  static final int MAX_SEED_BYTES = 4 * 1024;

  private static boolean warned;

  private Seeds() {}

  /**
   * Files whose names end with one of the suffixes, from the fixtures and the shared data: an even
   * sample by path, so that every folder of the shared data is represented.
   */
  static Stream<Arguments> files(String... suffixes) {
    List<Path> found = new ArrayList<>(matching(FIXTURES, suffixes));
    if (Files.isDirectory(SHARED)) {
      List<Path> shared = matching(SHARED, suffixes);
      int step = Math.max(1, shared.size() / PER_TARGET);
      for (int i = 0; i < shared.size() && found.size() < PER_TARGET + 8; i += step) {
        found.add(shared.get(i));
      }
    } else if (!warned) {
      warned = true;
      System.err.println("fuzz seeds: " + SHARED.toAbsolutePath().normalize()
          + " not found; seeding from the project's fixtures only");
    }
    return found.stream().map(p -> Arguments.of((Object) bytes(p)));
  }

  private static List<Path> matching(Path root, String... suffixes) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> {
            String name = p.getFileName().toString();
            for (String suffix : suffixes) {
              if (name.endsWith(suffix)) {
                return true;
              }
            }
            return false;
          })
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path p) {
    try (java.io.InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(MAX_SEED_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
