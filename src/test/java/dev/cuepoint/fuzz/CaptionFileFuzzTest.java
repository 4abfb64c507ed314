package dev.cuepoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes {@code Captions.read} on a real file: format detection by content and name, UTF-8 decoding
 * (BOMs, invalid bytes, NULs) and every parser behind it. The first byte of the input picks the file's
 * extension (see {@link CaptionChecks#EXTENSIONS}).
 */
class CaptionFileFuzzTest {
  static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("cuepoint-fuzz-read");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Stream<Arguments> seeds() {
    // the first byte picks the extension: 0 is .vtt, 1 .srt, 2 .sbv, 3 .xml, 6 .json3, 7 .ttml
    return Stream.of(
        prefixed(0, Seeds.files(".vtt")), prefixed(1, Seeds.files(".srt")), prefixed(2, Seeds.files(".sbv")),
        prefixed(3, Seeds.files(".xml", ".xml.static")), prefixed(6, Seeds.files(".json3")),
        prefixed(7, Seeds.files(".ttml", ".dfxp"))).flatMap(s -> s.limit(6));
  }

  private static Stream<Arguments> prefixed(int first, Stream<Arguments> files) {
    return files.map(a -> {
      byte[] content = (byte[]) a.get()[0];
      byte[] input = new byte[content.length + 1];
      input[0] = (byte) first;
      System.arraycopy(content, 0, input, 1, content.length);
      return Arguments.of((Object) input);
    });
  }

  @AfterAll
  static void clean() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      for (Path p : s.toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.deleteIfExists(DIR);
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5s")
  void reading_any_file_gives_cues_or_a_caption_error(byte[] input) throws Exception {
    CaptionChecks.read(input, DIR);
  }
}
