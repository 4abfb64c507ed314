package dev.cuepoint.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyntheticVectorsTest {
  private static final int DIMS = 384;

  /** Two real transcripts of two passages each (cues 0–1 and 2–3), with random unit vectors. */
  private final List<Cue> a = List.of(cue(0, "alpha one two"), cue(1, "alpha three four"), cue(2, "beta five"), cue(3, "beta six"));
  private final List<Cue> b = List.of(cue(0, "gamma seven"), cue(1, "gamma eight"), cue(2, "delta nine"), cue(3, "delta ten"));
  private final List<Passage> pa = List.of(passage(a, 0, 1), passage(a, 2, 3));
  private final List<Passage> pb = List.of(passage(b, 0, 1), passage(b, 2, 3));
  private final Random rnd = new Random(7);
  private final List<float[]> va = List.of(unit(), unit());
  private final List<float[]> vb = List.of(unit(), unit());

  private SyntheticVectors generator(double noise) {
    return new SyntheticVectors.Builder(DIMS).add(a, pa, va).add(b, pb, vb).build(noise);
  }

  @Test
  void a_passage_with_a_real_passages_text_gets_its_real_vector() {
    SyntheticVectors.Vector v = generator(0.5).of(pa.get(1), a.subList(2, 4));
    assertEquals(SyntheticVectors.Kind.REAL, v.kind());
    assertArrayEquals(va.get(1), v.values());
  }

  @Test
  void a_recombined_passage_gets_a_deterministic_unit_vector_near_the_passages_its_cues_come_from() {
    // the second cue of a's first passage, then the first of b's second: a recombined passage
    List<Cue> cues = List.of(cue(10, a.get(1).text()), cue(11, b.get(2).text()));
    Passage p = passage(cues, 0, 1);
    SyntheticVectors g = generator(0.3);
    SyntheticVectors.Vector v = g.of(p, cues);

    assertEquals(SyntheticVectors.Kind.MIXED, v.kind());
    assertEquals(1.0, SyntheticVectors.dot(v.values(), v.values()), 1e-4);
    assertArrayEquals(v.values(), g.of(p, cues).values(), "same text, same noise");
    double toSources = Math.min(SyntheticVectors.dot(v.values(), va.get(0)), SyntheticVectors.dot(v.values(), vb.get(1)));
    double toOthers = Math.max(SyntheticVectors.dot(v.values(), va.get(1)), SyntheticVectors.dot(v.values(), vb.get(0)));
    assertTrue(toSources > 0.5 && toOthers < 0.2, "near its sources " + toSources + ", far from the others " + toOthers);
  }

  @Test
  void the_fitted_noise_puts_synthetic_vectors_at_the_measured_angle_from_their_mixture() {
    double measured = 0.8;
    SyntheticVectors g = generator(SyntheticVectors.noiseFor(measured));
    double sum = 0;
    int n = 200;
    for (int i = 0; i < n; i++) {
      List<Cue> cues = List.of(cue(20 + 2 * i, a.get(0).text()), cue(21 + 2 * i, b.get(3).text()));
      Passage p = new Passage(cues.get(0).startMs(), cues.get(1).endMs(), "recombined " + i);
      sum += SyntheticVectors.dot(g.of(p, cues).values(), g.mixture(cues));
    }
    assertEquals(measured, sum / n, 0.03);
  }

  @Test
  void a_passage_of_unknown_cues_gets_a_random_unit_vector() {
    List<Cue> cues = List.of(cue(0, "never said"));
    SyntheticVectors.Vector v = generator(0.3).of(passage(cues, 0, 0), cues);
    assertEquals(SyntheticVectors.Kind.RANDOM, v.kind());
    assertEquals(1.0, SyntheticVectors.dot(v.values(), v.values()), 1e-4);
  }

  private float[] unit() {
    float[] v = new float[DIMS];
    for (int i = 0; i < DIMS; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return Embedder.normalize(v);
  }

  private static Cue cue(int i, String text) {
    return new Cue(i * 2000L, i * 2000L + 1500, text);
  }

  private static Passage passage(List<Cue> cues, int from, int to) {
    List<String> texts = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      texts.add(cues.get(i).text());
    }
    return new Passage(cues.get(from).startMs(), cues.get(to).endMs(), String.join(" ", texts));
  }
}
