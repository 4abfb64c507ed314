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
  void passages_end_at_the_first_sentence_end_after_thirty_seconds() {
    List<Passage> ps = Passages.of(cues(60, 3)); // sentences of 12 s
    Passage first = ps.getFirst();
    assertEquals(0, first.startMs());
    assertEquals(36_000, first.endMs(), "30 s reached inside the third sentence, which ends at 36 s");
    assertTrue(first.text().endsWith("cue 8 ends here."), first.text());
  }

  @Test
  void consecutive_passages_overlap_by_a_short_last_sentence() {
    List<Passage> ps = Passages.of(cues(60, 3));
    assertEquals(24_000, ps.get(1).startMs(), "the second starts with the first one's last sentence (24–36 s)");
    assertTrue(ps.get(1).text().startsWith("cue 6 goes on"), ps.get(1).text());
  }

  @Test
  void every_cue_is_in_some_passage_and_none_is_longer_than_a_minute_with_short_sentences() {
    List<Cue> cues = cues(100, 2);
    List<Passage> ps = Passages.of(cues);
    for (Cue c : cues) {
      assertTrue(ps.stream().anyMatch(p -> p.startMs() <= c.startMs() && c.endMs() <= p.endMs()), "cue at " + c.startMs());
    }
    for (Passage p : ps) {
      assertTrue(p.endMs() - p.startMs() <= Passages.MAX_MS, p.toString());
    }
    assertEquals(cues.getLast().endMs(), ps.getLast().endMs());
  }

  @Test
  void a_sentence_that_runs_on_is_cut_at_a_minute() {
    List<Passage> ps = Passages.of(cues(40, 1000)); // no sentence end at all... but 1 in 1000 < 1 in 20
    assertTrue(ps.stream().allMatch(p -> p.endMs() - p.startMs() <= Passages.MAX_MS));
  }

  @Test
  void unpunctuated_auto_captions_are_cut_after_forty_seconds() {
    List<Passage> ps = Passages.of(cues(50, 0)); // 200 s, no punctuation
    assertEquals(40_000, ps.getFirst().endMs());
    assertTrue(ps.get(1).startMs() < 40_000 && ps.get(1).startMs() >= 40_000 - Passages.OVERLAP_MS,
        "overlap of up to 12 s: " + ps.get(1).startMs());
  }

  @Test
  void a_short_tail_joins_the_passage_before_it() {
    List<Passage> ps = Passages.of(cues(10, 2)); // 40 s in all
    assertEquals(1, ps.size(), ps.toString());
    assertEquals(40_000, ps.getFirst().endMs());
  }

  @Test
  void no_cues_no_passages() {
    assertEquals(List.of(), Passages.of(List.of()));
  }
}
