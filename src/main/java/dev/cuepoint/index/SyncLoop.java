package dev.cuepoint.index;

import dev.cuepoint.corpus.AtomicFiles;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every keyword index does to follow the corpus: write the videos that are new or whose
 * fingerprint changed, delete those no longer in the corpus, leave the rest, and count. One bad corpus
 * entry does not stop the others: it is reported and stays out of the index. Videos are read and
 * written on as many threads as there are cores (up to {@link #MAX_THREADS}; the system property
 * {@code cuepoint.indexThreads} sets another number): analysing transcripts is most of indexing.
 */
public final class SyncLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

  private SyncLoop() {}

  static final int MAX_THREADS = 4;

  /** How an index writes and deletes one video. {@link #write} is called from several threads at once. */
  public interface Writer {
    void write(String id, Video video, String fingerprint) throws IOException;

    void delete(String id) throws IOException;
  }

  /** What a pass did; {@code failures} are "id: reason" lines. */
  public record Counts(int added, int updated, int deleted, int unchanged, List<String> failures) {}

  /**
   * @param have video id → fingerprint of what the index holds now (empty for a rebuild)
   * @param progress told every few seconds how far it got, or null
   */
  public static Counts run(CorpusSnapshot corpus, Map<String, String> have, Writer writer, Consumer<String> progress)
      throws IOException {
    Map<String, String> wanted = corpus.fingerprints();
    AtomicInteger added = new AtomicInteger(), updated = new AtomicInteger();
    int unchanged = 0, deleted = 0, submitted = 0;
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    // a failure of the index rather than of one video (a full disk, Lucene's writer closed by it): every
    // later video would fail the same way, so the pass stops and throws it
    AtomicReference<Exception> fatal = new AtomicReference<>();
    int threads = Math.clamp(Integer.getInteger("cuepoint.indexThreads", Runtime.getRuntime().availableProcessors()),
        1, MAX_THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "cuepoint-index");
      t.setDaemon(true);
      return t;
    });
    Semaphore inFlight = new Semaphore(threads * 2); // a few videos ahead, not the whole corpus in memory
    List<Future<?>> tasks = new ArrayList<>();
    long lastReport = System.nanoTime();
    try {
      for (Map.Entry<String, String> e : wanted.entrySet()) {
        String id = e.getKey();
        String old = have.get(id);
        if (e.getValue().equals(old)) {
          unchanged++;
          continue;
        }
        if (fatal.get() != null) {
          break;
        }
        inFlight.acquireUninterruptibly();
        tasks.add(pool.submit(() -> {
          try {
            writer.write(id, corpus.load(id), e.getValue());
            (old == null ? added : updated).incrementAndGet();
          } catch (IOException | RuntimeException ex) {
            if (AtomicFiles.NoSpaceException.isNoSpace(ex) || ex instanceof AlreadyClosedException) {
              fatal.compareAndSet(null, ex);
              return;
            }
            failures.add(id + ": " + ex.getMessage());
            if (ex instanceof RuntimeException) {
              LOG.warn("video {} not indexed", id, ex); // a bug, not a bad file: the stack trace says where
            } else {
              LOG.warn("video {} not indexed: {}", id, ex.getMessage());
            }
          } finally {
            inFlight.release();
          }
        }));
        submitted++;
        if (progress != null && System.nanoTime() - lastReport > 2_000_000_000L) {
          progress.accept("indexed " + submitted + " of " + (wanted.size() - unchanged) + " videos…");
          lastReport = System.nanoTime();
        }
      }
      for (Future<?> f : tasks) {
        f.get();
      }
      Exception stop = fatal.get();
      if (stop instanceof IOException io) {
        throw io;
      } else if (stop != null) {
        if (AtomicFiles.NoSpaceException.isNoSpace(stop)) {
          throw new IOException(stop.getMessage(), stop);
        }
        throw (RuntimeException) stop;
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", ex);
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(ex.getCause());
    } finally {
      pool.shutdownNow();
    }
    for (String id : have.keySet()) {
      if (!wanted.containsKey(id)) {
        writer.delete(id);
        deleted++;
      }
    }
    return new Counts(added.get(), updated.get(), deleted, unchanged, List.copyOf(failures));
  }
}
