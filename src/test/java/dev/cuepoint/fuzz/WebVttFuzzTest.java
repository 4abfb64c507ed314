package dev.cuepoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cuepoint.captions.CaptionFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the WEBVTT parser through {@code Captions.parse}; see {@link CaptionChecks} for what is checked. */
class WebVttFuzzTest {
  static Stream<Arguments> seeds() {
    return Seeds.files(".vtt", ".srt");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5s")
  void webvtt_parser_takes_any_input(byte[] input) throws Exception {
    CaptionChecks.parse(CaptionFormat.WEBVTT, input);
  }
}
