package dev.cuepoint.realdata;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared real data lives: {@code ../shared/data} beside the project, as on the developers'
 * machines and in CI. A user's clone has none, and the tests that need it skip with this message; in CI
 * ({@code CI=true}) they fail instead, so a missing data folder cannot pass unseen.
 */
public final class RealData {
  public static final Path ROOT = Path.of("..", "shared", "data");

  private RealData() {}

  /** The folder under the shared data, or the test is skipped saying what is missing. */
  public static Path require(String sub) {
    Path p = ROOT.resolve(sub);
    present(Files.isDirectory(p),
        p.toAbsolutePath().normalize() + " not found: real-data tests skipped (they need ../shared/data beside the project)");
    return p;
  }

  /** Skips the test saying {@code why} when the data is not there; fails it under {@code CI=true}. */
  public static void present(boolean there, String why) {
    if (!there && "true".equals(System.getenv("CI"))) {
      fail(why + " (CI=true: the shared data must be there)");
    }
    assumeTrue(there, why);
  }
}
