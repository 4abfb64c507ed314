package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Snippets.around scans only as far as the snippet can reach; these compare it with the plain way of
 * cutting (scan back word by word, forward word by word, cut when too long), on texts with and
 * without spaces, runs of spaces, and characters outside the BMP.
 */
class SnippetsTest {
  private static final String[] WORDS = {"the", "fourier", "transform", "of", "a", "signal", "is", "", "数学", "的",
      "变换", "𝑓", "x", "eigenvalue", "ความรู้"};

  @Test
  void snippets_are_the_plain_cut_on_random_texts_with_and_without_spaces() {
    Random random = new Random(21);
    int compared = 0;
    for (int t = 0; t < 3_000; t++) {
      String text = text(random, t % 3);
      if (text.length() < 2) {
        continue;
      }
      List<int[]> matches = matches(random, text);
      Snippets.Snippet got = Snippets.around(text, matches);
      Snippets.Snippet want = plain(text, matches);
      assertEquals(want.text(), got.text(), () -> "text of " + text);
      assertEquals(want.highlights().size(), got.highlights().size());
      for (int i = 0; i < want.highlights().size(); i++) {
        assertArrayEquals(want.highlights().get(i), got.highlights().get(i));
      }
      compared++;
    }
    assertEquals(true, compared > 2_500, "compared " + compared);
  }

  @Test
  void a_text_without_spaces_is_cut_to_characters_around_the_match() {
    String text = "数".repeat(1_000) + "变换" + "学".repeat(1_000);
    Snippets.Snippet s = Snippets.around(text, List.of(new int[] {1_000, 1_002}));
    assertEquals(Snippets.MAX_CHARS, s.text().length());
    assertArrayEquals(new int[] {Snippets.MAX_CHARS_BEFORE / 2, Snippets.MAX_CHARS_BEFORE / 2 + 2},
        s.highlights().getFirst());
  }

  /** kind 0: words and spaces, 1: mostly without spaces, 2: long runs without spaces between words. */
  private static String text(Random random, int kind) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(kind == 0 ? 120 : 40);
    for (int i = 0; i < n; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      b.append(kind == 2 ? w.repeat(1 + random.nextInt(60)) : w);
      if (kind == 0 || random.nextInt(8) == 0) {
        b.append(" ".repeat(random.nextInt(10) == 0 ? 2 : 1));
      }
    }
    return b.toString();
  }

  private static List<int[]> matches(Random random, String text) {
    List<int[]> out = new ArrayList<>();
    int start = random.nextInt(text.length() - 1);
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && start < text.length(); i++) {
      int end = Math.min(text.length(), start + 1 + random.nextInt(12));
      out.add(new int[] {start, end});
      start = end + random.nextInt(20);
    }
    return out;
  }

  /** The cut as it was first written, reading as far as it needs. */
  private static Snippets.Snippet plain(String text, List<int[]> matches) {
    int first = matches.getFirst()[0];
    int last = matches.stream().mapToInt(m -> m[1]).max().orElse(first);
    int from = first;
    for (int k = 0; k < Snippets.WORDS_BEFORE && from > 0; k++) {
      int space = text.lastIndexOf(' ', from - 2);
      from = space < 0 ? 0 : space + 1;
    }
    if (first - from > Snippets.MAX_CHARS_BEFORE) {
      from = safeCut(text, first - Snippets.MAX_CHARS_BEFORE / 2);
    }
    int to = last;
    int words = from < to ? 1 : 0;
    for (int i = from; i < to; i++) {
      words += text.charAt(i) == ' ' ? 1 : 0;
    }
    while (to < text.length() && words < Snippets.WORDS_TOTAL) {
      int space = text.indexOf(' ', to + 1);
      to = space < 0 ? text.length() : space;
      words++;
    }
    int space = text.indexOf(' ', to);
    to = to < text.length() && text.charAt(to) != ' ' ? (space < 0 ? text.length() : space) : to;
    if (to - from > Snippets.MAX_CHARS) {
      to = safeCut(text, Math.max(last, from + Snippets.MAX_CHARS));
    }
    List<int[]> marks = new ArrayList<>();
    for (int[] m : matches) {
      int s = Math.max(m[0], from) - from;
      int e = Math.min(m[1], to) - from;
      if (e > s) {
        marks.add(new int[] {s, e});
      }
    }
    return new Snippets.Snippet(text.substring(from, to), marks);
  }

  private static int safeCut(String text, int i) {
    i = Math.max(0, Math.min(i, text.length()));
    return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
  }
}
