package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryAndQuotaTest {
  @Test
  void pauses_grow_exponentially_with_jitter_and_stay_under_the_cap() throws Exception {
    List<Duration> pauses = new ArrayList<>();
    Retrier r = new Retrier(6, Duration.ofSeconds(1), Duration.ofSeconds(8), pauses::add, new SplittableRandom(1));
    AtomicInteger attempts = new AtomicInteger();

    ApiException e = assertThrows(ApiException.class, () -> r.call("x", () -> {
      attempts.incrementAndGet();
      throw new ApiException("HTTP 503", 503, "backendError", null);
    }));

    assertEquals(503, e.status());
    assertEquals(6, attempts.get());
    assertEquals(5, pauses.size());
    long[] ceilings = {1000, 2000, 4000, 8000, 8000};
    for (int i = 0; i < pauses.size(); i++) {
      long ms = pauses.get(i).toMillis();
      assertTrue(ms >= ceilings[i] / 2 && ms <= ceilings[i], "pause " + i + " was " + ms + " ms");
    }
  }

  @Test
  void a_failure_not_worth_repeating_is_thrown_at_once() {
    List<Duration> pauses = new ArrayList<>();
    Retrier r = Retrier.standard(pauses::add, new SplittableRandom(1));
    AtomicInteger attempts = new AtomicInteger();

    assertThrows(QuotaExceededException.class, () -> r.call("x", () -> {
      attempts.incrementAndGet();
      throw new QuotaExceededException("quotaExceeded", null);
    }));
    assertThrows(ApiException.class, () -> r.call("x", () -> {
      attempts.incrementAndGet();
      throw new ApiException("forbidden", 403, "forbidden", null);
    }));
    assertEquals(2, attempts.get());
    assertEquals(List.of(), pauses);
  }

  @Test
  void quota_is_counted_per_pacific_day_and_resets_at_pacific_midnight() throws Exception {
    // 07:59 UTC in May is 00:59 PDT; 06:59 UTC is still the previous Pacific day
    CrawlRig.TestClock clock = new CrawlRig.TestClock(Instant.parse("2026-05-05T06:59:00Z"));
    QuotaMeter q = new QuotaMeter(300, clock, new CrawlState.QuotaDay("2026-05-04", 250));

    q.charge(QuotaMeter.Cost.CAPTIONS_LIST, "captions.list");
    assertEquals(300, q.usedToday());
    BudgetSpentException spent = assertThrows(BudgetSpentException.class, () -> q.charge(QuotaMeter.Cost.LIST, "videos.list"));
    assertTrue(spent.getMessage().contains("300 of 300"), spent.getMessage());

    clock.advance(Duration.ofMinutes(1)); // 07:00 UTC = midnight in California
    q.charge(QuotaMeter.Cost.CAPTIONS_DOWNLOAD, "captions.download");
    assertEquals(new CrawlState.QuotaDay("2026-05-05", 200), q.snapshot());
    assertEquals(250, q.usedThisRun());
  }
}
