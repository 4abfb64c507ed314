package dev.cuepoint.web;

import io.javalin.http.Context;
import io.javalin.http.TooManyRequestsResponse;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /**
   * Clients remembered at most; past it the least recently seen one is forgotten (it gets a full bucket
   * if it comes back). A client that rotates addresses only pushes out idle ones: whoever is being
   * limited keeps being seen, so keeps its bucket. IPv6 clients count per /64 (one customer's network),
   * else one machine has millions of addresses.
   */
  static final int MAX_CLIENTS = 10_000;

  private final Limit limit;
  private final LongSupplier nanoTime;
  final java.util.concurrent.atomic.LongAdder refused = new java.util.concurrent.atomic.LongAdder(); // for Metrics
  private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) { // access order: LRU
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

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
      refused.increment();
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new TooManyRequestsResponse("too many requests from your address: at most "
          + format(limit.perSecond()) + " a second (bursts of " + limit.burst() + "); try again in " + seconds + " s");
    }
  }

  /** Takes a token for the client's address: 0 when it had one, else the nanoseconds until it will. */
  long acquire(String address) {
    long now = nanoTime.getAsLong();
    String client = client(address);
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(client, c -> new Bucket(limit.burst(), now));
    }
    return bucket.take(now, limit);
  }

  /** Clients with a bucket now. */
  int clients() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  /** Whom a bucket belongs to: an IPv4 address, or an IPv6 address's /64 network. */
  static String client(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    try {
      // a literal: no name lookup. IPv4-mapped addresses come back as IPv4
      InetAddress a = InetAddress.getByName(address);
      if (a instanceof Inet6Address) {
        byte[] b = a.getAddress();
        return HexFormat.of().formatHex(b, 0, 8) + "::/64";
      }
      return a.getHostAddress();
    } catch (UnknownHostException | IllegalArgumentException e) {
      return address; // not an address literal (Javalin gives one): limit it as written
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

    private void refill(long now, Limit limit) {
      if (now > last) {
        tokens = Math.min(limit.burst(), tokens + (now - last) / 1e9 * limit.perSecond());
        last = now;
      }
    }
  }
}
