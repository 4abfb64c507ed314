package dev.cuepoint.crawl;

import java.io.IOException;

/**
 * The next call would take the day's quota use past the budget, so it was not made. Not an error:
 * the crawl stops cleanly and the next run resumes.
 */
public final class BudgetSpentException extends IOException {
  public BudgetSpentException(String message) {
    super(message);
  }
}
