package dev.cuepoint.crawl;

/**
 * Why the web player gives no transcript for a video. {@link #label} is a short category shared by
 * videos with the same cause, so a summary can count them ("3 captions off, 1 age-restricted").
 */
enum NoTranscript {
  /** The player answer has no caption tracks (or none in the wanted languages). */
  CAPTIONS_OFF("captions off", false, false),
  /** {@code LOGIN_REQUIRED} for age: only a signed-in adult account sees it. */
  AGE_RESTRICTED("age-restricted", false, false),
  /** {@code ERROR}: removed, private, or not in this country. */
  UNAVAILABLE("unavailable", false, true),
  /** Any other playability status (members only, live event not started…). */
  UNPLAYABLE("unplayable", false, true),
  /** Every wanted track needs a proof-of-origin token ({@code &exp=xpe}; the body comes back empty). */
  NEEDS_TOKEN("needs a proof-of-origin token", true, true),
  /** YouTube refused this address: "not a bot" check, reCAPTCHA page or HTTP 429. */
  BLOCKED("blocked by YouTube", true, true),
  /** Something else went wrong (network, HTTP status, a track that does not parse). */
  ERROR("error", true, true);

  final String label;
  /** Counted as a failure (exit status 1), not as a fact about the video. */
  final boolean failure;
  /** Worth asking again on the next crawl even when the metadata did not change. */
  final boolean retry;

  /** The reason a crawl state names, if it names one this version knows. */
  static java.util.Optional<NoTranscript> named(String name) {
    for (NoTranscript n : values()) {
      if (n.name().equals(name)) {
        return java.util.Optional.of(n);
      }
    }
    return java.util.Optional.empty();
  }

  NoTranscript(String label, boolean failure, boolean retry) {
    this.label = label;
    this.failure = failure;
    this.retry = retry;
  }
}
