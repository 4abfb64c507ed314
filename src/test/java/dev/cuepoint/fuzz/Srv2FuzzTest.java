package dev.cuepoint.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cuepoint.captions.CaptionFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Fuzzes the SRV2 parser through {@code Captions.parse}; see {@link CaptionChecks} for what is checked. */
class Srv2FuzzTest {
  static Stream<Arguments> seeds() {
    return Seeds.files(".srv2.xml", ".srv1.xml", ".xml.static");
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5s")
  void srv2_parser_takes_any_input(byte[] input) throws Exception {
    CaptionChecks.parse(CaptionFormat.SRV2, input);
  }
}
