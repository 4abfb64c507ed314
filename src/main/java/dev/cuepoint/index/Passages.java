package dev.cuepoint.index;

import dev.cuepoint.captions.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a transcript's cues into {@link Passage passages}: each at least {@link #MIN_MS} long when the
 * transcript allows, ended at the first sentence end after that, never longer than {@link #MAX_MS}
 * (unless a single cue is). Consecutive passages overlap by the last sentence of the earlier one when
 * it is short ({@link #OVERLAP_MS}), so a thought cut at a boundary is still whole in one of them.
 * Captions without punctuation (YouTube's automatic ones) are cut at cue ends after {@link #UNPUNCTUATED_MS}.
 */
public final class Passages {
  public static final long MIN_MS = 30_000;
  public static final long MAX_MS = 60_000;
  public static final long UNPUNCTUATED_MS = 40_000;
  public static final long OVERLAP_MS = 12_000;

  /** A sentence end: . ? ! or … possibly followed by closing quotes or brackets. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.?!…][\"'”’)\\]]*$");

  private Passages() {}

  public static List<Passage> of(List<Cue> cues) {
    List<Passage> out = new ArrayList<>();
    int n = cues.size();
    if (n == 0) {
      return out;
    }
    boolean[] ends = new boolean[n];
    int sentenceEnds = 0;
    for (int i = 0; i < n; i++) {
      ends[i] = SENTENCE_END.matcher(cues.get(i).text().strip()).find();
      if (ends[i]) {
        sentenceEnds++;
      }
    }
    // fewer than one sentence end per 20 cues: treat the captions as unpunctuated
    boolean punctuated = sentenceEnds * 20 >= n;
    int start = 0;
    while (start < n) {
      long t0 = cues.get(start).startMs();
      int j = start;
      while (j + 1 < n) {
        long length = cues.get(j).endMs() - t0;
        if (length >= (punctuated ? MIN_MS : UNPUNCTUATED_MS) && (!punctuated || ends[j])) {
          break;
        }
        if (cues.get(j + 1).endMs() - t0 > MAX_MS) {
          break;
        }
        j++;
      }
      // a short tail joins the passage before it rather than standing alone
      if (j + 1 < n && cues.get(n - 1).endMs() - cues.get(j + 1).startMs() < MIN_MS / 3
          && cues.get(n - 1).endMs() - t0 <= MAX_MS + MIN_MS / 3) {
        j = n - 1;
      }
      out.add(passage(cues, start, j));
      if (j == n - 1) {
        break;
      }
      start = nextStart(cues, ends, start, j, punctuated);
    }
    return out;
  }

  /** Where the passage after {@code [start, end]} begins: at the start of a short last sentence, else after it. */
  private static int nextStart(List<Cue> cues, boolean[] ends, int start, int end, boolean punctuated) {
    long endMs = cues.get(end).endMs();
    for (int k = start + 1; k <= end; k++) {
      boolean startsSentence = punctuated ? ends[k - 1] : true;
      if (startsSentence && endMs - cues.get(k).startMs() <= OVERLAP_MS) {
        return k;
      }
    }
    return end + 1;
  }

  private static Passage passage(List<Cue> cues, int from, int to) {
    StringBuilder text = new StringBuilder();
    long end = 0;
    for (int i = from; i <= to; i++) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(cues.get(i).text());
      end = Math.max(end, cues.get(i).endMs());
    }
    return new Passage(cues.get(from).startMs(), end, text.toString());
  }
}
