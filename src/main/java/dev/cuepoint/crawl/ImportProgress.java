package dev.cuepoint.crawl;

/**
 * Told how far a long import has got, every so many videos or seconds, so the CLI can print
 * "imported 500/2000 videos…" to stderr.
 */
@FunctionalInterface
public interface ImportProgress {
  /** Reports nothing. */
  ImportProgress NONE = (done, total) -> {};

  /**
   * @param done videos handled so far (written, unchanged or skipped)
   * @param total videos found in the folders
   */
  void videosDone(int done, int total);

  /**
   * How far the transcription of one recording has come (told from the thread transcribing it).
   *
   * @param totalMs the recording's length, 0 when not known
   */
  default void transcribing(java.nio.file.Path media, long doneMs, long totalMs) {}
}
