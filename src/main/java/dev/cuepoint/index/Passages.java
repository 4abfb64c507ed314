package dev.cuepoint.index;

import dev.cuepoint.captions.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a transcript's cues into overlapping {@link Passage passages}: windows of about
 * {@link #WINDOW_MS}, a new one every {@link #STEP_MS} or so, each starting at a cue (at a sentence's
 * first cue when one starts within {@link #SNAP_MS} of the step), so every moment of the talk is near the
 * start of some passage and a thought cut by one window is whole in the next. Short windows because a
 * passage is also the moment a search by meaning lands on: the evaluation found 20 s windows every 10 s
 * better than 30–60 s blocks at finding the moment (README, "Search by meaning").
 */
public final class Passages {
  public static final long WINDOW_MS = 20_000;
  public static final long STEP_MS = 10_000;
  /** How far from the step a sentence start may be and still be where the next window starts. */
  public static final long SNAP_MS = 4_000;

  /** A sentence end: . ? ! or … possibly followed by closing quotes or brackets. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.?!…][\"'”’)\\]]*$");

  private Passages() {}

  public static List<Passage> of(List<Cue> cues) {
    return windows(cues, WINDOW_MS, STEP_MS);
  }

  /** Windows of at least {@code windowMs} (a single cue may be longer) starting every {@code stepMs} or so. */
  public static List<Passage> windows(List<Cue> cues, long windowMs, long stepMs) {
    List<Passage> out = new ArrayList<>();
    int n = cues.size();
    if (n == 0) {
      return out;
    }
    boolean[] startsSentence = new boolean[n];
    startsSentence[0] = true;
    for (int i = 1; i < n; i++) {
      startsSentence[i] = SENTENCE_END.matcher(cues.get(i - 1).text().strip()).find();
    }
    int start = 0;
    while (true) {
      long t0 = cues.get(start).startMs();
      int end = start;
      while (end + 1 < n && cues.get(end).endMs() - t0 < windowMs) {
        end++;
      }
      out.add(passage(cues, start, end));
      if (end == n - 1) {
        break;
      }
      // the last window of a talk: a short remainder goes into this one rather than a window of its own
      if (cues.get(n - 1).endMs() - cues.get(end + 1).startMs() < windowMs / 2
          && cues.get(n - 1).endMs() - t0 <= windowMs * 3 / 2) {
        out.set(out.size() - 1, passage(cues, start, n - 1));
        break;
      }
      start = next(cues, startsSentence, start, t0 + stepMs);
    }
    return out;
  }

  /** The cue the next window starts at: a sentence start near {@code at}, else the first cue from {@code at}. */
  private static int next(List<Cue> cues, boolean[] startsSentence, int start, long at) {
    int plain = -1;
    int k = start + 1;
    for (; k < cues.size() && cues.get(k).startMs() <= at + SNAP_MS; k++) {
      long t = cues.get(k).startMs();
      if (t >= at - SNAP_MS && startsSentence[k]) {
        return k;
      }
      if (plain < 0 && t >= at) {
        plain = k;
      }
    }
    // no cue starts near the step (long cues): the first that starts after it
    return plain >= 0 ? plain : Math.min(k, cues.size() - 1);
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
