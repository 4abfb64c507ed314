package dev.cuepoint.index;

import java.util.Locale;

/**
 * How far the passage index is with the corpus, as of the last {@link PassageIndex#sync} (or the one
 * running): kept by the sync in counters, so reading it costs nothing (the web app's status is polled).
 *
 * @param model the embedder's id
 * @param passages passages the corpus's embeddable transcripts have; -1 until a sync of this process
 *     counted them (the first moments after opening)
 * @param embedded of those, passages in the passage index now (committed: semantic search sees them);
 *     -1 until counted
 * @param pendingVideos videos whose passages are still to be written (new, changed, or failed)
 * @param running whether a sync is running
 * @param written passages the running (or last) sync wrote so far, committed or not
 * @param toWrite passages the running (or last) sync set out to write
 * @param passagesPerSecond passages written a second by the running (or last) sync; 0 before the first
 */
public record PassageProgress(String model, int passages, int embedded, int pendingVideos, boolean running,
    int written, int toWrite, double passagesPerSecond) {

  /** Before a sync of this process counted the corpus. */
  static PassageProgress unknown(String model) {
    return new PassageProgress(model, -1, -1, 0, false, 0, 0, 0);
  }

  /** Every passage of the corpus is in the index and nothing is waiting. */
  public boolean ready() {
    return passages >= 0 && embedded == passages && pendingVideos == 0;
  }

  /** Seconds the running sync still needs at its rate so far; -1 when unknown. */
  public long etaSeconds() {
    if (!running || passagesPerSecond <= 0) {
      return -1;
    }
    return Math.round(Math.max(0, toWrite - written) / passagesPerSecond);
  }

  /** One progress line: "embedding passages: 1,200/5,043, 15.2 passages/s, about 4 min 13 s left". */
  public String line() {
    long eta = etaSeconds();
    return String.format(Locale.ROOT, "embedding passages: %,d/%,d, %.1f passages/s%s", written, toWrite,
        passagesPerSecond, eta < 0 ? "" : ", about " + duration(eta) + " left");
  }

  /** 75 → "1 min 15 s"; 3,700 → "1 h 1 min". */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds / 60 % 60 + " min";
  }
}
