package dev.cuepoint.search;

import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/** A corpus held in memory, for index and search tests. Fingerprint = hash of the record. */
final class MemoryCorpus implements CorpusSnapshot {
  final Map<String, Video> videos = new LinkedHashMap<>();

  MemoryCorpus add(Video v) {
    videos.put(v.id(), v);
    return this;
  }

  @Override
  public Map<String, String> fingerprints() throws java.io.IOException {
    return CorpusSnapshot.inMemory(videos).fingerprints();
  }

  @Override
  public Video load(String id) throws java.io.IOException {
    return CorpusSnapshot.inMemory(videos).load(id);
  }
}
