package dev.cuepoint.index;

import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Overlapping pairs of characters, for quoted phrases in languages written without spaces (Chinese,
 * Japanese, Thai…) and for Korean. Spaces and punctuation are skipped, so a phrase is found whatever
 * the spacing and even when YouTube split a word across two cues; a phrase query of pairs is a
 * substring search. Dictionary tokenizers (kuromoji, smartcn, nori) rank words well but may cut a
 * clause differently out of context, which would make a quoted clause miss.
 *
 * <p>Pairs are made of letters and digits only: combining marks (Thai vowels and tone marks above or
 * below a consonant) are skipped like spaces, so a clause cut or typed without them still matches —
 * the sequence of letters is selective enough. Text of one character gives that character alone.
 */
final class GramAnalyzer extends Analyzer {
  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new PairTokenizer();
    return new TokenStreamComponents(source, new LowerCaseFilter(source));
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /** Emits each pair of neighbouring characters (ignoring everything that is not a letter or digit). */
  static final class PairTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final StringBuilder text = new StringBuilder();
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int units;
    private int next;

    @Override
    public void reset() throws IOException {
      super.reset();
      text.setLength(0);
      char[] buf = new char[4096];
      for (int n; (n = input.read(buf)) > 0; ) {
        text.append(buf, 0, n);
      }
      split();
      next = 0;
    }

    private void split() {
      units = 0;
      int i = 0;
      while (i < text.length()) {
        int cp = text.codePointAt(i);
        int len = Character.charCount(cp);
        if (Character.isLetterOrDigit(cp)) {
          add(i, i + len);
        }
        i += len;
      }
    }

    private void add(int start, int end) {
      if (units == starts.length) {
        starts = java.util.Arrays.copyOf(starts, units * 2);
        ends = java.util.Arrays.copyOf(ends, units * 2);
      }
      starts[units] = start;
      ends[units] = end;
      units++;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      boolean single = units == 1 && next == 0;
      if (!single && next + 1 >= units) {
        return false;
      }
      int a = next;
      int b = single ? a : a + 1;
      term.setEmpty().append(text, starts[a], ends[a]);
      if (!single) {
        term.append(text, starts[b], ends[b]);
      }
      offset.setOffset(correctOffset(starts[a]), correctOffset(ends[b]));
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      int last = correctOffset(text.length());
      offset.setOffset(last, last);
    }
  }
}
