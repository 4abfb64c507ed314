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
  private final int dimensions;
  private double floor;

  public FakeEmbedder() {
    this("fake-bag-of-words");
  }

  public FakeEmbedder(String id) {
    this(id, 64);
  }

  /** With {@code dimensions} buckets: more make two different words share one less often. */
  public FakeEmbedder(String id, int dimensions) {
    this.id = id;
    this.dimensions = dimensions;
  }

  /** This embedder, saying that passages at or below {@code similarity} are unrelated to a query. */
  public FakeEmbedder withFloor(double similarity) {
    this.floor = similarity;
    return this;
  }

  @Override
  public double floor() {
    return floor;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int dimensions() {
    return dimensions;
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
      float[] v = new float[dimensions];
      for (String w : t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (w.length() < 3) {
          continue;
        }
        String key = w.substring(0, Math.min(5, w.length()));
        v[Math.floorMod(key.hashCode(), dimensions)] += 1;
      }
      out.add(Embedder.normalize(v));
    }
    return out;
  }
}
