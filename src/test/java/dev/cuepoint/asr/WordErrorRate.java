package dev.cuepoint.asr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word error rate: the word-level edit distance (substitutions + deletions + insertions) from a
 * reference to what was recognised, divided by the number of reference words. Words are compared
 * after {@link #words normalising}: lower case, punctuation dropped (apostrophes inside words kept),
 * hyphens as spaces.
 */
public final class WordErrorRate {
  private WordErrorRate() {}

  /** The errors against a reference of {@code words} words. */
  public record Result(int errors, int words) {
    public double rate() {
      return (double) errors / words;
    }

    public Result plus(Result o) {
      return new Result(errors + o.errors, words + o.words);
    }
  }

  public static List<String> words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    List<String> out = new ArrayList<>();
    for (String w : t.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  public static Result of(String reference, String hypothesis) {
    return of(words(reference), words(hypothesis));
  }

  public static Result of(List<String> ref, List<String> hyp) {
    if (ref.isEmpty()) {
      throw new IllegalArgumentException("the reference has no words; word error rate is undefined");
    }
    return new Result(distance(ref, hyp)[ref.size()][hyp.size()], ref.size());
  }

  /**
   * For each reference word, the index of the recognised word it lines up with in a cheapest
   * alignment (the same word, or the word said in its place), or -1 where it was not recognised.
   */
  public static int[] align(List<String> ref, List<String> hyp) {
    int[][] d = distance(ref, hyp);
    int[] at = new int[ref.size()];
    Arrays.fill(at, -1);
    int i = ref.size();
    int j = hyp.size();
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1)) {
        at[i - 1] = j - 1;
        i--;
        j--;
      } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        i--; // deleted
      } else {
        j--; // inserted
      }
    }
    return at;
  }

  private static int[][] distance(List<String> ref, List<String> hyp) {
    int[][] d = new int[ref.size() + 1][hyp.size() + 1];
    for (int i = 0; i <= ref.size(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= hyp.size(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= hyp.size(); j++) {
        int sub = d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    return d;
  }
}
