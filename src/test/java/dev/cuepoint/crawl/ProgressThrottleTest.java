package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressThrottleTest {
  @Test
  void reports_after_the_interval_even_between_every_n_items() {
    long[] now = {0};
    ProgressThrottle t = new ProgressThrottle(100, Duration.ofSeconds(2), () -> now[0]);
    List<Integer> due = new ArrayList<>();
    for (int done = 1; done <= 300; done++) {
      now[0] += 30_000_000L; // 30 ms per item: 2 s pass every 67 items
      if (t.due(done)) {
        due.add(done);
      }
    }
    // the interval restarts at every report, whichever rule made it
    assertEquals(List.of(67, 100, 167, 200, 267, 300), due);
  }
}
