package dev.cuepoint.index;

import java.io.Reader;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of every field, chosen by field name: English for titles, descriptions, chapters and
 * English transcripts; a generic (unstemmed) one for transcripts in other languages.
 *
 * <p>Tokens: Unicode word boundaries (so "Hodgkin-Huxley" is the phrase "hodgkin huxley", "28x28"
 * stays one token and "e^x" is the phrase "e x"), apostrophes split words ("Euler's" is "euler s",
 * matching queries typed either way), lower case, accents folded ("Schrödinger" = "schrodinger"). No
 * stop words: every word of a quoted phrase must count. English adds KStem, a light stemmer that keeps
 * words readable ("neurons" = "neuron", but "university" is not "universe").
 */
public final class Analyzers extends DelegatingAnalyzerWrapper {
  private static final NormalizeCharMap APOSTROPHES;

  static {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    for (String quote : new String[] {"'", "\u2019", "\u2018", "\u02bc", "`"}) {
      b.add(quote, " ");
    }
    APOSTROPHES = b.build();
  }

  private final Analyzer english = new Folding(true);
  private final Analyzer generic = new Folding(false);
  private final Analyzer words = new Folding(false);

  public Analyzers() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String field) {
    if (Fields.WORDS.equals(field)) {
      return words;
    }
    String lang = Fields.languageOf(field);
    if (lang == null || isEnglish(lang)) {
      return english;
    }
    return generic;
  }

  /** Whether a language tag is English or unknown (English analysis is the best default here). */
  public static boolean isEnglish(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    return l.equals("en") || l.startsWith("en-") || l.equals("und");
  }

  /** Standard tokens, apostrophes split, lower case, ASCII folding, and optionally KStem. */
  private static final class Folding extends Analyzer {
    private final boolean stem;

    Folding(boolean stem) {
      this.stem = stem;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return new MappingCharFilter(APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
      if (stem) {
        ts = new KStemFilter(ts);
      }
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }
}
