package dev.cuepoint.captions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Cleans YouTube's rolling auto-captions, as yt-dlp writes them, into cues in which every spoken
 * word appears once. YouTube shows two lines at a time and scrolls: each cue repeats the line the
 * previous cue added, then adds a new one, whose words carry {@code <00:00:01.234><c> word</c>}
 * timing tags (the first word has none: it starts with the cue). Between two such cues comes a 10
 * ms "snapshot" cue that shows the finished line again without tags.
 *
 * <p>The rule: the leading lines of a cue that equal the last lines already emitted, in the same
 * order, are the ones scrolling up, and are dropped; the rest is new. This keeps a line that the
 * speaker really says twice ("thank you" / "thank you"), which a rule of "drop any line seen
 * before" would lose.
 */
final class VttRollingCaptions {
  /** YouTube's snapshot cues last 10 ms; anything this short only re-shows lines. */
  static final long SNAPSHOT_MAX_MS = 50;

  /** Enough emitted lines to match the head of a cue of up to this many lines. */
  private static final int HISTORY = 4;

  private VttRollingCaptions() {}

  /**
   * Whether {@code texts} look like rolling auto-captions: some cue has word timing tags, or most
   * multi-line cues start with the line the cue before ended with. Ordinary captions that happen to
   * repeat a line now and then are not rolling, and pass through untouched.
   */
  static boolean isRolling(List<VttCueText> texts) {
    int pairs = 0;
    int matches = 0;
    List<VttCueText.Line> previous = List.of();
    for (VttCueText text : texts) {
      if (text.timestamped()) {
        return true;
      }
      List<VttCueText.Line> lines = text.nonEmptyLines();
      if (lines.isEmpty()) {
        continue;
      }
      if (!previous.isEmpty() && lines.size() >= 2) {
        pairs++;
        if (lines.getFirst().text().equals(previous.getLast().text())) {
          matches++;
        }
      }
      previous = lines;
    }
    return matches >= 2 && 2 * matches >= pairs;
  }

  /**
   * @param cues the raw cues in file order
   * @param texts their parsed texts, index for index
   * @param wordTimed whether the file carries word timings, so that every new line's words are
   *     timed (an untagged first word starts with its cue)
   */
  static List<Cue> clean(List<VttCue> cues, List<VttCueText> texts, boolean wordTimed) {
    List<Cue> out = new ArrayList<>();
    Deque<String> emitted = new ArrayDeque<>();
    for (int i = 0; i < cues.size(); i++) {
      VttCue cue = cues.get(i);
      List<VttCueText.Line> lines = texts.get(i).nonEmptyLines();
      List<VttCueText.Line> fresh = lines.subList(overlap(lines, emitted), lines.size());
      if (fresh.isEmpty() || isSnapshot(cue, fresh, emitted)) {
        continue;
      }
      List<Word> words = wordTimed ? VttCueText.wordsInOrder(fresh, cue.startMs()) : List.of();
      long start = words.isEmpty() ? cue.startMs() : words.getFirst().startMs();
      long end = VttCueText.endCovering(start, cue.endMs(), words);
      out.add(new Cue(start, end, VttCueText.join(fresh), words));
      for (VttCueText.Line line : fresh) {
        emitted.addLast(line.text());
        if (emitted.size() > HISTORY) {
          emitted.removeFirst();
        }
      }
    }
    return out;
  }

  /** The largest k such that the first k lines equal the last k emitted lines. */
  private static int overlap(List<VttCueText.Line> lines, Deque<String> emitted) {
    List<String> tail = new ArrayList<>(emitted);
    for (int k = Math.min(lines.size(), tail.size()); k > 0; k--) {
      boolean same = true;
      for (int j = 0; j < k && same; j++) {
        same = lines.get(j).text().equals(tail.get(tail.size() - k + j));
      }
      if (same) {
        return k;
      }
    }
    return 0;
  }

  /** A very short cue whose lines were all shown recently, in whatever order. */
  private static boolean isSnapshot(
      VttCue cue, List<VttCueText.Line> fresh, Deque<String> emitted) {
    return cue.endMs() - cue.startMs() <= SNAPSHOT_MAX_MS
        && fresh.stream().allMatch(l -> emitted.contains(l.text()));
  }
}
