package dev.cuepoint.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data DIR} option every command shares, and the folders inside it. */
final class DataDir {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data directory (corpus, index, state); default: ${DEFAULT-VALUE}",
      defaultValue = "${env:CUEPOINT_DATA:-index}")
  Path dir;

  Path corpus() {
    return dir.resolve("corpus");
  }

  Path lucene() {
    return dir.resolve("lucene");
  }

  /** The passage index and the embedding cache (semantic search). */
  Path vectors() {
    return dir.resolve("vectors");
  }

  Path state() {
    return dir.resolve("state");
  }
}
