package dev.cuepoint.crawl;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Counts the YouTube quota units spent per Pacific-time day (YouTube resets quotas at midnight in
 * California) and refuses a call that would take the day past the budget, so a crawl stops before
 * YouTube stops it and the next run resumes.
 */
final class QuotaMeter {
  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  /** The default daily budget: what a new Google Cloud project gets. */
  static final long DEFAULT_BUDGET = 10_000;

  /** What each call costs, from YouTube's quota table. */
  enum Cost {
    LIST(1),
    CAPTIONS_LIST(50),
    CAPTIONS_DOWNLOAD(200);

    final int units;

    Cost(int units) {
      this.units = units;
    }
  }

  private final long budget;
  private final Clock clock;
  private String day;
  private long usedToday;
  private long usedThisRun;

  /**
   * @param spent what the state says was spent, and on which day ({@code yyyy-MM-dd} Pacific)
   */
  QuotaMeter(long budget, Clock clock, CrawlState.QuotaDay spent) {
    if (budget < 0) {
      throw new IllegalArgumentException("quota budget must be >= 0 units, got " + budget);
    }
    this.budget = budget;
    this.clock = clock;
    this.day = spent.day();
    this.usedToday = spent.units();
  }

  /**
   * Counts a call about to be made.
   *
   * @throws BudgetSpentException instead, when it would take today past the budget
   */
  void charge(Cost cost, String what) throws BudgetSpentException {
    rollOver();
    if (usedToday + cost.units > budget) {
      throw new BudgetSpentException(
          "quota budget reached: "
              + usedToday
              + " of "
              + budget
              + " units spent today (Pacific time), and "
              + what
              + " costs "
              + cost.units
              + "; the next run after midnight Pacific time resumes (or raise --quota-budget)");
    }
    usedToday += cost.units;
    usedThisRun += cost.units;
  }

  /** A charged call that never reached YouTube. */
  void refund(Cost cost) {
    usedToday = Math.max(0, usedToday - cost.units);
    usedThisRun = Math.max(0, usedThisRun - cost.units);
  }

    /** YouTube said the quota is spent: count the day as spent, so runs today stop at once. */
  void spentByYouTube() {
    rollOver();
    usedToday = Math.max(usedToday, budget);
  }

  long usedThisRun() {
    return usedThisRun;
  }

  long usedToday() {
    rollOver();
    return usedToday;
  }

  long budget() {
    return budget;
  }

  CrawlState.QuotaDay snapshot() {
    rollOver();
    return new CrawlState.QuotaDay(day, usedToday);
  }

  private void rollOver() {
    String today = LocalDate.now(clock.withZone(PACIFIC)).toString();
    if (!today.equals(day)) {
      day = today;
      usedToday = 0;
    }
  }
}
