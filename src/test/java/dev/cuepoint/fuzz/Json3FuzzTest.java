package dev.cuepoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cuepoint.captions.CaptionFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the JSON3 parser through {@code Captions.parse}; see {@link CaptionChecks} for what is checked. */
class Json3FuzzTest {
  static Stream<Arguments> seeds() {
    return Seeds.files(".json3", "_response.json", ".innertube.json.static");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5s")
  void json3_parser_takes_any_input(byte[] input) throws Exception {
    CaptionChecks.parse(CaptionFormat.JSON3, input);
  }
}
