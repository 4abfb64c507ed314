package dev.cuepoint.web;

import io.javalin.http.Context;
import io.javalin.http.ServiceUnavailableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether searches can be answered now. They cannot while the keyword index is rebuilt from the corpus
 * at start (the old one could not be read, or it holds another layout): the server listens all the
 * same, searches get a 503 with {@code Retry-After} and a message saying why and how far the rebuild
 * is, and {@code /api/status} says it is rebuilding. Thread-safe.
 */
public final class Availability {
  /**
   * A rebuild under way.
   *
   * @param reason why the index is rebuilt ("the old one could not be read")
   * @param done videos indexed so far
   * @param of videos to index
   * @param startedNanos {@link System#nanoTime()} when it started
   */
  public record Rebuild(String reason, int done, int of, long startedNanos) {}

  private volatile Supplier<Rebuild> rebuild; // null: searches are answered

  /** From now on, searches get a 503 saying how far {@code progress} is, until {@link #ready()}. */
  public void rebuilding(Supplier<Rebuild> progress) {
    this.rebuild = progress;
  }

  /** Searches are answered again. */
  public void ready() {
    this.rebuild = null;
  }

  /** The rebuild under way, or null. */
  public Rebuild current() {
    Supplier<Rebuild> r = rebuild;
    return r == null ? null : r.get();
  }

  /** A Javalin before-handler: lets the request through, or answers 503 while the index is rebuilt. */
  void check(Context ctx) {
    Rebuild r = current();
    if (r == null) {
      return;
    }
    long seconds = retryAfterSeconds(r);
    ctx.header("Retry-After", Long.toString(seconds));
    throw new ServiceUnavailableResponse(message(r) + "; searches are answered again when it is done (try again in "
        + seconds + " s)");
  }

  /** "the index is being rebuilt from the corpus (…), 12 of 150 videos". */
  static String message(Rebuild r) {
    return "the index is being rebuilt from the corpus (" + r.reason() + "), " + r.done() + " of " + r.of()
        + " videos";
  }

  /** The status API's {@code rebuilding} object, or null when searches are answered. */
  Map<String, Object> status() {
    Rebuild r = current();
    if (r == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reason", r.reason());
    out.put("videos", r.done());
    out.put("of", r.of());
    out.put("message", message(r));
    out.put("retryAfterSeconds", retryAfterSeconds(r));
    return out;
  }

  /** The time left at the pace so far: from 1 to 60 s (5 s before the first video is done). */
  static long retryAfterSeconds(Rebuild r) {
    if (r.done() <= 0 || r.of() <= r.done()) {
      return r.done() <= 0 ? 5 : 1;
    }
    double elapsed = (System.nanoTime() - r.startedNanos()) / 1e9;
    double left = elapsed / r.done() * (r.of() - r.done());
    return Math.clamp((long) Math.ceil(left), 1, 60);
  }
}
