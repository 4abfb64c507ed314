package dev.cuepoint.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The plain content of one WebVTT cue's text: its lines after markup removal, each with its words
 * and the moment each word starts.
 *
 * @param lines the cue's lines in order, text normalized as {@link CueText#collapse} does; a line
 *     may be empty (a blank line of the cue, or one that held only markup)
 * @param timestamped whether the cue text holds at least one valid timestamp tag ({@code
 *     <00:00:01.234>}), that is, whether the word times are real
 */
record VttCueText(List<Line> lines, boolean timestamped) {
  VttCueText {
    lines = List.copyOf(lines);
  }

  /**
   * One line of cue text.
   *
   * @param text normalized text, possibly empty
   * @param words the words of {@code text}, each starting at the last timestamp tag before it, or
   *     at the cue start when none precedes it; joined with single spaces they give {@code text}
   */
  record Line(String text, List<Word> words) {
    Line {
      Objects.requireNonNull(text, "text");
      words = List.copyOf(words);
    }
  }

  /** The lines that have text. */
  List<Line> nonEmptyLines() {
    return lines.stream().filter(l -> !l.text().isEmpty()).toList();
  }

  /** All lines' text joined with single spaces: the cue's normalized text, possibly empty. */
  String text() {
    return join(lines);
  }

  static String join(List<Line> lines) {
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      if (!line.text().isEmpty()) {
        if (!out.isEmpty()) {
          out.append(' ');
        }
        out.append(line.text());
      }
    }
    return out.toString();
  }

  /**
   * The words of {@code lines} with times made non-decreasing from {@code startMs}. A timestamp tag
   * before its cue's start or earlier than the one before it is a mistake in the file: a word
   * cannot be said before the caption showing it starts, and the index maps text offsets to times
   * by binary search, which needs them in order. A tag after the cue's end is kept (the caller
   * stretches the cue to it): YouTube's tags say when a word is spoken, the cue end only when the
   * line stops being shown.
   */
  static List<Word> wordsInOrder(List<Line> lines, long startMs) {
    List<Word> out = new ArrayList<>();
    long last = startMs;
    for (Line line : lines) {
      for (Word w : line.words()) {
        long t = Math.max(last, w.startMs());
        out.add(t == w.startMs() ? w : new Word(t, w.text()));
        last = t;
      }
    }
    return out;
  }

  /** The end of a cue holding {@code words}: its own end, stretched to its start and last word. */
  static long endCovering(long startMs, long endMs, List<Word> words) {
    long end = Math.max(startMs, endMs);
    return words.isEmpty() ? end : Math.max(end, words.getLast().startMs());
  }
}
