package dev.cuepoint.captions;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the timed pieces of one YouTube auto-caption line (json3 {@code segs}, srv3 {@code <s>})
 * into words. A piece is usually one word with its leading space ({@code " next"}); a piece with
 * several words gives each the piece's time, and a piece that does not start with a space continues
 * the word before it (YouTube splits some words), so joining the words with single spaces always
 * gives the cleaned text of the line.
 */
final class TimedWords {
  private final List<Word> words = new ArrayList<>();
  private final StringBuilder word = new StringBuilder();
  private long wordStartMs;

  /** Adds the text of one piece, said from {@code startMs}. */
  void add(long startMs, String raw) {
    String text = CueText.decode(CueText.stripTags(raw));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        endWord();
      } else {
        if (word.isEmpty()) {
          wordStartMs = startMs;
        }
        word.append(c);
      }
    }
  }

  /** The words added so far, in order. */
  List<Word> words() {
    endWord();
    return words;
  }

  private void endWord() {
    // collapse drops invisible marks (zero-width space, direction marks) that are not words
    String text = CueText.collapse(word.toString());
    if (!text.isEmpty()) {
      words.add(new Word(wordStartMs, text));
    }
    word.setLength(0);
  }
}
