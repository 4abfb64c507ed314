package dev.cuepoint.search;

import java.util.ArrayList;
import java.util.List;

/** Cuts the words around a moment's matches out of a transcript and marks the matches in it. */
final class Snippets {
  /** Words shown before the first match, and the snippet length aimed at, in words. */
  static final int WORDS_BEFORE = 8;
  static final int WORDS_TOTAL = 30;

  /** Bounds in characters, for text written without spaces. */
  static final int MAX_CHARS_BEFORE = 120;

  static final int MAX_CHARS = 300;

  private Snippets() {}

  /** A snippet and its highlights, relative to the snippet. */
  record Snippet(String text, List<int[]> highlights) {}

  /**
   * @param text the whole indexed text
   * @param matches {@code [start, end)} offsets of the matches, in order, all within a short span
   */
  static Snippet around(String text, List<int[]> matches) {
    int first = matches.getFirst()[0];
    int last = first;
    for (int[] m : matches) {
      last = Math.max(last, m[1]);
    }
    long before = wordsBefore(text, first);
    int from = (int) (before >>> 32);
    int to = last;
    // the words of [from, last): the spaces before the first match were counted on the way back
    int words = from < to ? 1 + (int) before + spaces(text, first, last) : 0;
    // an end past this makes the snippet too long, and it is cut: no need to look further for spaces
    // (a text without spaces would otherwise be read to its end for every snippet)
    int limit = from + MAX_CHARS;
    int length = text.length();
    int scanEnd = Math.min(length, limit + 1);
    while (to < length && words < WORDS_TOTAL && to <= limit) {
      int space = to + 1 < scanEnd ? text.indexOf(' ', to + 1, scanEnd) : -1;
      to = space >= 0 ? space : scanEnd == length ? length : limit + 1;
      words++;
    }
    // end on a whole word even when the match ended inside one
    if (to <= limit && to < length && text.charAt(to) != ' ') {
      int space = text.indexOf(' ', to, scanEnd);
      to = space >= 0 ? space : scanEnd == length ? length : limit + 1;
    }
    if (to - from > MAX_CHARS) {
      to = safeCut(text, Math.max(last, from + MAX_CHARS));
    }
    String snippet = text.substring(from, to);
    List<int[]> marks = new ArrayList<>(matches.size());
    for (int[] m : matches) {
      int s = Math.max(m[0], from) - from;
      int e = Math.min(m[1], to) - from;
      if (e > s) {
        marks.add(new int[] {s, e});
      }
    }
    return new Snippet(snippet, marks);
  }

  /**
   * Where the snippet starts: {@link #WORDS_BEFORE} words before {@code first}, or, when those are
   * more than {@link #MAX_CHARS_BEFORE} characters (text written without spaces), half that many
   * characters. One scan back, that stops as soon as it is that far: a text without spaces is not
   * read back to its start for every moment.
   *
   * @return the start in the upper 32 bits, the number of spaces from it to {@code first} in the lower
   */
  private static long wordsBefore(String text, int first) {
    int limit = first - MAX_CHARS_BEFORE; // a start before this is too far
    int from = first;
    int spaces = 0;
    for (int k = 0; k < WORDS_BEFORE && from > 0; k++) {
      int i = from - 2; // the character before the space before the word: the previous word's end
      while (i >= 0 && i + 1 >= limit && text.charAt(i) != ' ') {
        i--;
      }
      if (i >= 0 && i + 1 < limit) {
        return cut(text, first);
      }
      // [i + 1, from - 1) holds no space; from - 1 was not looked at
      spaces += text.charAt(from - 1) == ' ' ? 1 : 0;
      from = i < 0 ? 0 : i + 1;
    }
    return from < limit ? cut(text, first) : (long) from << 32 | spaces;
  }

  /** Half of {@link #MAX_CHARS_BEFORE} before {@code first}, as {@link #wordsBefore} answers. */
  private static long cut(String text, int first) {
    int from = safeCut(text, first - MAX_CHARS_BEFORE / 2);
    return (long) from << 32 | spaces(text, from, first);
  }

  /** {@code i}, moved back off the second half of a surrogate pair. */
  private static int safeCut(String text, int i) {
    i = Math.max(0, Math.min(i, text.length()));
    return i > 0 && i < text.length() && Character.isLowSurrogate(text.charAt(i)) ? i - 1 : i;
  }

  private static int spaces(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
