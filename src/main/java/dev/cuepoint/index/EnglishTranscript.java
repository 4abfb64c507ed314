package dev.cuepoint.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * An English transcript analysed once for the three fields that index it: {@code text.<lang>}
 * (stemmed), {@code exact.<lang>} (the same tokens before stemming) and {@code words} (the word
 * tokens before splitting at inner punctuation). Each is a step further along one chain — word
 * breaking, splitting and folding, stemming — so the chain runs once, its tokens are recorded where
 * each field's own analysis would end, and each field replays them. Analysis is most of indexing, and
 * this way English transcripts, most of the text, go through the word breaker and the splitter once
 * instead of three and two times.
 *
 * <p>The {@code words} field gets each of its words once ({@link #words}): what it indexes is the same.
 *
 * <p>The tokens are {@link Analyzers}' own, attribute for attribute (term, position, offset, type, end
 * state), because they come from the same steps ({@link Analyzers#split}, {@link Analyzers#fold},
 * {@link Analyzers#stem}); EnglishTranscriptTest compares them with the separate analyses.
 */
final class EnglishTranscript {
  private final String text;
  private Recorded words;
  private Recorded exact;
  private Recorded stemmed;

  EnglishTranscript(String text) {
    this.text = text;
  }

  /** Tokens of {@code text.<lang>}: as {@link Analyzers} analyses an English transcript. */
  TokenStream stemmed() {
    analyse();
    return stemmed.replay();
  }

  /** Tokens of {@code exact.<lang>}: not stemmed. */
  TokenStream exact() {
    analyse();
    return exact.replay();
  }

  /**
   * Tokens of {@code words}: neither split at inner punctuation nor stemmed; and each word once, as
   * that field indexes only which words a video has (no frequencies, positions or norms), so its
   * repeats would only be looked up again.
   */
  TokenStream words() {
    analyse();
    return new FirstOccurrences(Analyzers.fold(words.replay()));
  }

  /** Lets each term through once. */
  private static final class FirstOccurrences extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final CharArraySet seen = new CharArraySet(256, false);

    FirstOccurrences(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      while (input.incrementToken()) {
        if (!seen.contains(term.buffer(), 0, term.length())) {
          seen.add(term.toString());
          return true;
        }
      }
      return false;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      seen.clear();
    }
  }

  /** Runs the chain once, on the first call; the field that asks first does not matter. */
  private void analyse() {
    if (stemmed != null) {
      return;
    }
    Tokenizer source = new StandardTokenizer();
    source.setReader(Analyzers.nfkc(new StringReader(text)));
    Tap raw = new Tap(source, text.length());
    Tap unstemmed = new Tap(Analyzers.fold(Analyzers.split(raw)), text.length());
    Tap stems = new Tap(Analyzers.stem(unstemmed), text.length());
    try (stems) {
      stems.reset();
      while (stems.incrementToken()) {
        // the taps record
      }
      stems.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    words = raw.recorded;
    exact = unstemmed.recorded;
    stemmed = stems.recorded;
  }

  /**
   * Tokens as the index reads them: term, position increment and length, offsets, type, and the
   * final offset and position increment that {@code end()} leaves. These are every attribute the
   * chains set (term frequency stays 1, nothing is marked a keyword, there are no payloads). Kept in
   * flat arrays: capturing and restoring Lucene's whole attribute states cost more than the analysis
   * they saved.
   */
  private static final class Recorded {
    private char[] chars;
    private int[] ends; // where each term ends in chars
    private int[] ints; // start offset, end offset, position increment, position length
    private String[] types;
    private int n;

    /** Sized for English text of this length (a word and its space are about six characters). */
    Recorded(int textLength) {
      int tokens = textLength / 5 + 16;
      chars = new char[textLength + 16];
      ends = new int[tokens];
      ints = new int[4 * tokens];
      types = new String[tokens];
    }
    private int endStart;
    private int endOffset;
    private int endIncrement;

    void add(CharTermAttribute term, OffsetAttribute offset, PositionIncrementAttribute inc,
        PositionLengthAttribute length, TypeAttribute type) {
      if (n == ends.length) {
        ends = Arrays.copyOf(ends, n * 2);
        ints = Arrays.copyOf(ints, n * 8);
        types = Arrays.copyOf(types, n * 2);
      }
      int from = n == 0 ? 0 : ends[n - 1];
      if (from + term.length() > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, from + term.length()));
      }
      System.arraycopy(term.buffer(), 0, chars, from, term.length());
      ends[n] = from + term.length();
      ints[4 * n] = offset.startOffset();
      ints[4 * n + 1] = offset.endOffset();
      ints[4 * n + 2] = inc.getPositionIncrement();
      ints[4 * n + 3] = length.getPositionLength();
      types[n] = type.type();
      n++;
    }

    TokenStream replay() {
      return new Replay(this);
    }
  }

  /** Records the tokens that pass through it, and the state after {@code end()}. */
  private static final class Tap extends TokenFilter {
    final Recorded recorded;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    Tap(TokenStream input, int textLength) {
      super(input);
      recorded = new Recorded(textLength);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      recorded.add(term, offset, inc, length, type);
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      recorded.endStart = offset.startOffset();
      recorded.endOffset = offset.endOffset();
      recorded.endIncrement = inc.getPositionIncrement();
    }
  }

  private static final class Replay extends TokenStream {
    private final Recorded r;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute inc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private int next;

    Replay(Recorded recorded) {
      this.r = recorded;
    }

    @Override
    public boolean incrementToken() {
      if (next == r.n) {
        return false;
      }
      // every attribute is set (term frequency stays 1), so no clearAttributes(): it cost a tenth
      // of the replay
      int from = next == 0 ? 0 : r.ends[next - 1];
      term.copyBuffer(r.chars, from, r.ends[next] - from);
      offset.setOffset(r.ints[4 * next], r.ints[4 * next + 1]);
      inc.setPositionIncrement(r.ints[4 * next + 2]);
      length.setPositionLength(r.ints[4 * next + 3]);
      type.setType(r.types[next]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      offset.setOffset(r.endStart, r.endOffset);
      inc.setPositionIncrement(r.endIncrement);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
