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
      limiter.acquire("2001:db8::" + Integer.toHexString(i));
    }
    assertTrue(limiter.clients() <= RateLimiter.MAX_CLIENTS + 1, "clients tracked: " + limiter.clients());
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
        new RateLimiter.Limit(0.5, 3))) {
      int port = site.server.port();
      for (int i = 0; i < 2; i++) {
        assertEquals(200, RawHttp.send(port, RawHttp.get("/api/search?q=stdp")).status());
      }
      assertEquals(200, RawHttp.send(port, RawHttp.get("/api/suggest?q=sp")).status(), "suggest shares the bucket");
      RawHttp.Answer refused = RawHttp.send(port, RawHttp.get("/api/search?q=stdp"));
      assertEquals(429, refused.status(), refused.head());
      assertEquals("2", refused.header("Retry-After"), "whole seconds until a token is back (rate 1/2 s)");
      assertTrue(refused.header("Content-Type").startsWith("application/json"), refused.head());
      String error = new ObjectMapper().readTree(refused.body()).get("error").asText();
      assertTrue(error.contains("too many requests") && error.contains("try again in 2 s"), error);
      assertEquals(429, RawHttp.send(port, RawHttp.get("/api/suggest?q=sp")).status());

      assertEquals(200, RawHttp.send(port, RawHttp.get("/api/status")).status(), "only search and suggest are limited");
      assertEquals(200, RawHttp.send(port, RawHttp.get("/")).status());
      assertEquals(200, RawHttp.send("127.0.0.2", port, RawHttp.get("/api/search?q=stdp")).status(),
          "another client address has its own bucket");
    }
  }
}
