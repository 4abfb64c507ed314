package dev.cuepoint.fuzz;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call of a fuzz target on a worker thread and fails when it does not end within a bound: a
 * parser that loops forever (or takes quadratic time on a crafted input) is a finding, not a hung
 * build. The caller sees the call's own exception, unwrapped.
 */
final class Bounded {
  /** Far above any real input's time (microseconds to a few milliseconds), below any "hang". */
  static final Duration PER_CALL = Duration.ofSeconds(2);

  private static ExecutorService worker = newWorker();

  private Bounded() {}

  private static ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-call");
      t.setDaemon(true);
      return t;
    });
  }

  static synchronized <T> T call(String what, Callable<T> call) throws Exception {
    Future<T> f = worker.submit(call);
    try {
      return f.get(PER_CALL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      worker.shutdownNow();
      worker = newWorker(); // the stuck thread is abandoned; the next call gets a fresh one
      throw new AssertionError(what + " did not end within " + PER_CALL.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      if (e.getCause() instanceof Error x) {
        throw x;
      }
      throw e;
    }
  }
}
