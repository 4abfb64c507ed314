package dev.cuepoint.index;

import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every keyword index does to follow the corpus: write the videos that are new or whose
 * fingerprint changed, delete those no longer in the corpus, leave the rest, and count. One bad corpus
 * entry does not stop the others: it is reported and stays out of the index.
 */
public final class SyncLoop {
  private static final Logger LOG = LoggerFactory.getLogger(SyncLoop.class);

  private SyncLoop() {}

  /** How an index writes and deletes one video. */
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
    int added = 0, updated = 0, unchanged = 0, deleted = 0, done = 0;
    List<String> failures = new ArrayList<>();
    long lastReport = System.nanoTime();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      String id = e.getKey();
      String old = have.get(id);
      if (e.getValue().equals(old)) {
        unchanged++;
        continue;
      }
      try {
        writer.write(id, corpus.load(id), e.getValue());
        if (old == null) {
          added++;
        } else {
          updated++;
        }
      } catch (IOException | RuntimeException ex) {
        failures.add(id + ": " + ex.getMessage());
        LOG.warn("video {} not indexed: {}", id, ex.getMessage());
      }
      done++;
      if (progress != null && System.nanoTime() - lastReport > 2_000_000_000L) {
        progress.accept("indexed " + done + " of " + (wanted.size() - unchanged) + " videos…");
        lastReport = System.nanoTime();
      }
    }
    for (String id : have.keySet()) {
      if (!wanted.containsKey(id)) {
        writer.delete(id);
        deleted++;
      }
    }
    return new Counts(added, updated, deleted, unchanged, failures);
  }
}
