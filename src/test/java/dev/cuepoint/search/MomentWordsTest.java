package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MomentFinder counts the distinct words of a moment by comparing them in place; these check it
 * against lower-casing both (Locale.ROOT), on ASCII and on letters whose lower case differs in
 * length (İ) or depends on the letters around it (final Σ).
 */
class MomentWordsTest {
  private static final String[] WORDS = {"Fourier", "fourier", "FOURIER", "four", "fourieR", "ΟΔΟΣ", "οδος", "οδοσ",
      "οδος", "İstanbul", "i̇stanbul", "istanbul", "\u212Aelvin", "kelvin", "KELVIN", "kelviN", "Straße", "STRASSE", "x", "X", "", "數學", "eigen-value"};

  @Test
  void words_are_the_same_exactly_when_their_lower_cases_are() {
    StringBuilder text = new StringBuilder();
    int[][] at = new int[WORDS.length][];
    for (int i = 0; i < WORDS.length; i++) {
      at[i] = new int[] {text.length(), text.length() + WORDS[i].length()};
      text.append(WORDS[i]).append(' ');
    }
    String t = text.toString();
    int same = 0;
    for (int i = 0; i < WORDS.length; i++) {
      for (int j = 0; j < WORDS.length; j++) {
        boolean want = WORDS[i].toLowerCase(Locale.ROOT).equals(WORDS[j].toLowerCase(Locale.ROOT));
        assertEquals(want, MomentFinder.sameWord(t, at[i][0], at[i][1], at[j][0], at[j][1]),
            WORDS[i] + " / " + WORDS[j]);
        same += want && i != j ? 1 : 0;
      }
    }
    assertTrue(same >= 10, "pairs of different spellings of one word: " + same);
  }

  @Test
  void random_ascii_words_match_their_lower_case() {
    Random random = new Random(7);
    String letters = "aAbBcC-1";
    for (int n = 0; n < 20_000; n++) {
      String a = word(random, letters);
      String b = word(random, letters);
      String t = a + " " + b;
      assertEquals(a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)),
          MomentFinder.sameWord(t, 0, a.length(), a.length() + 1, t.length()), a + " / " + b);
    }
  }

  private static String word(Random random, String letters) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(4); i >= 0; i--) {
      b.append(letters.charAt(random.nextInt(letters.length())));
    }
    return b.toString();
  }
}
