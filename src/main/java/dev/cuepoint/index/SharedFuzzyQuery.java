package dev.cuepoint.index;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;

/**
 * A {@link FuzzyQuery} that builds its Levenshtein automata once per search instead of once per
 * field and query. One fuzzy word is searched in up to five fields for ranking and three more for
 * moments; building the automata for two edits is most of a fuzzy search's time (a JFR profile of the
 * query mix on 1,000 videos put a quarter of all search time in {@code buildAutomatonSet}).
 *
 * <p>Lucene keeps the automata in an attribute of the rewrite's {@link AttributeSource} so that the
 * segments of one rewrite share them; this lends the attribute built by the first rewrite of the same
 * word, edits and prefix to the later ones. The automata depend on nothing else, so sharing them across
 * fields cannot change what matches. Should Lucene rename that attribute, nothing is shared and the
 * query works as a plain {@code FuzzyQuery}. Not thread-safe: one cache per search.
 */
final class SharedFuzzyQuery extends FuzzyQuery {
  private static final String AUTOMATON_ATTRIBUTE = "AutomatonAttributeImpl";

  private final Map<String, AttributeImpl> cache;
  private final String key;

  /** @param cache word, edits and prefix → built automata, shared by the queries of one search */
  SharedFuzzyQuery(org.apache.lucene.index.Term term, int maxEdits, int prefixLength, int maxExpansions,
      boolean transpositions, RewriteMethod rewrite, Map<String, AttributeImpl> cache) {
    super(term, maxEdits, prefixLength, maxExpansions, transpositions, rewrite);
    this.cache = cache;
    this.key = term.text() + '\u0000' + maxEdits + '\u0000' + prefixLength + '\u0000' + transpositions;
  }

  @Override
  protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
    AttributeImpl built = cache.get(key);
    if (built != null) {
      atts.addAttributeImpl(built); // no-op when this rewrite has its own already
    }
    TermsEnum out = super.getTermsEnum(terms, atts);
    if (built == null) {
      for (Iterator<AttributeImpl> it = atts.getAttributeImplsIterator(); it.hasNext(); ) {
        AttributeImpl a = it.next();
        if (a.getClass().getName().endsWith(AUTOMATON_ATTRIBUTE)) {
          cache.put(key, a);
        }
      }
    }
    return out;
  }
}
