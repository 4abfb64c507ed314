package dev.cuepoint.index;

import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.Map;

/** What the index needs of the corpus: which videos exist, a fingerprint of each, and each video. */
public interface CorpusSnapshot {
  /** Video id → a string that changes whenever the video's corpus entry changes. */
  Map<String, String> fingerprints() throws IOException;

  Video load(String id) throws IOException;
}
