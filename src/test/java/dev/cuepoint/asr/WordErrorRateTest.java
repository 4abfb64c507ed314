package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordErrorRateTest {
  @Test
  void identical_words_after_normalising_have_no_errors() {
    assertEquals(0, WordErrorRate.of("He was not an ill-disposed young man.", "he was not an ill disposed young man").errors());
  }

  @Test
  void substitution_deletion_and_insertion_each_count_one() {
    assertEquals(new WordErrorRate.Result(1, 4), WordErrorRate.of("the cat sat down", "the cap sat down"));
    assertEquals(new WordErrorRate.Result(1, 4), WordErrorRate.of("the cat sat down", "the cat down"));
    assertEquals(new WordErrorRate.Result(1, 4), WordErrorRate.of("the cat sat down", "the cat sat right down"));
    assertEquals(0.25, WordErrorRate.of("the cat sat down", "the cat sat right down").rate());
  }

  @Test
  void the_cheapest_edit_sequence_is_counted_not_a_position_by_position_comparison() {
    // shifted by one word: position by position all five differ, the edit distance is two
    assertEquals(2, WordErrorRate.of("a b c d e", "x a b c d").errors());
    // "not an ill" heard as "not a nail": two substitutions
    assertEquals(2, WordErrorRate.of("he was not an ill disposed young man", "he was not a nail disposed young man").errors());
  }

  @Test
  void nothing_recognised_is_every_word_wrong_and_extra_words_can_exceed_one() {
    assertEquals(1.0, WordErrorRate.of("one two three", "").rate());
    assertEquals(2.0, WordErrorRate.of("one", "two three").rate());
  }

  @Test
  void an_empty_reference_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> WordErrorRate.of("  ", "words"));
  }

  @Test
  void apostrophes_inside_words_stay_quotes_around_words_go() {
    assertEquals(List.of("it's", "the", "teacher's", "word"), WordErrorRate.words("'It's the teacher's \"word\"'!"));
  }

  @Test
  void alignment_gives_each_reference_word_the_recognised_word_in_its_place() {
    List<String> ref = WordErrorRate.words("good morning everyone and welcome");
    List<String> hyp = WordErrorRate.words("the morning and welcome back");
    assertArrayEquals(new int[] {0, 1, -1, 2, 3}, WordErrorRate.align(ref, hyp));
  }
}
