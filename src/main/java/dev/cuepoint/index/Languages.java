package dev.cuepoint.index;

import java.lang.Character.UnicodeScript;
import java.util.Locale;
import java.util.Set;

/** Facts about caption languages that analysis and indexing depend on. */
public final class Languages {
  /** Languages written without spaces between words: words are found by dictionaries, not spaces. */
  private static final Set<String> UNSPACED = Set.of("zh", "ja", "th", "lo", "km", "my", "yue", "wuu", "bo");

  /** Languages whose quoted phrases are matched as character sequences (see {@link GramAnalyzer}). */
  private static final Set<String> GRAMS = Set.of("zh", "ja", "ko", "th", "lo", "km", "my", "yue", "wuu", "bo");

  private Languages() {}

  /**
   * The primary language subtag, lower case: {@code zh-Hans} → {@code zh}, {@code pt-BR} → {@code pt},
   * {@code en-orig} → {@code en}; {@code und} for blank.
   */
  public static String primary(String tag) {
    if (tag == null || tag.isBlank()) {
      return "und";
    }
    int dash = tag.indexOf('-');
    int underscore = tag.indexOf('_');
    int cut = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
    return (cut < 0 ? tag : tag.substring(0, cut)).toLowerCase(Locale.ROOT);
  }

  /** Whether a language tag names English (or no language: English analysis is the default). */
  public static boolean isEnglish(String tag) {
    String p = primary(tag);
    return p.equals("en") || p.equals("und");
  }

  /**
   * Whether transcripts in this language get an unstemmed copy ({@code exact.<lang>}) that quoted
   * phrases prefer: the languages whose words are stemmed.
   */
  public static boolean hasExactCopy(String tag) {
    return isEnglish(tag) || LanguageAnalyzer.stems(primary(tag));
  }

  /** Whether quoted phrases in this language are matched as character sequences. */
  public static boolean usesGrams(String tag) {
    return GRAMS.contains(primary(tag));
  }

  /** Whether this language puts no spaces between words (cue texts are then joined without one). */
  public static boolean isUnspaced(String tag) {
    return UNSPACED.contains(primary(tag));
  }

  /** Whether a character belongs to a script written without spaces between words. */
  static boolean unspacedScript(int codePoint) {
    UnicodeScript s = UnicodeScript.of(codePoint);
    return s == UnicodeScript.HAN || s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA
        || s == UnicodeScript.THAI || s == UnicodeScript.LAO || s == UnicodeScript.KHMER
        || s == UnicodeScript.MYANMAR || s == UnicodeScript.TIBETAN;
  }

  /** Whether the language is written right to left (for people; the page uses dir="auto"). */
  public static boolean isRightToLeft(String tag) {
    return Set.of("ar", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ku").contains(primary(tag));
  }
}
