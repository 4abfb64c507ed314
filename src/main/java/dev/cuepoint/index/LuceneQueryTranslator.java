package dev.cuepoint.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.automaton.Operations;

/**
 * {@link SearchQuery} as Lucene queries: the embedded index's adapter, and how the OpenSearch backend
 * finds matched spans in a hit's texts (over a one-document in-memory index). Each model query becomes
 * the one Lucene query of the same meaning; a prefix, wildcard or fuzzy word becomes a query expanded
 * to the {@link SearchQuery#MAX_EXPANSIONS} best-scoring index terms (top-terms blended rewrite).
 *
 * <p>One instance serves the queries of one search, in one thread: the same prefix, wildcard or fuzzy
 * word in the same field (the ranking, count and moments queries of a search all hold it) becomes the
 * same query object, expanded against the index once ({@link RewriteOnce}), and the fuzzy words'
 * Levenshtein automata are built once for all their fields ({@link SharedFuzzyQuery}).
 */
public final class LuceneQueryTranslator {
  private final Map<SearchQuery, Query> expanded = new HashMap<>();
  private final Map<String, AttributeImpl> fuzzyAutomata = new HashMap<>();

  /** The Lucene query of {@code q}. */
  public Query toLucene(SearchQuery q) {
    return switch (q) {
      case SearchQuery.Term t -> new TermQuery(term(t.field(), t.text()));
      case SearchQuery.Phrase p -> {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.slop());
        for (int i = 0; i < p.terms().size(); i++) {
          b.add(term(p.field(), p.terms().get(i)), p.positions().get(i));
        }
        yield b.build();
      }
      case SearchQuery.Prefix p -> expanded(p);
      case SearchQuery.Wildcard w -> expanded(w);
      case SearchQuery.Fuzzy f -> expanded(f);
      case SearchQuery.Bool b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (SearchQuery.Clause c : b.clauses()) {
          out.add(toLucene(c.query()), occur(c.occur()));
        }
        out.setMinimumNumberShouldMatch(b.minimumShouldMatch());
        yield out.build();
      }
      case SearchQuery.Boost b -> new BoostQuery(toLucene(b.query()), b.boost());
      case SearchQuery.ConstantScore c -> new ConstantScoreQuery(toLucene(c.query()));
      case SearchQuery.MatchNone m -> new MatchNoDocsQuery(m.reason());
      case SearchQuery.LongRange r -> LongPoint.newRangeQuery(r.field(), r.from(), r.to());
    };
  }

  private Query expanded(SearchQuery q) {
    Query known = expanded.get(q);
    if (known == null) {
      known = new RewriteOnce(switch (q) {
        case SearchQuery.Prefix p -> new PrefixQuery(term(p.field(), p.prefix()), rewrite());
        case SearchQuery.Wildcard w ->
            new WildcardQuery(term(w.field(), w.pattern()), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT, rewrite());
        case SearchQuery.Fuzzy f -> new SharedFuzzyQuery(term(f.field(), f.word()), f.edits(),
            SearchQuery.FUZZY_PREFIX, SearchQuery.MAX_EXPANSIONS, true, rewrite(), fuzzyAutomata);
        default -> throw new IllegalArgumentException("not a multi-term query: " + q);
      });
      expanded.put(q, known);
    }
    return known;
  }

  private static MultiTermQuery.RewriteMethod rewrite() {
    // scoring top-N rewrite: bounded expansion (so "a*" cannot blow up), and the rewritten term
    // queries report matches, so prefixes and fuzzy words get moments like plain words
    return new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(SearchQuery.MAX_EXPANSIONS);
  }

  private static BooleanClause.Occur occur(SearchQuery.Occur o) {
    return switch (o) {
      case MUST -> BooleanClause.Occur.MUST;
      case SHOULD -> BooleanClause.Occur.SHOULD;
      case MUST_NOT -> BooleanClause.Occur.MUST_NOT;
      case FILTER -> BooleanClause.Occur.FILTER;
    };
  }

  private static org.apache.lucene.index.Term term(String field, String text) {
    return new org.apache.lucene.index.Term(field, text);
  }

  /**
   * The required groups of a query, as one Lucene query whose matches are looked for in a hit, and
   * how each match maps back to its groups ({@link MatchGroups}). Made once per search and view.
   */
  public Groups groups(List<SearchQuery> groups) {
    return new Groups(groups);
  }

  /** See {@link #groups}. Not thread-safe. */
  public final class Groups {
    private final List<SearchQuery> model;
    private final Query any;
    private final MatchGroups groups;

    private Groups(List<SearchQuery> model) {
      this.model = List.copyOf(model);
      List<Query> lucene = new ArrayList<>(model.size());
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (SearchQuery g : model) {
        Query q = toLucene(g);
        lucene.add(q);
        b.add(q, BooleanClause.Occur.SHOULD);
      }
      this.any = b.build();
      this.groups = new MatchGroups(lucene);
    }

    /** The groups these were made of. */
    public List<SearchQuery> model() {
      return model;
    }

    /** Matches any group. */
    public Query query() {
      return any;
    }

    /**
     * The spans of {@code matches} (of {@link #query()} in one document) that have character offsets,
     * field by field in the order Lucene gives them, each with the groups it is of.
     */
    public List<KeywordIndex.Span> spans(Matches matches) throws IOException {
      if (matches == null) {
        return List.of();
      }
      // one group: every match is all of it, nothing to look up
      boolean oneGroup = groups.count() <= 1;
      List<KeywordIndex.Span> out = new ArrayList<>();
      for (String field : matches) {
        MatchesIterator it = matches.getMatches(field);
        if (it == null) {
          continue;
        }
        while (it.next()) {
          int s = it.startOffset();
          int e = it.endOffset();
          if (s >= 0 && e > s) {
            out.add(new KeywordIndex.Span(field, s, e, oneGroup ? groups.all() : groups.of(it.getQuery())));
          }
        }
      }
      return out;
    }
  }
}
