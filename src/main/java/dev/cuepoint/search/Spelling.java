package dev.cuepoint.search;

import dev.cuepoint.index.Analyzers;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.search.QuerySyntax.Kind;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import dev.cuepoint.search.QuerySyntax.Term;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean": words of a query that occur nowhere in the index are replaced by the closest word
 * that does, taken from the index's own vocabulary (titles, chapters, transcripts; unstemmed).
 */
final class Spelling {
  private final Analyzers analyzers;

  /**
   * Unknown words looked up per query, and the longest looked up: each lookup builds an edit-distance
   * automaton, and a query of hundreds of unknown words (or one U+FDFA, 4 words once spelled out,
   * repeated) kept a search busy for seconds.
   */
  static final int MAX_WORDS_CHECKED = 4;

  static final int MAX_WORD_LENGTH = 20;

  Spelling(Analyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The query with unknown words replaced, or null when every word is known or none has a match. */
  String suggest(String query, ParsedQuery parsed, KeywordIndex.View view) throws IOException {
    Map<String, String> fixes = new LinkedHashMap<>();
    int checked = 0;
    for (var g : parsed.required()) {
      for (Term t : g.anyOf()) {
        if (t.kind() != Kind.WORD && t.kind() != Kind.PHRASE && t.kind() != Kind.FUZZY) {
          continue;
        }
        for (Analyzers.Token tok : analyzers.tokens(Fields.WORDS, t.text())) {
          String word = tok.text();
          if (word.length() < 3 || word.length() > MAX_WORD_LENGTH
              || view.vocabularyCount(word) > 0) {
            continue;
          }
          if (++checked > MAX_WORDS_CHECKED) {
            break;
          }
          String best = view.closestWord(word);
          if (best != null) {
            fixes.put(word, best);
          }
        }
      }
    }
    if (fixes.isEmpty()) {
      return null;
    }
    String out = query;
    for (Map.Entry<String, String> f : fixes.entrySet()) {
      Matcher m = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(f.getKey()) + "(?![\\p{L}\\p{N}])")
          .matcher(out);
      out = m.replaceAll(Matcher.quoteReplacement(f.getValue()));
    }
    return out.equalsIgnoreCase(query) ? null : out;
  }
}
