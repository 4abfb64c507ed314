package dev.cuepoint.bench;

import dev.cuepoint.index.Embedder;
import java.util.List;

/**
 * The "model" under which the benchmark's SYNTHETIC passage vectors are stored: a {@link PassageIndex}
 * opened with it finds every vector already in its embedding cache (written there beforehand by
 * {@link HybridLatency}) and never asks it to embed anything. Its id names the real model it stands in
 * for plus {@code +synthetic}, so the cache file says what it holds
 * ({@code embeddings-all-minilm-l6-v2-q_synthetic.bin}) and can never be mistaken for real vectors.
 *
 * @see SyntheticVectors
 */
final class PrecomputedVectors implements Embedder {
  private final Embedder real;

  PrecomputedVectors(Embedder real) {
    this.real = real;
  }

  @Override
  public String id() {
    return real.id() + "+synthetic";
  }

  @Override
  public int dimensions() {
    return real.dimensions();
  }

  @Override
  public boolean handles(String language) {
    return real.handles(language);
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    throw new IllegalStateException("the benchmark's passage vectors are precomputed; " + texts.size()
        + " passage(s) had none in the cache (first: '" + (texts.isEmpty() ? "" : abbreviate(texts.getFirst())) + "')");
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
