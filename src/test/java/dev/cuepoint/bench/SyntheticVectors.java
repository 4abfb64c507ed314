package dev.cuepoint.bench;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.EmbeddingCache;
import dev.cuepoint.index.Passage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * SYNTHETIC stand-ins for the MiniLM vectors of recombined passages, for the hybrid latency benchmark
 * only (embedding the ~370,000 passages of the 10,000-video corpus for real takes about 7 hours here).
 *
 * <p>A recombined video is made of runs of real cues, so each of its passages is made of pieces of real
 * passages. A passage whose text is exactly a real passage's gets that passage's real vector. Any
 * other gets the mixture of the real vectors of the passages its cues come from, each weighted by the
 * words it contributes (MiniLM mean-pools its tokens, so the embedding of a concatenation is close to
 * such a mix), renormalised, plus deterministic Gaussian noise of a fixed relative size (fitted so the
 * synthetic vectors sit as far from the mixture as real embeddings of recombined passages do, see
 * {@link #noiseFor}), renormalised again.
 *
 * <p>Why not random unit vectors, or real vectors with a little noise: the cost of an HNSW search (how
 * many nodes it visits before its candidate list settles) depends on how the vectors are spread. Random
 * vectors in 384 dimensions are all nearly orthogonal, with no neighbourhoods, the worst case for a
 * graph search; 70 near-copies of each real vector make tight clusters of near-ties, an unusually easy
 * or degenerate case. Mixtures of real vectors stay where real passage embeddings live (the same topics,
 * the same anisotropy), with neighbourhoods of realistic density.
 */
final class SyntheticVectors {
  /** How a passage got its vector. */
  enum Kind {
    /** The real MiniLM vector of a real passage with the same text. */
    REAL,
    /** Synthetic: a mixture of real vectors plus noise. */
    MIXED,
    /** Synthetic: none of its cues is in a real passage, so random (should not happen). */
    RANDOM
  }

  record Vector(float[] values, Kind kind) {}

  private final int dims;
  private final Map<EmbeddingCache.Hash, float[]> realByText = new HashMap<>();
  private final List<float[]> realVectors = new ArrayList<>();
  private final Map<String, List<Integer>> passagesOfCue = new HashMap<>();
  private final double noise;

  private SyntheticVectors(int dims, double noise) {
    this.dims = dims;
    this.noise = noise;
  }

  /** Collects the real passages and their vectors; {@link #build} makes the generator. */
  static final class Builder {
    private final SyntheticVectors v;

    Builder(int dims) {
      v = new SyntheticVectors(dims, 0);
    }

    /** One real transcript: its cues, its passages (as {@code Passages.of} cut them) and their real vectors. */
    Builder add(List<Cue> cues, List<Passage> passages, List<float[]> vectors) {
      if (passages.size() != vectors.size()) {
        throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
      }
      for (int i = 0; i < passages.size(); i++) {
        float[] vec = vectors.get(i);
        if (vec.length != v.dims) {
          throw new IllegalArgumentException("vector must have " + v.dims + " dimensions, got " + vec.length);
        }
        int id = v.realVectors.size();
        v.realVectors.add(vec);
        v.realByText.put(EmbeddingCache.Hash.of(passages.get(i).text()), vec);
        for (Cue c : cuesOf(cues, passages.get(i))) {
          v.passagesOfCue.computeIfAbsent(c.text(), t -> new ArrayList<>()).add(id);
        }
      }
      return this;
    }

    /** The generator, adding noise of {@code noise} times the mixture's length (0: none). */
    SyntheticVectors build(double noise) {
      if (!(noise >= 0)) {
        throw new IllegalArgumentException("noise must be >= 0, got " + noise);
      }
      SyntheticVectors out = new SyntheticVectors(v.dims, noise);
      out.realByText.putAll(v.realByText);
      out.realVectors.addAll(v.realVectors);
      out.passagesOfCue.putAll(v.passagesOfCue);
      return out;
    }
  }

  /** The cues of a transcript that lie inside a passage (a passage is a run of whole cues). */
  static List<Cue> cuesOf(List<Cue> cues, Passage p) {
    List<Cue> out = new ArrayList<>();
    for (Cue c : cues) {
      if (c.startMs() >= p.startMs() && c.endMs() <= p.endMs()) {
        out.add(c);
      }
    }
    return out;
  }

  int realPassages() {
    return realVectors.size();
  }

  double noise() {
    return noise;
  }

  /** The vector of a passage of a recombined transcript, given the cues it is made of. */
  Vector of(Passage p, List<Cue> cues) {
    float[] real = realByText.get(EmbeddingCache.Hash.of(p.text()));
    if (real != null) {
      return new Vector(real.clone(), Kind.REAL);
    }
    float[] mix = mixture(cues);
    Random rnd = seeded(p.text());
    if (mix == null) {
      float[] r = new float[dims];
      for (int i = 0; i < dims; i++) {
        r[i] = (float) rnd.nextGaussian();
      }
      return new Vector(Embedder.normalize(r), Kind.RANDOM);
    }
    double sigma = noise / Math.sqrt(dims); // per dimension, so the noise vector is about noise long
    for (int i = 0; i < dims; i++) {
      mix[i] += (float) (sigma * rnd.nextGaussian());
    }
    return new Vector(Embedder.normalize(mix), Kind.MIXED);
  }

  /** The word-weighted, renormalised mix of the real vectors the cues come from; null when none is known. */
  float[] mixture(List<Cue> cues) {
    float[] acc = new float[dims];
    boolean any = false;
    for (Cue c : cues) {
      List<Integer> ids = passagesOfCue.get(c.text());
      if (ids == null) {
        continue;
      }
      double w = (double) words(c.text()) / ids.size(); // a cue text said in several places: shared out
      for (int id : ids) {
        float[] r = realVectors.get(id);
        for (int i = 0; i < dims; i++) {
          acc[i] += (float) (w * r[i]);
        }
      }
      any = true;
    }
    return any ? Embedder.normalize(acc) : null;
  }

  /**
   * The noise that puts a synthetic vector at the angle real embeddings keep from their mixtures: for
   * unit {@code m} plus noise of length {@code s} (nearly orthogonal to it in 384 dimensions), the cosine
   * to {@code m} is {@code 1/sqrt(1+s²)}; so {@code s = sqrt(1/c² - 1)} for the mean measured cosine {@code c}.
   */
  static double noiseFor(double meanCosineRealToMixture) {
    double c = Math.clamp(meanCosineRealToMixture, 0.05, 1.0);
    return Math.sqrt(1 / (c * c) - 1);
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean letter = !Character.isWhitespace(text.charAt(i));
      if (letter && !in) {
        n++;
      }
      in = letter;
    }
    return Math.max(1, n);
  }

  private static Random seeded(String text) {
    EmbeddingCache.Hash h = EmbeddingCache.Hash.of(text);
    return new Random(h.hi() ^ h.lo());
  }
}
