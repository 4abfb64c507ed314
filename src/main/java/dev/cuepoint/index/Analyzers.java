package dev.cuepoint.index;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of every field, chosen by field name: English for titles, descriptions, chapters and
 * English transcripts; English without stemming for the {@code exact.<lang>} fields that let a quoted
 * phrase prefer the words as said; each other language's own ({@link LanguageAnalyzer}) for its
 * transcripts; character pairs ({@link GramAnalyzer}) for phrases in Chinese, Japanese, Korean, Thai…;
 * a generic unstemmed one for the spelling vocabulary.
 *
 * <p>All first bring compatibility characters to their plain form (NFKC: "½" is "1⁄2"), then cut text at Unicode word boundaries (so "Hodgkin-Huxley" is the phrase "hodgkin huxley" and
 * "e^x" the phrase "e x"), lower-case it and fold accents ("Schrödinger" = "schrodinger"). English
 * also splits tokens at inner punctuation — "Euler's" is "euler s", "2.71828" is "2 71828", while
 * "28x28" stays whole — so queries match however they are typed, and stems with KStem, a light
 * stemmer that keeps words readable ("neurons" = "neuron", but "university" is not "universe"). No
 * stop words: every word of a quoted phrase must count.
 */
public final class Analyzers extends DelegatingAnalyzerWrapper {
  /** Split at punctuation inside a token; keep letters and digits together ("28x28", "mp3"). */
  private static final int SPLIT =
      WordDelimiterGraphFilter.GENERATE_WORD_PARTS | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS;

  private final Analyzer english = new Folding(true, true);
  private final Analyzer exact = new Folding(true, false);
  private final Analyzer generic = new Folding(false, false);
  private final Analyzer grams = new GramAnalyzer();
  private final java.util.concurrent.ConcurrentMap<String, Analyzer> languages =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentMap<String, Analyzer> exactLanguages =
      new java.util.concurrent.ConcurrentHashMap<>();

  public Analyzers() {
    super(PER_FIELD_REUSE_STRATEGY);
  }

  /** A word of analysed text as the index holds it, and its position (gaps where words were dropped). */
  public record Token(String text, int position) {}

  /** {@code text} analysed as {@code field} is: what a query must ask the index for. */
  public java.util.List<Token> tokens(String field, String text) {
    java.util.List<Token> out = new java.util.ArrayList<>();
    try (TokenStream ts = tokenStream(field, text)) {
      org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute inc =
          ts.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        out.add(new Token(term.toString(), pos));
      }
      ts.end();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("analysing a query string failed", e); // in-memory: cannot happen
    }
    return out;
  }

  /**
   * {@code text} normalised as {@code field} is, without cutting it into words (folding, lower case):
   * what a prefix or wildcard is matched against.
   */
  public String normalized(String field, String text) {
    return normalize(field, text).utf8ToString();
  }

  @Override
  protected Analyzer getWrappedAnalyzer(String field) {
    if (Fields.WORDS.equals(field)) {
      return generic;
    }
    if (field.startsWith(Fields.EXACT_PREFIX)) {
      String lang = field.substring(Fields.EXACT_PREFIX.length());
      return Languages.isEnglish(lang) ? exact : exactLanguages.computeIfAbsent(
          Languages.primary(lang), l -> new LanguageAnalyzer(l, false));
    }
    if (field.startsWith(Fields.GRAMS_PREFIX)) {
      return grams;
    }
    String lang = Fields.languageOf(field);
    if (lang == null || Languages.isEnglish(lang)) {
      return english;
    }
    return languages.computeIfAbsent(Languages.primary(lang), l -> new LanguageAnalyzer(l, true));
  }

  // The steps of the chains below, shared with EnglishTranscript, which must make the same tokens.

  /**
   * Only for English: the splitter counts combining marks as punctuation, which would cut words of
   * Indic scripts apart.
   */
  static TokenStream split(TokenStream ts) {
    return new WordDelimiterGraphFilter(ts, SPLIT, null);
  }

  static TokenStream fold(TokenStream ts) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(ts));
  }

  static TokenStream stem(TokenStream ts) {
    return new KStemFilter(ts);
  }

  /** Compatibility forms become plain ones ("½" is "1⁄2", "ﬁ" is "fi", full-width "Ａ" is "A"). */
  static Reader nfkc(Reader reader) {
    return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
  }

  /** Standard tokens, lower case, ASCII folding; for English also split at inner punctuation and KStem. */
  private static final class Folding extends Analyzer {
    private final boolean split;
    private final boolean stem;

    Folding(boolean split, boolean stem) {
      this.split = split;
      this.stem = stem;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
      return nfkc(reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
      return nfkc(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = source;
      if (split) {
        ts = split(ts);
      }
      ts = fold(ts);
      if (stem) {
        ts = stem(ts);
      }
      return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return fold(in);
    }
  }
}
