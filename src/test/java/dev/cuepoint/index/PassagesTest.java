package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {
  /** {@code n} cues of 4 s each; every {@code sentenceEvery}-th ends a sentence. */
  static List<Cue> cues(int n, int sentenceEvery) {
    List<Cue> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean ends = sentenceEvery > 0 && (i + 1) % sentenceEvery == 0;
      out.add(new Cue(i * 4_000L, i * 4_000L + 4_000, "cue " + i + (ends ? " ends here." : " goes on")));
    }
    return out;
  }

  @Test
  void windows_are_twenty_seconds_long_and_start_about_every_ten() {
    List<Passage> ps = Passages.of(cues(30, 0)); // 120 s, no punctuation
    assertEquals(0, ps.get(0).startMs());
    assertEquals(20_000, ps.get(0).endMs(), "five cues of 4 s");
    assertEquals(12_000, ps.get(1).startMs(), "the first cue starting at or after 10 s");
    for (int i = 1; i < ps.size(); i++) {
      long step = ps.get(i).startMs() - ps.get(i - 1).startMs();
      assertTrue(step >= 8_000 && step <= 14_000, "step " + step + " at " + i);
    }
  }

  @Test
  void a_window_starts_at_a_sentence_when_one_starts_near_the_step() {
    // sentences end with cues 1, 3, 5…: cues 2 (8 s), 4 (16 s), 6 (24 s)… start sentences
    List<Passage> ps = Passages.of(cues(30, 2));
    assertEquals(8_000, ps.get(1).startMs(), "the sentence starting at 8 s, 2 s before the step");
    assertTrue(ps.get(1).text().startsWith("cue 2 goes on"), ps.get(1).text());
    assertEquals(16_000, ps.get(2).startMs(), "8 s + 10 s = 18 s: the sentence starting at 16 s");
  }

  @Test
  void every_cue_is_in_some_window_and_the_last_window_reaches_the_end() {
    List<Cue> cues = cues(47, 5);
    List<Passage> ps = Passages.of(cues);
    for (Cue c : cues) {
      assertTrue(ps.stream().anyMatch(p -> p.startMs() <= c.startMs() && c.endMs() <= p.endMs()), "cue at " + c.startMs());
    }
    assertEquals(cues.getLast().endMs(), ps.getLast().endMs());
    assertTrue(ps.stream().allMatch(p -> p.endMs() - p.startMs() <= Passages.WINDOW_MS * 3 / 2), ps.toString());
  }

  @Test
  void a_short_tail_joins_the_window_before_it() {
    List<Passage> ps = Passages.of(cues(7, 0)); // 28 s: one window of 20 s and 8 s left over
    assertEquals(1, ps.size(), ps.toString());
    assertEquals(28_000, ps.getFirst().endMs());
  }

  @Test
  void a_cue_longer_than_a_window_is_a_window_of_its_own() {
    List<Cue> cues = List.of(new Cue(0, 45_000, "a long cue."), new Cue(45_000, 50_000, "then a short one."),
        new Cue(50_000, 75_000, "and another long one."));
    List<Passage> ps = Passages.of(cues);
    assertEquals(0, ps.get(0).startMs());
    assertEquals(45_000, ps.get(0).endMs());
    assertEquals(45_000, ps.get(1).startMs(), "the next cue, though it starts 35 s after the step");
  }

  @Test
  void no_cues_no_passages() {
    assertEquals(List.of(), Passages.of(List.of()));
  }
}
