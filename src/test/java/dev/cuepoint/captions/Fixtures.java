package dev.cuepoint.captions;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Reading the hand-written fixtures in src/test/resources/captions and showing cues compactly. */
final class Fixtures {
  /** Maven runs tests from the project root. */
  static final Path DIR = Path.of("src/test/resources/captions");

  /** The shared real data (../shared/data), read in place and never copied into the repository. */
  static final Path SHARED_DATA = dev.cuepoint.realdata.RealData.ROOT;

  private Fixtures() {}

  static List<Cue> parseFile(CaptionParser parser, String fixture)
      throws CaptionException, IOException {
    try (Reader in = Files.newBufferedReader(DIR.resolve(fixture), UTF_8)) {
      return parser.parse(in, fixture);
    }
  }

  static List<Cue> parse(CaptionParser parser, String text) throws CaptionException, IOException {
    return parser.parse(new StringReader(text), "lecture.srt");
  }

  static Word w(long startMs, String text) {
    return new Word(startMs, text);
  }

  /** "1000-3500 Hello world | 4000-5000 Next": start, end and text of each cue. */
  static String render(List<Cue> cues) {
    return cues.stream()
        .map(c -> c.startMs() + "-" + c.endMs() + " " + c.text())
        .collect(Collectors.joining(" | "));
  }
}
