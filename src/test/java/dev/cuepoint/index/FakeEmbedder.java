package dev.cuepoint.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for a sentence-embedding model: a bag of words hashed into 64 dimensions (words cut
 * to their first five letters, so "neurons" and "neuronal" meet). Texts sharing words get close
 * vectors. Counts the texts it embedded, so tests see what the cache saved.
 */
public class FakeEmbedder implements Embedder {
  public final AtomicInteger embedded = new AtomicInteger();
  private final String id;

  public FakeEmbedder() {
    this("fake-bag-of-words");
  }

  public FakeEmbedder(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimensions() {
    return 64;
  }

  @Override
  public boolean handles(String language) {
    return Languages.primary(language).equals("en");
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      embedded.incrementAndGet();
      float[] v = new float[64];
      for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.length() < 3) {
          continue;
        }
        String key = w.substring(0, Math.min(5, w.length()));
        v[Math.floorMod(key.hashCode(), 64)] += 1;
      }
      out.add(Embedder.normalize(v));
    }
    return out;
  }
}
