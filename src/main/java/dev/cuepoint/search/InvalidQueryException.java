package dev.cuepoint.search;

/**
 * A query or search parameter a user typed that cannot be searched; the message says what to change.
 * Web and CLI show it as is (HTTP 400, exit status 2).
 */
public class InvalidQueryException extends RuntimeException {
  public InvalidQueryException(String message) {
    super(message);
  }
}
