package dev.cuepoint.index;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.util.Map;

/** What the index needs of the corpus: which videos exist, a fingerprint of each, and each video. */
public interface CorpusSnapshot {
  /** Video id → a string that changes whenever the video's corpus entry changes. */
  Map<String, String> fingerprints() throws IOException;

  Video load(String id) throws IOException;

  /**
   * Videos held in a map (tests, tools), read when asked: the fingerprint is the record's hash, so a
   * changed record is indexed again.
   */
  static CorpusSnapshot inMemory(Map<String, Video> videos) {
    return new CorpusSnapshot() {
      @Override
      public Map<String, String> fingerprints() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        videos.forEach((id, v) -> out.put(id, Integer.toHexString(v.hashCode())));
        return out;
      }

      @Override
      public Video load(String id) throws IOException {
        Video v = videos.get(id);
        if (v == null) {
          throw new IOException("video " + id + " left the corpus while indexing");
        }
        return v;
      }
    };
  }

  /** The corpus on disk. */
  static CorpusSnapshot of(CorpusStore store) {
    return new CorpusSnapshot() {
      @Override
      public Map<String, String> fingerprints() throws IOException {
        return store.fingerprints();
      }

      @Override
      public Video load(String id) throws IOException {
        return store.read(id)
            .orElseThrow(() -> new IOException("corpus file " + store.file(id) + " disappeared while indexing"));
      }
    };
  }
}
