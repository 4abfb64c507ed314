package dev.cuepoint.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleTest {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final Instant T = Instant.parse("2026-11-29T10:15:00Z");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "6h        | 2026-11-29T16:15:00Z",
      "30m       | 2026-11-29T10:45:00Z",
      "1d        | 2026-11-30T10:15:00Z",
      "0 4 * * * | 2026-11-30T04:00:00Z",
      "*/20 * * * * | 2026-11-29T10:20:00Z",
      "0 12 * * 1-5 | 2026-11-30T12:00:00Z"})
  void intervals_and_cron_lines_give_the_next_time(String spec, String next) {
    assertEquals(Instant.parse(next), Schedule.parse(spec, UTC).next(T).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "10s", "0m", "61 * * * *", "* * * *", "0 4 * * * *"})
  void anything_else_is_refused_with_what_is_accepted(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse(spec, UTC));
    assertTrue(e.getMessage().contains("'" + spec + "'"), e.getMessage());
  }
}
