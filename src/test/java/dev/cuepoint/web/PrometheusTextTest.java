package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The test's Prometheus text reader refuses what the format does not allow, so MetricsTest can fail. */
class PrometheusTextTest {
  static final String GOOD = """
      # HELP a_total things
      # TYPE a_total counter
      a_total{x="1",y="q\\"uote"} 3.0
      # TYPE h_seconds histogram
      h_seconds_bucket{le="0.1"} 1
      h_seconds_bucket{le="+Inf"} 2
      h_seconds_count 2
      h_seconds_sum 0.3
      g NaN
      """;

  @Test
  void a_valid_exposition_is_read() {
    PrometheusText p = PrometheusText.parse(GOOD);
    assertEquals(3.0, p.get("a_total", "x", "1", "y", "q\"uote"));
    assertEquals(2, p.get("h_seconds_bucket", "le", "+Inf"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "a_total{x=\"1\"} 3.0",                       // no final line feed
      "9metric 1\n",                                 // a name may not start with a digit
      "a{x=1} 1\n",                                  // unquoted label value
      "a{x=\"\\t\"} 1\n",                            // an escape the format does not have
      "a 1 2 3\n",                                   // value, timestamp, and more
      "a one\n",                                     // not a number
      "# TYPE a counter\n# TYPE a gauge\n",          // TYPE twice
      "a 1\n# TYPE a gauge\n",                       // TYPE after its samples
      "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", // not cumulative
      "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n",                         // no +Inf
      "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n",                      // +Inf != count
  })
  void malformed_text_is_refused(String text) {
    assertThrows(AssertionError.class, () -> PrometheusText.parse(text));
  }
}
