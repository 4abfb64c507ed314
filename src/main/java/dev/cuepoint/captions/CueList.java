package dev.cuepoint.captions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the cues of one file as a parser finds them and hands them out in time order. Cues whose
 * text is blank (empty SRT cues, YouTube's line-break-only events) are dropped here, once for all
 * formats.
 */
final class CueList {
  private final List<Cue> cues = new ArrayList<>();
  private Set<Word> previousWords = Set.of();

  /** Adds a cue from text as written in the file; it is cleaned with {@link CueText#clean}. */
  void addText(long startMs, long endMs, String raw) {
    String text = CueText.clean(raw);
    if (!text.isEmpty()) {
      add(new Cue(startMs, endAtOrAfter(startMs, endMs), text, List.of()));
    }
  }

  /**
   * Adds a cue made of timed words. A word the previous cue already holds at the same millisecond
   * is dropped: YouTube's rolling two-line captions can repeat the end of the last line at the
   * start of an overlapping event, and every spoken word must be indexed once.
   */
  void addWords(long startMs, long endMs, List<Word> words) {
    List<Word> fresh = new ArrayList<>(words.size());
    for (Word w : words) {
      if (!previousWords.contains(w)) {
        fresh.add(w);
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    long start = fresh.size() < words.size() ? Math.max(startMs, fresh.get(0).startMs()) : startMs;
    StringBuilder text = new StringBuilder();
    for (Word w : fresh) {
      text.append(text.isEmpty() ? "" : " ").append(w.text());
    }
    add(new Cue(start, endAtOrAfter(start, endMs), text.toString(), fresh));
    previousWords = new HashSet<>(fresh);
  }

  boolean isEmpty() {
    return cues.isEmpty();
  }

  /** The cues sorted by start; stable, so cues starting together keep their order in the file. */
  List<Cue> inTimeOrder() {
    cues.sort(Comparator.comparingLong(Cue::startMs));
    return cues;
  }

  private void add(Cue cue) {
    cues.add(cue);
    if (cue.words().isEmpty()) {
      previousWords = Set.of();
    }
  }

  /*
   * Real files end some cues before they start (3b1b's captions.srt files have 35 such lines, e.g.
   * "00:13:41,380 --> 00:13:40,520"): the start is the one that follows the cues around it, so the
   * cue keeps its start and lasts zero milliseconds rather than failing the whole file.
   */
  private static long endAtOrAfter(long startMs, long endMs) {
    return Math.max(startMs, endMs);
  }
}
