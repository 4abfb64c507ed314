package dev.cuepoint.crawl;

/**
 * YouTube answered {@code 403 quotaExceeded}: the project's daily quota is spent. The crawl stops,
 * keeps what it fetched, and the next run after midnight Pacific time resumes.
 */
public final class QuotaExceededException extends ApiException {
  public QuotaExceededException(String message, Throwable cause) {
    super(message, 403, "quotaExceeded", cause);
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
