package dev.cuepoint.index;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import java.util.List;

/**
 * A text to index built from timed pieces (cues or chapter titles) joined by single spaces, with the
 * {@link TimeMap} from its character offsets back to time. Joining without a position gap is what
 * lets a phrase that YouTube split across two cues still match.
 */
public record TimedText(String text, TimeMap times) {

  /** Text and time map of a transcript's cues; words with timings get their own entries. */
  public static TimedText ofCues(List<Cue> cues) {
    return ofCues(cues, false);
  }

  /**
   * As {@link #ofCues(List)}; with {@code unspaced} (Chinese, Japanese, Thai…), two cues meeting
   * between characters of such scripts are joined without a space, so that a word YouTube split
   * across them is whole again.
   */
  public static TimedText ofCues(List<Cue> cues, boolean unspaced) {
    Builder b = new Builder(cues.size() * 2);
    b.unspaced = unspaced;
    for (Cue cue : cues) {
      int at = b.append(cue.text(), cue.startMs(), cue.endMs());
      if (!cue.words().isEmpty() && String.join(" ", cue.words().stream().map(Word::text).toList()).equals(cue.text())) {
        int offset = at;
        for (Word w : cue.words()) {
          b.entry(offset, Math.max(w.startMs(), cue.startMs()));
          offset += w.text().length() + 1;
        }
      }
    }
    return b.build();
  }

  /** Text and time map of chapter titles: a match in a title maps to its chapter's start. */
  public static TimedText ofChapters(List<Chapter> chapters) {
    Builder b = new Builder(chapters.size());
    for (Chapter c : chapters) {
      b.append(c.title(), c.startMs(), c.startMs());
    }
    return b.build();
  }

  private static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int[] offsets;
    private long[] millis;
    private int n;
    private long lastEnd;
    private boolean unspaced;

    Builder(int capacity) {
      offsets = new int[Math.max(capacity + 1, 4)];
      millis = new long[offsets.length];
    }

    int append(String piece, long startMs, long endMs) {
      if (piece.isBlank()) {
        return text.length();
      }
      if (!text.isEmpty() && !(unspaced && joinsWithoutSpace(piece))) {
        text.append(' ');
      }
      int at = text.length();
      text.append(piece);
      entry(at, startMs);
      lastEnd = Math.max(lastEnd, endMs);
      return at;
    }

    private boolean joinsWithoutSpace(String piece) {
      return Languages.unspacedScript(text.codePointBefore(text.length()))
          && Languages.unspacedScript(piece.codePointAt(0));
    }

    void entry(int offset, long ms) {
      if (n == offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, n * 2);
        millis = java.util.Arrays.copyOf(millis, n * 2);
      }
      offsets[n] = offset;
      millis[n] = ms;
      n++;
    }

    TimedText build() {
      entry(text.length(), lastEnd);
      return new TimedText(
          text.toString(),
          new TimeMap(java.util.Arrays.copyOf(offsets, n), java.util.Arrays.copyOf(millis, n)));
    }
  }
}
