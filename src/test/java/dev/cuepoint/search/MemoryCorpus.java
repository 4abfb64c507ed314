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
  public Map<String, String> fingerprints() {
    Map<String, String> out = new LinkedHashMap<>();
    videos.forEach((id, v) -> out.put(id, Integer.toHexString(v.hashCode())));
    return out;
  }

  @Override
  public Video load(String id) {
    return videos.get(id);
  }
}
