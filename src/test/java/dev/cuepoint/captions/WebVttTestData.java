package dev.cuepoint.captions;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the shared real-world test data lives: {@code ../shared/data} beside the project root
 * (Maven runs tests from the root). The data is never copied into the repository; without it the
 * real-data tests are skipped, not failed.
 */
final class WebVttTestData {
  static final Path DIR = dev.cuepoint.realdata.RealData.ROOT;

  private WebVttTestData() {}

  /** {@code ../shared/data/relative}, skipping the calling test when the data is not there. */
  static Path require(String relative) {
    dev.cuepoint.realdata.RealData.present(
        Files.isDirectory(DIR), DIR.toAbsolutePath() + " not found: real-data tests skipped");
    Path p = DIR.resolve(relative);
    dev.cuepoint.realdata.RealData.present(Files.exists(p), p.toAbsolutePath() + " not found: real-data tests skipped");
    return p;
  }

  static List<Cue> parse(Path file) throws IOException, CaptionException {
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new WebVttParser().parse(in, file.getFileName().toString());
    }
  }

  static List<VttCue> parseRaw(Path file) throws IOException, CaptionException {
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new WebVttParser().parseRaw(in, file.getFileName().toString());
    }
  }
}
