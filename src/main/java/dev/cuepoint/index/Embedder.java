package dev.cuepoint.index;

import java.util.List;

/**
 * Turns text into a sentence-embedding vector: texts that mean similar things get vectors with a high
 * dot product. Vectors are unit length. Implementations run in the JVM without a network; tests use a
 * hand-written one where the real model would be slow.
 */
public interface Embedder {
  /** Names the model and its settings; vectors from embedders with different ids do not mix. */
  String id();

  /** Length of every vector. */
  int dimensions();

  /** Whether the model understands text in this language (BCP 47 tag); others are not embedded. */
  boolean handles(String language);

  /**
   * The similarity (cosine) below which a passage is not about a query at all: calibrated per model,
   * between the best passages of real questions and those of nonsense (README, "Search by meaning").
   */
  default double floor() {
    return 0;
  }

  /** One unit vector per passage text, in order. */
  List<float[]> embed(List<String> texts);

  /** The vector of one passage text. */
  default float[] embed(String text) {
    return embed(List.of(text)).getFirst();
  }

  /**
   * The vector of a query: models trained for retrieval embed questions differently from the passages
   * that answer them (a prefix or an instruction); by default the same as a passage.
   */
  default float[] embedQuery(String query) {
    return embed(query);
  }

  /**
   * The process is stopping: a model that runs native code refuses new work then, so that nothing
   * native runs while the runtime is released (see {@link OnnxEmbedder#stopNativeWork}).
   */
  final class ShuttingDown extends IllegalStateException {
    public ShuttingDown() {
      super("the process is stopping: no more embedding");
    }
  }

  /** Scales {@code v} to unit length in place (a zero vector stays zero); returns it. */
  static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float scale = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= scale;
      }
    }
    return v;
  }
}
