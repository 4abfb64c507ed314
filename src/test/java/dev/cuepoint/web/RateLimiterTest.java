package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-client token bucket on search and suggest: its arithmetic, then the real server answering 429. */
class RateLimiterTest {
  final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void a_client_gets_its_burst_then_waits_for_tokens_at_the_set_rate() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(2, 3), now::get);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("10.0.0.1"), "request " + (i + 1) + " of the burst");
    }
    assertEquals(500_000_000L, limiter.acquire("10.0.0.1"), "the next token comes in 1/2 s");
    now.addAndGet(250_000_000L);
    assertEquals(250_000_000L, limiter.acquire("10.0.0.1"), "refused requests take no token");
    now.addAndGet(250_000_000L);
    assertEquals(0, limiter.acquire("10.0.0.1"));
    now.addAndGet(60_000_000_000L); // a quiet minute refills to the burst, not beyond
    for (int i = 0; i < 3; i++) {
      assertEquals(0, limiter.acquire("10.0.0.1"));
    }
    assertTrue(limiter.acquire("10.0.0.1") > 0);
  }

  @Test
  void clients_have_buckets_of_their_own() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 1), now::get);
    assertEquals(0, limiter.acquire("10.0.0.1"));
    assertTrue(limiter.acquire("10.0.0.1") > 0);
    assertEquals(0, limiter.acquire("10.0.0.2"), "another address is not held back by the first");
  }

  @Test
  void memory_stays_bounded_under_a_flood_of_addresses() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 1), now::get);
    for (int i = 0; i < 3 * RateLimiter.MAX_CLIENTS; i++) {
      limiter.acquire("2001:db8:" + Integer.toHexString(i >> 16) + ":" + Integer.toHexString(i & 0xffff) + "::1");
    }
    assertEquals(RateLimiter.MAX_CLIENTS, limiter.clients());
  }

  @Test
  void a_flood_of_new_addresses_pushes_out_idle_clients_not_the_limit_of_one_being_limited() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 1), now::get);
    assertEquals(0, limiter.acquire("10.0.0.1"));
    for (int i = 0; i < 3 * RateLimiter.MAX_CLIENTS; i++) {
      limiter.acquire("10." + (1 + (i >> 16)) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
      if (i % 1000 == 0) {
        assertTrue(limiter.acquire("10.0.0.1") > 0, "still limited after " + i + " other addresses");
      }
    }
    assertTrue(limiter.acquire("10.0.0.1") > 0, "the flood did not give it a fresh bucket");
  }

  @Test
  void ipv6_addresses_count_per_64_network() {
    RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(1, 1), now::get);
    assertEquals(0, limiter.acquire("2001:db8:1:2::1"));
    assertTrue(limiter.acquire("2001:db8:1:2:ffff:ffff:ffff:fffe") > 0, "the same /64 shares one bucket");
    assertEquals(0, limiter.acquire("2001:db8:1:3::1"), "the next /64 is another client");
    assertEquals("20010db800010002::/64", RateLimiter.client("2001:db8:1:2:a:b:c:d"));
    assertEquals("192.0.2.7", RateLimiter.client("::ffff:192.0.2.7"), "an IPv4-mapped address is its IPv4 one");
    assertEquals("192.0.2.7", RateLimiter.client("192.0.2.7"));
  }

  @Test
  void the_default_is_generous_and_nonsense_limits_are_refused() {
    assertEquals(new RateLimiter.Limit(20, 40), RateLimiter.Limit.DEFAULT);
    assertEquals(RateLimiter.Limit.DEFAULT, WebServer.Operations.none().searchLimit());
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter.Limit(1, 0));
  }

  @Test
  void the_server_answers_429_with_retry_after_per_client_on_search_and_suggest(@TempDir Path dir) throws Exception {
    try (TestSite site = TestSite.start(dir, Library.standard(), Library.standard(), TestSite.FAKE_API,
        new RateLimiter.Limit(0.05, 3))) {
      int port = site.server.port();
      long start = System.nanoTime();
      for (int i = 0; i < 2; i++) {
        assertEquals(200, RawHttp.send(port, RawHttp.get("/api/search?q=stdp")).status());
      }
      assertEquals(200, RawHttp.send(port, RawHttp.get("/api/suggest?q=sp")).status(), "suggest shares the bucket");
      RawHttp.Answer refused = RawHttp.send(port, RawHttp.get("/api/search?q=stdp"));
      assertEquals(429, refused.status(), refused.head());
      // a token comes back every 20 s; what has refilled since the first request shortens the wait,
      // so the whole seconds asked for lie between 20 minus the seconds elapsed (rounded up) and 20
      double elapsed = (System.nanoTime() - start) / 1e9;
      int retryAfter = Integer.parseInt(refused.header("Retry-After"));
      assertTrue(retryAfter <= 20 && retryAfter >= Math.max(1, (int) Math.ceil(20 - elapsed)),
          "Retry-After " + retryAfter + " s, " + elapsed + " s after the first request");
      assertTrue(refused.header("Content-Type").startsWith("application/json"), refused.head());
      String error = new ObjectMapper().readTree(refused.body()).get("error").asText();
      assertTrue(error.contains("too many requests") && error.contains("try again in " + retryAfter + " s"), error);
      assertEquals(429, RawHttp.send(port, RawHttp.get("/api/suggest?q=sp")).status());

      assertEquals(200, RawHttp.send(port, RawHttp.get("/api/status")).status(), "only search and suggest are limited");
      assertEquals(200, RawHttp.send(port, RawHttp.get("/")).status());
      assertEquals(200, RawHttp.send("127.0.0.2", port, RawHttp.get("/api/search?q=stdp")).status(),
          "another client address has its own bucket");
    }
  }
}
