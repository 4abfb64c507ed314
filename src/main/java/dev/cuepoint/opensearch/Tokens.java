package dev.cuepoint.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Text analysed here, sent as its tokens. Cuepoint's analysis (NFKC, word breaking, per-language
 * stemmers, character pairs) is Java code that a cluster does not have; so documents and phrases are
 * analysed by Cuepoint's own {@code Analyzers} and the cluster gets the tokens separated by spaces,
 * which its {@link #ANALYZER} splits again. A gap in positions (a token the analysis removed) is sent
 * as {@link #GAP} tokens, which that analyzer drops, leaving the same gap. The cluster therefore
 * indexes exactly the terms, positions and field lengths the embedded index does.
 */
final class Tokens {
  /** The cluster-side analyzer: split at spaces, drop gap markers. */
  static final String ANALYZER = "cuepoint_tokens";

  /** Stands for a position without a token (a private-use character no analysis produces). */
  static final String GAP = "\uE000";

  private Tokens() {}

  /** The analysed tokens of {@code text} as the cluster reads them. */
  static String of(Analyzer analyzer, String field, String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0) {
          throw new IllegalStateException("the analysis of " + field + " stacks tokens on one position, which"
              + " cannot be sent as text");
        }
        for (int i = 1; i < inc.getPositionIncrement(); i++) {
          out.append(GAP).append(' ');
        }
        out.append(escape(term.toString())).append(' ');
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory failed", e); // cannot happen
    }
    return out.toString();
  }

  /**
   * A token as the cluster holds it: white space inside a token (which no analysis here produces, but a
   * term must never split) becomes a no-break space.
   */
  static String escape(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (Character.isWhitespace(token.charAt(i))) {
        StringBuilder b = new StringBuilder(token.length());
        token.codePoints().forEach(c -> b.appendCodePoint(Character.isWhitespace(c) ? '\u00A0' : c));
        return b.toString();
      }
    }
    return token;
  }
}
