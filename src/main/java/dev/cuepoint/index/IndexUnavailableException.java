package dev.cuepoint.index;

import java.io.IOException;

/**
 * The index cannot answer for now, though nothing is wrong with the request or the data: a search
 * engine node just left and its shards are moving. The web API answers 503 with {@code Retry-After}
 * instead of a 500, or, worse, an empty result list.
 */
public class IndexUnavailableException extends IOException {
  /** Seconds after which asking again is likely to work. */
  public static final int RETRY_AFTER_SECONDS = 5;

  public IndexUnavailableException(String message) {
    super(message);
  }
}
