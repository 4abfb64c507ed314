package dev.cuepoint.search;

import dev.cuepoint.index.KeywordIndex;
import java.io.IOException;
import java.util.Map;


/**
 * What the index holds right now, for the status page.
 *
 * @param videos videos indexed
 * @param transcriptsByLanguage language tag → number of videos with a transcript in it
 * @param cues caption cues in the indexed transcripts
 * @param sizeBytes bytes the index takes on disk
 */
public record IndexStats(int videos, Map<String, Integer> transcriptsByLanguage, long cues, long sizeBytes) {
  public IndexStats {
    if (videos < 0) {
      throw new IllegalArgumentException("videos must be >= 0, got " + videos);
    }
    transcriptsByLanguage = Map.copyOf(transcriptsByLanguage);
  }

  /** Counts over the index as it is now. */
  public static IndexStats of(KeywordIndex index) throws IOException {
    try (KeywordIndex.View view = index.view()) {
      return new IndexStats(view.videos(), view.transcriptsByLanguage(), view.cues(), index.sizeBytes());
    }
  }
}
