package dev.cuepoint.web;

import io.javalin.http.Context;
import io.javalin.http.TooManyRequestsResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address: each client may make {@code perSecond} requests a second on
 * average and {@code burst} at once; past that it gets a 429 with {@code Retry-After} (whole seconds)
 * and {@code {"error": …}}. One client typing fast, or a script, cannot take the search away from
 * everyone else. Behind a reverse proxy every request comes from the proxy's address, so the limit is
 * then shared: raise it there (or let the proxy limit per client).
 */
public final class RateLimiter {
  /**
   * @param perSecond tokens added per second, > 0
   * @param burst bucket size: requests allowed at once after a quiet spell, >= 1
   */
  public record Limit(double perSecond, int burst) {
    /** Generous for people (a search and its suggestions are a handful of requests), tight for scripts. */
    public static final Limit DEFAULT = new Limit(20, 40);

    public Limit {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("perSecond must be > 0, got " + perSecond);
      }
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be >= 1, got " + burst);
      }
    }
  }

  /** Past this many clients, buckets that have refilled (idle clients) are dropped. */
  static final int MAX_CLIENTS = 10_000;

  private final Limit limit;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(Limit limit) {
    this(limit, System::nanoTime);
  }

  RateLimiter(Limit limit, LongSupplier nanoTime) {
    this.limit = limit;
    this.nanoTime = nanoTime;
  }

  public Limit limit() {
    return limit;
  }

  /** A Javalin before-handler: lets the request through or answers 429. */
  void check(Context ctx) {
    long waitNanos = acquire(ctx.ip());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new TooManyRequestsResponse("too many requests from your address: at most "
          + format(limit.perSecond()) + " a second (bursts of " + limit.burst() + "); try again in " + seconds + " s");
    }
  }

  /** Takes a token for the client: 0 when it had one, else the nanoseconds until it will. */
  long acquire(String client) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > MAX_CLIENTS) {
      forgetIdle(now);
    }
    return buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), now)).take(now, limit);
  }

  /** Clients with a bucket now. */
  int clients() {
    return buckets.size();
  }

  private void forgetIdle(long now) {
    buckets.values().removeIf(b -> b.full(now, limit));
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear(); // a flood of distinct addresses: start over rather than grow without bound
    }
  }

  private static String format(double perSecond) {
    return perSecond == Math.rint(perSecond) ? Long.toString((long) perSecond) : Double.toString(perSecond);
  }

  private static final class Bucket {
    private double tokens;
    private long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }

    synchronized long take(long now, Limit limit) {
      refill(now, limit);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
    }

    synchronized boolean full(long now, Limit limit) {
      refill(now, limit);
      return tokens >= limit.burst();
    }

    private void refill(long now, Limit limit) {
      if (now > last) {
        tokens = Math.min(limit.burst(), tokens + (now - last) / 1e9 * limit.perSecond());
        last = now;
      }
    }
  }
}
