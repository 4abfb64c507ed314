package dev.cuepoint.asr;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Groups recognised words into readable, sentence-sized cues. The recogniser gives words without
 * punctuation, so sentences are found where people pause: a new cue starts after a silence of
 * {@link #PAUSE_MS} or more, and a cue longer than {@link #MAX_MS} (or {@link #MAX_WORDS} words) is split
 * at its longest internal pause. The first word of a cue and the pronoun "I" are capitalised; each word
 * keeps its own start time.
 */
final class CueMaker {
  /** A pause at least this long ends a cue: between sentences readers and lecturers stop about this long. */
  static final long PAUSE_MS = 450;

  static final long MAX_MS = 12_000;
  static final int MAX_WORDS = 32;

  private CueMaker() {}

  static List<Cue> cues(List<HeardWord> words) {
    List<Cue> cues = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= words.size(); i++) {
      if (i == words.size() || words.get(i).startMs() - words.get(i - 1).endMs() >= PAUSE_MS) {
        split(words.subList(from, i), cues);
        from = i;
      }
    }
    return cues;
  }

  private static void split(List<HeardWord> phrase, List<Cue> out) {
    if (phrase.isEmpty()) {
      return;
    }
    long length = phrase.getLast().endMs() - phrase.getFirst().startMs();
    if (phrase.size() > 1 && (length > MAX_MS || phrase.size() > MAX_WORDS)) {
      int cut = 1;
      long widest = Long.MIN_VALUE;
      for (int i = 1; i < phrase.size(); i++) {
        long gap = phrase.get(i).startMs() - phrase.get(i - 1).endMs();
        // among equal pauses, the one nearest the middle gives two even halves
        long score = gap * phrase.size() - Math.abs(2L * i - phrase.size());
        if (score > widest) {
          widest = score;
          cut = i;
        }
      }
      split(phrase.subList(0, cut), out);
      split(phrase.subList(cut, phrase.size()), out);
      return;
    }
    List<Word> words = new ArrayList<>(phrase.size());
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < phrase.size(); i++) {
      String w = cased(phrase.get(i).text(), i == 0);
      words.add(new Word(phrase.get(i).startMs(), w));
      if (i > 0) {
        text.append(' ');
      }
      text.append(w);
    }
    out.add(new Cue(phrase.getFirst().startMs(), phrase.getLast().endMs(), text.toString(), words));
  }

  private static String cased(String word, boolean first) {
    if (word.equals("i") || word.startsWith("i'")) {
      return "I" + word.substring(1);
    }
    if (first) {
      return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
    return word;
  }
}
