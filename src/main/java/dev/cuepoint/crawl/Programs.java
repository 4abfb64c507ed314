package dev.cuepoint.crawl;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program the way a shell does, in a given search path, so tests can give their own. */
final class Programs {
  private Programs() {}

  /**
   * @param program a name ({@code yt-dlp}) looked for in {@code searchPath}, or a path to a program
   * @param searchPath folders separated by {@link File#pathSeparator}, as in {@code PATH}
   * @return the executable file, if there is one
   */
  static Optional<Path> find(String program, String searchPath) {
    try {
      if (program.contains("/")) {
        Path p = Path.of(program);
        return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
      }
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        Path p = Path.of(dir, program);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    } catch (InvalidPathException e) {
      return Optional.empty(); // a name no file can have is not installed
    }
    return Optional.empty();
  }
}
