package dev.cuepoint.captions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns raw WebVTT cue text into plain lines with word times, following the spec's cue text
 * tokenizer (https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules) as far as plain text needs it.
 *
 * <p>Every {@code <} opens a tag that runs to the next {@code >} (or the end of the cue): class,
 * italic, bold, underline, ruby, voice and language tags, and unknown ones, are all dropped, their
 * annotations too ({@code <v Roger Bingham>}), while the text inside them stays, ruby text
 * included. A tag starting with a digit is a timestamp tag; when it is a valid timestamp, the words
 * after it start at that time. Surprising but per spec: a literal {@code <} in text (authors must
 * write {@code &lt;}) opens a tag, so the text after it up to the next {@code >} is lost, as in
 * browsers.
 */
final class VttCueTextParser {
  private VttCueTextParser() {}

  static VttCueText parse(String raw, long cueStartMs) {
    StringBuilder plain = new StringBuilder(raw.length());
    long[] times = new long[Math.max(16, raw.length())];
    long now = cueStartMs;
    boolean timestamped = false;
    int i = 0;
    while (i < raw.length()) {
      int lt = raw.indexOf('<', i);
      int textEnd = lt < 0 ? raw.length() : lt;
      if (textEnd > i) {
        String text = CharacterReferences.decode(raw.substring(i, textEnd));
        if (plain.length() + text.length() > times.length) {
          times = Arrays.copyOf(times, 2 * (plain.length() + text.length()));
        }
        Arrays.fill(times, plain.length(), plain.length() + text.length(), now);
        plain.append(text);
      }
      if (lt < 0) {
        break;
      }
      int gt = raw.indexOf('>', lt + 1);
      int tagEnd = gt < 0 ? raw.length() : gt;
      if (tagEnd > lt + 1 && VttScanner.isAsciiDigit(raw.charAt(lt + 1))) {
        VttScanner tag = new VttScanner(raw.substring(lt + 1, tagEnd));
        long t = tag.timestamp();
        if (t != VttScanner.INVALID && tag.atEnd()) {
          now = t;
          timestamped = true;
        }
      }
      i = tagEnd + 1;
    }
    List<VttCueText.Line> lines = new ArrayList<>();
    int from = 0;
    for (int k = 0; k <= plain.length(); k++) {
      if (k == plain.length() || plain.charAt(k) == '\n') {
        lines.add(line(plain, times, from, k));
        from = k + 1;
      }
    }
    return new VttCueText(lines, timestamped);
  }

  /**
   * Normalizes {@code plain[from, to)} with {@link CueText#collapse} and finds each word's time by
   * walking the original beside the result: collapse only drops characters and turns whitespace
   * runs into one space, so every other character of the result is the next equal one in the
   * original.
   */
  private static VttCueText.Line line(CharSequence plain, long[] times, int from, int to) {
    String text = CueText.collapse(plain.subSequence(from, to).toString());
    List<Word> words = new ArrayList<>();
    int src = from;
    int wordStart = -1;
    long wordTime = 0;
    for (int k = 0; k <= text.length(); k++) {
      if (k == text.length() || text.charAt(k) == ' ') {
        if (wordStart >= 0) {
          words.add(new Word(wordTime, text.substring(wordStart, k)));
          wordStart = -1;
        }
        continue;
      }
      while (plain.charAt(src) != text.charAt(k)) {
        src++;
      }
      if (wordStart < 0) {
        wordStart = k;
        wordTime = times[src];
      }
      src++;
    }
    return new VttCueText.Line(text, words);
  }
}
