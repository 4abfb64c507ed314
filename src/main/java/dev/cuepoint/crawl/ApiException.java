package dev.cuepoint.crawl;

import java.io.IOException;
import java.util.Set;

/**
 * A YouTube Data API call that failed, in our terms: the HTTP status (0 when no answer came: a
 * timeout or a dropped connection) and YouTube's reason ({@code quotaExceeded}, {@code forbidden},
 * {@code playlistNotFound}…, or {@code network}). The message says what to do.
 */
public class ApiException extends IOException {
  /** The reason of failures that never reached an HTTP answer. */
  public static final String NETWORK = "network";

  private static final Set<String> RATE_LIMITS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded", "backendError");
  private static final Set<String> CREDENTIALS =
      Set.of(
          "keyInvalid", "keyExpired", "accessNotConfigured", "ipRefererBlocked", "authError",
          "unauthorized", "invalidCredentials", "API_KEY_INVALID",
          // OAuth token endpoint errors (RFC 6749): the stored grant or client is no good
          "invalid_grant", "invalid_client", "unauthorized_client");

  private final int status;
  private final String reason;

  public ApiException(String message, int status, String reason, Throwable cause) {
    super(message, cause);
    if (status < 0) {
      throw new IllegalArgumentException("HTTP status must be >= 0, got " + status);
    }
    this.status = status;
    this.reason = reason == null ? "" : reason;
  }

  /** The HTTP status, 0 when the server never answered. */
  public int status() {
    return status;
  }

  /** YouTube's reason code, {@code network} when the server never answered, or empty. */
  public String reason() {
    return reason;
  }

  /** Worth another try after a pause: 5xx, 429, rate limits, timeouts and dropped connections. */
  public boolean retryable() {
    return status == 0 || status >= 500 || status == 429 || RATE_LIMITS.contains(reason);
  }

  /** YouTube refused the API key or the OAuth token: every further call would fail the same way. */
  public boolean credentialsRejected() {
    return status == 401 || CREDENTIALS.contains(reason);
  }

  /** The caller may not do this: {@code captions.download} of a video the account cannot edit. */
  public boolean forbidden() {
    return status == 403 && !retryable() && !credentialsRejected();
  }
}
