package dev.cuepoint.index;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bn.BengaliNormalizationFilter;
import org.apache.lucene.analysis.bn.BengaliStemFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fa.PersianNormalizationFilter;
import org.apache.lucene.analysis.fa.PersianStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.hu.HungarianLightStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Word analysis of a transcript in a language other than English: the language's tokenizer (kuromoji
 * for Japanese, smartcn for Chinese, nori for Korean, ICU word breaking — which knows Thai, Lao, Khmer
 * and Myanmar — for the rest), its normalizers and light stemmer where Lucene has them, then ICU
 * folding (case, accents, widths). No stop words, so every word of a phrase counts.
 */
final class LanguageAnalyzer extends Analyzer {
  /** Languages for which this analyzer has a stemmer. */
  private static final java.util.Set<String> STEMMED = java.util.Set.of(
      "de", "fr", "es", "pt", "it", "ru", "cs", "hu", "id", "ms", "ar", "fa", "hi", "bn", "el", "ja");

  private final String lang;
  private final boolean stem;

  /**
   * @param lang a primary language subtag ({@link Languages#primary})
   * @param stem whether to reduce words to stems (off for the exact copy that quoted phrases prefer)
   */
  LanguageAnalyzer(String lang, boolean stem) {
    this.lang = lang;
    this.stem = stem;
  }

  /** Whether words of this language (a primary subtag) are stemmed. */
  static boolean stems(String lang) {
    return STEMMED.contains(lang);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
  }

  @Override
  protected Reader initReaderForNormalization(String fieldName, Reader reader) {
    return new ICUNormalizer2CharFilter(reader, Normalizer2.getNFKCInstance());
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = switch (lang) {
      case "ja" -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
      case "zh", "yue", "wuu" -> new HMMChineseTokenizer();
      case "ko" -> new KoreanTokenizer();
      default -> new ICUTokenizer();
    };
    TokenStream ts = switch (lang) {
      case "ja" -> stem
          ? new JapaneseKatakanaStemFilter(new JapaneseBaseFormFilter(new CJKWidthFilter(source)))
          : new CJKWidthFilter(source);
      case "tr" -> new TurkishLowerCaseFilter(new ApostropheFilter(source));
      case "el" -> stem ? new GreekStemFilter(new GreekLowerCaseFilter(source)) : new GreekLowerCaseFilter(source);
      default -> new LowerCaseFilter(source);
    };
    ts = !stem ? normalizers(ts) : switch (lang) {
      case "de" -> new GermanLightStemFilter(new GermanNormalizationFilter(ts));
      case "fr" -> new FrenchLightStemFilter(new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES));
      case "es" -> new SpanishLightStemFilter(ts);
      case "pt" -> new PortugueseLightStemFilter(ts);
      case "it" -> new ItalianLightStemFilter(new ElisionFilter(ts, ITALIAN_ARTICLES));
      case "ru" -> new RussianLightStemFilter(ts);
      case "cs" -> new CzechStemFilter(ts);
      case "hu" -> new HungarianLightStemFilter(ts);
      case "id", "ms" -> new IndonesianStemFilter(ts);
      case "ar" -> new ArabicStemFilter(new ArabicNormalizationFilter(ts));
      case "fa" -> new PersianStemFilter(new PersianNormalizationFilter(new ArabicNormalizationFilter(ts)));
      case "ur" -> new ArabicNormalizationFilter(ts);
      case "hi" -> new HindiStemFilter(new HindiNormalizationFilter(new IndicNormalizationFilter(ts)));
      case "bn" -> new BengaliStemFilter(new BengaliNormalizationFilter(new IndicNormalizationFilter(ts)));
      case "mr", "ta", "te", "gu", "pa", "kn", "ml", "or" -> new IndicNormalizationFilter(ts);
      default -> ts;
    };
    return new TokenStreamComponents(source, new ICUFoldingFilter(ts));
  }

  /** The language's normalization without its stemmer. */
  private TokenStream normalizers(TokenStream ts) {
    return switch (lang) {
      case "de" -> new GermanNormalizationFilter(ts);
      case "fr" -> new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES);
      case "it" -> new ElisionFilter(ts, ITALIAN_ARTICLES);
      case "ar", "ur" -> new ArabicNormalizationFilter(ts);
      case "fa" -> new PersianNormalizationFilter(new ArabicNormalizationFilter(ts));
      case "hi" -> new HindiNormalizationFilter(new IndicNormalizationFilter(ts));
      case "bn" -> new BengaliNormalizationFilter(new IndicNormalizationFilter(ts));
      case "mr", "ta", "te", "gu", "pa", "kn", "ml", "or" -> new IndicNormalizationFilter(ts);
      default -> ts;
    };
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ICUFoldingFilter(new LowerCaseFilter(in));
  }

  private static final org.apache.lucene.analysis.CharArraySet ITALIAN_ARTICLES =
      new org.apache.lucene.analysis.CharArraySet(
          java.util.List.of("c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl",
              "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true);
}
