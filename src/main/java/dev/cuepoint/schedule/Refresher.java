package dev.cuepoint.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs refreshes in the background, one at a time: the source steps (crawl, import) in order, then
 * the index step. A failed or stopped source step ends the refresh before the index step, so the index
 * stays as it was; searches never wait for a refresh. Started by a {@link Schedule}, or on demand.
 */
public final class Refresher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Refresher.class);

  /** Ended refreshes kept for {@link #find}. */
  private static final int HISTORY = 50;

  private final List<RefreshTask> sources;
  private final RefreshTask index;
  private final Schedule schedule;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final ExecutorService worker;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger numbers = new AtomicInteger();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private Run current;
  private Run last;
  private Instant next;
  private ScheduledFuture<?> pending;
  private final List<java.util.function.Consumer<RefreshRun>> onEnd = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param sources steps that fetch into the corpus, in order
   * @param index the step that brings the index in line with the corpus
   * @param schedule when to run by itself, or null for on demand only
   */
  public Refresher(List<RefreshTask> sources, RefreshTask index, Schedule schedule, Clock clock) {
    this.sources = List.copyOf(sources);
    this.index = index;
    this.schedule = schedule;
    this.clock = clock;
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("cuepoint-refresh-timer"));
    this.worker = Executors.newSingleThreadExecutor(daemon("cuepoint-refresh"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Calls {@code listener} with each refresh as it ends (metrics), before it shows as the last one; on
   * the refresh thread, so it must be quick. What it throws is logged and ignored.
   */
  public void onEnd(java.util.function.Consumer<RefreshRun> listener) {
    onEnd.add(listener);
  }

  /** Starts following the schedule (no-op without one). */
  public synchronized Refresher startSchedule() {
    if (schedule != null) {
      planFrom(clock.instant());
    }
    return this;
  }

  /** When the next scheduled refresh starts, if any. */
  public synchronized Optional<Instant> nextScheduled() {
    return Optional.ofNullable(next);
  }

  /**
   * Starts a refresh now. Empty when one is already running (see {@link #current()}) or the refresher
   * is shutting down.
   */
  public synchronized Optional<RefreshRun> start(String trigger) {
    if (current != null || stopping.get()) {
      return Optional.empty();
    }
    Run run = new Run(Integer.toString(numbers.incrementAndGet()), trigger, clock.instant());
    current = run;
    remember(run);
    worker.execute(() -> execute(run));
    return Optional.of(run.snapshot());
  }

  /** The refresh running now, if any. */
  public synchronized Optional<RefreshRun> current() {
    return Optional.ofNullable(current).map(Run::snapshot);
  }

  /** The last refresh that ended, if any. */
  public synchronized Optional<RefreshRun> last() {
    return Optional.ofNullable(last).map(Run::snapshot);
  }

  /** A refresh by id: running, or one of the last ended ones. */
  public synchronized Optional<RefreshRun> find(String id) {
    return Optional.ofNullable(runs.get(id)).map(Run::snapshot);
  }

  private void remember(Run run) {
    runs.put(run.id, run);
    if (runs.size() > HISTORY) {
      runs.remove(runs.keySet().iterator().next());
    }
  }

  private void execute(Run run) {
    LOG.info("refresh {} started ({})", run.id, run.trigger);
    RefreshRun.State state = RefreshRun.State.SUCCEEDED;
    String failure = null;
    List<RefreshTask> steps = new ArrayList<>(sources);
    steps.add(index);
    for (RefreshTask task : steps) {
      if (stopping.get()) {
        state = RefreshRun.State.STOPPED;
        failure = "stopped by shutdown before " + task.name();
        break;
      }
      run.step(task.name());
      long t0 = System.nanoTime();
      try {
        String summary = task.run(stopping::get);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        run.done(new RefreshStep(task.name(), summary, ms, true));
        LOG.info("refresh {} {}: {} ({} ms)", run.id, task.name(), summary, ms);
      } catch (Exception | LinkageError e) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        run.done(new RefreshStep(task.name(), reason, ms, false));
        if (e instanceof java.io.IOException) {
          // the network, a quota, a missing folder: the reason is what an operator acts on
          LOG.warn("refresh {} {} failed after {} ms: {}", run.id, task.name(), ms, reason);
        } else {
          LOG.warn("refresh {} {} failed after {} ms", run.id, task.name(), ms, e);
        }
        state = RefreshRun.State.FAILED;
        failure = task.name() + " failed: " + reason;
        break;
      }
    }
    if (state == RefreshRun.State.SUCCEEDED && stopping.get()) {
      state = RefreshRun.State.STOPPED; // the last step finished, but nothing after it will run
    }
    finish(run, state, failure);
  }

  private synchronized void finish(Run run, RefreshRun.State state, String failure) {
    run.end(clock.instant(), state, failure);
    for (var listener : onEnd) {
      try {
        listener.accept(run.snapshot());
      } catch (RuntimeException e) {
        LOG.warn("a refresh listener failed", e);
      }
    }
    LOG.info("refresh {} {}: {}", run.id, state.name().toLowerCase(java.util.Locale.ROOT), run.summary);
    current = null;
    last = run;
    if (schedule != null && !stopping.get()) {
      planFrom(run.endedAt);
    }
  }

  private void planFrom(Instant from) {
    if (pending != null) {
      pending.cancel(false);
    }
    next = schedule.next(from).orElse(null);
    if (next == null) {
      return;
    }
    long delay = Math.max(0, next.toEpochMilli() - clock.millis());
    pending = timer.schedule(() -> {
      if (start("schedule").isEmpty()) {
        LOG.info("scheduled refresh skipped: one is still running");
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops scheduling and asks a running refresh to stop at its next safe point, waiting for it up to
   * {@code waitSeconds}.
   */
  public void close(long waitSeconds) {
    stopping.set(true);
    synchronized (this) {
      next = null;
      if (pending != null) {
        pending.cancel(false);
      }
    }
    timer.shutdownNow();
    worker.shutdown();
    try {
      if (!worker.awaitTermination(waitSeconds, TimeUnit.SECONDS)) {
        LOG.warn("a refresh was still running after {} s at shutdown", waitSeconds);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(60);
  }

  /** A refresh's mutable state; read through {@link #snapshot()} under the refresher's lock. */
  private final class Run {
    final String id;
    final String trigger;
    final Instant startedAt;
    final List<RefreshStep> steps = new ArrayList<>();
    String currentStep;
    RefreshRun.State state = RefreshRun.State.RUNNING;
    Instant endedAt;
    String summary;

    Run(String id, String trigger, Instant startedAt) {
      this.id = id;
      this.trigger = trigger;
      this.startedAt = startedAt;
    }

    void step(String name) {
      synchronized (Refresher.this) {
        currentStep = name;
      }
    }

    void done(RefreshStep step) {
      synchronized (Refresher.this) {
        steps.add(step);
        currentStep = null;
      }
    }

    void end(Instant at, RefreshRun.State s, String failure) {
      endedAt = at;
      state = s;
      String done = String.join("; ", steps.stream().filter(RefreshStep::ok)
          .map(st -> st.name() + ": " + st.summary()).toList());
      summary = failure == null ? done : failure + "; the index was left as it was"
          + (done.isEmpty() ? "" : " (done before: " + done + ")");
    }

    RefreshRun snapshot() {
      return new RefreshRun(id, trigger, state, startedAt, endedAt, currentStep, steps, summary);
    }
  }
}
