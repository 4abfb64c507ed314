package dev.cuepoint.schedule;

import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefresherTest {
  final List<String> ran = new CopyOnWriteArrayList<>();

  RefreshTask step(String name) {
    return RefreshTask.of(name, stop -> {
      ran.add(name);
      return name + " done";
    });
  }

  static RefreshRun await(Refresher r, String id) throws Exception {
    return awaitValue("refresh " + id + " to end", () -> {
      RefreshRun run = r.find(id).orElseThrow();
      return run.state() == RefreshRun.State.RUNNING ? null : run;
    }, java.time.Duration.ofSeconds(10));
  }

  @Test
  void a_refresh_runs_the_sources_then_the_index() throws Exception {
    try (Refresher r = new Refresher(List.of(step("crawl"), step("import")), step("index"), null, Clock.systemUTC())) {
      RefreshRun run = await(r, r.start("admin").orElseThrow().id());
      assertEquals(RefreshRun.State.SUCCEEDED, run.state());
      assertEquals(List.of("crawl", "import", "index"), ran);
      assertEquals("crawl: crawl done; import: import done; index: index done", run.summary());
      assertEquals(run, r.last().orElseThrow());
    }
  }

  @Test
  void a_failed_source_ends_the_refresh_before_the_index_is_touched() throws Exception {
    RefreshTask broken = RefreshTask.of("crawl", stop -> {
      throw new java.io.IOException("quota exceeded");
    });
    try (Refresher r = new Refresher(List.of(broken), step("index"), null, Clock.systemUTC())) {
      RefreshRun run = await(r, r.start("admin").orElseThrow().id());
      assertEquals(RefreshRun.State.FAILED, run.state());
      assertEquals(List.of(), ran, "the index step did not run");
      assertEquals("crawl failed: quota exceeded; the index was left as it was", run.summary());
      assertEquals(false, run.steps().getFirst().ok());
    }
  }

  @Test
  void one_refresh_at_a_time() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RefreshTask slow = RefreshTask.of("crawl", stop -> {
      release.await(10, TimeUnit.SECONDS);
      return "slow";
    });
    try (Refresher r = new Refresher(List.of(slow), step("index"), null, Clock.systemUTC())) {
      RefreshRun first = r.start("admin").orElseThrow();
      assertTrue(r.start("admin").isEmpty(), "a second start while one runs is refused");
      assertEquals(first.id(), r.current().orElseThrow().id());
      assertEquals("crawl", waitForStep(r));
      release.countDown();
      assertEquals(RefreshRun.State.SUCCEEDED, await(r, first.id()).state());
      assertTrue(r.start("admin").isPresent(), "after it ended, another may start");
    }
  }

  static String waitForStep(Refresher r) throws Exception {
    return awaitValue("a refresh step to run", () -> r.current().map(RefreshRun::currentStep).orElse(null),
        java.time.Duration.ofSeconds(10));
  }

  @Test
  void the_schedule_starts_refreshes_by_itself_and_says_when_the_next_is() throws Exception {
    AtomicInteger count = new AtomicInteger();
    RefreshTask index = RefreshTask.of("index", stop -> "run " + count.incrementAndGet());
    Schedule every = new Schedule.Every(Duration.ofMillis(150), "150ms");
    try (Refresher r = new Refresher(List.of(), index, every, Clock.systemUTC()).startSchedule()) {
      assertTrue(r.nextScheduled().isPresent());
      awaitUntil("two scheduled refreshes to run", () -> count.get() >= 2, Duration.ofSeconds(10));
      assertEquals("schedule", r.last().orElseThrow().trigger());
    }
  }

  @Test
  void shutdown_stops_a_refresh_at_the_next_safe_point() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    RefreshTask crawl = RefreshTask.of("crawl", stop -> {
      inside.countDown();
      while (!stop.getAsBoolean()) {
        Thread.sleep(5); // a long crawl checks between videos
      }
      return "stopped early";
    });
    Refresher r = new Refresher(List.of(crawl), step("index"), null, Clock.systemUTC());
    String id = r.start("admin").orElseThrow().id();
    assertTrue(inside.await(5, TimeUnit.SECONDS));
    r.close(5);
    RefreshRun run = r.find(id).orElseThrow();
    assertEquals(RefreshRun.State.STOPPED, run.state());
    assertEquals(List.of(), ran, "the index was not updated from a half-done crawl");
    assertTrue(r.start("admin").isEmpty(), "no refresh starts after shutdown");
  }
}
