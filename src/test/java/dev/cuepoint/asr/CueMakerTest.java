package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CueMakerTest {
  /** Words 300 ms apart (250 ms long), with {@code pauseAfter[i]} ms of extra silence after word i. */
  private static List<HeardWord> words(String text, long... pauseAfter) {
    List<HeardWord> out = new ArrayList<>();
    long t = 1_000;
    String[] w = text.split(" ");
    for (int i = 0; i < w.length; i++) {
      out.add(new HeardWord(w[i], t, t + 250, 1));
      t += 300 + (i < pauseAfter.length ? pauseAfter[i] : 0);
    }
    return out;
  }

  @Test
  void a_pause_between_sentences_starts_a_new_cue_that_keeps_each_words_time() {
    List<HeardWord> heard = words("so that is the membrane now we turn to spikes", 0, 0, 0, 0, 600);
    List<Cue> cues = CueMaker.cues(heard);
    assertEquals(List.of("So that is the membrane", "Now we turn to spikes"), cues.stream().map(Cue::text).toList());
    assertEquals(heard.get(5).startMs(), cues.get(1).startMs(), "the cue starts with its first word");
    assertEquals(heard.get(4).endMs(), cues.get(0).endMs());
    assertEquals(new Word(heard.get(6).startMs(), "we"), cues.get(1).words().get(1));
  }

  @Test
  void a_short_hesitation_does_not_split_a_sentence() {
    assertEquals(1, CueMaker.cues(words("the voltage um crosses the threshold", 0, 300)).size());
  }

  @Test
  void a_long_stretch_without_pauses_is_split_at_its_longest_gap_into_cues_of_bounded_length() {
    StringBuilder text = new StringBuilder();
    long[] pauses = new long[80];
    for (int i = 0; i < 80; i++) {
      text.append(i == 0 ? "" : " ").append("w").append(i);
      pauses[i] = i == 29 ? 200 : 0;
    }
    List<Cue> cues = CueMaker.cues(words(text.toString(), pauses));
    assertTrue(cues.size() >= 3, "80 words are several cues: " + cues.size());
    assertEquals("W30", cues.get(1).words().getFirst().text(), "the first cut is at the longest gap, after w29");
    int words = 0;
    for (Cue c : cues) {
      assertTrue(c.endMs() - c.startMs() <= CueMaker.MAX_MS && c.words().size() <= CueMaker.MAX_WORDS, c.toString());
      assertEquals(c.text(), String.join(" ", c.words().stream().map(Word::text).toList()));
      words += c.words().size();
    }
    assertEquals(80, words, "no word is lost or repeated");
  }

  @Test
  void the_pronoun_i_and_a_cues_first_word_are_capitalised() {
    assertEquals("Then I'm sure I think so", CueMaker.cues(words("then i'm sure i think so")).getFirst().text());
  }

  @Test
  void nothing_heard_makes_no_cues() {
    assertEquals(List.of(), CueMaker.cues(List.of()));
  }
}
