package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cuepoint.index.SearchQuery.Occur;
import java.util.List;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/** The query model is a value, and the Lucene adapter gives each model query its one Lucene query. */
class SearchQueryTest {
  static SearchQuery sample(String word) {
    return SearchQuery.bool()
        .add(new SearchQuery.Boost(new SearchQuery.Phrase("text.en", List.of("spike", word), List.of(0, 2), 0), 2f),
            Occur.SHOULD)
        .add(new SearchQuery.Fuzzy("title", word, 2), Occur.MUST)
        .add(new SearchQuery.LongRange(Fields.PUBLISHED, 10, 20), Occur.FILTER)
        .minimumShouldMatch(1).build();
  }

  @Test
  void equal_queries_are_equal_values() {
    // built from lists the caller changes afterwards: a query keeps its own copy, so it stays equal to
    // (and hashes like) one built from the same words, and a map keyed by it still finds it
    java.util.ArrayList<String> terms = new java.util.ArrayList<>(List.of("spike", "timing"));
    java.util.ArrayList<Integer> positions = new java.util.ArrayList<>(List.of(0, 2));
    SearchQuery.Phrase built = new SearchQuery.Phrase("text.en", terms, positions, 0);
    java.util.Map<SearchQuery, String> seen = new java.util.HashMap<>(java.util.Map.of(built, "seen"));
    terms.set(1, "timings");
    positions.set(1, 5);
    SearchQuery.Phrase same = new SearchQuery.Phrase("text.en", List.of("spike", "timing"), List.of(0, 2), 0);
    assertEquals(same, built);
    assertEquals("seen", seen.get(same));
    assertNotEquals(sample("timing"), sample("timings"));
    assertNotEquals(new SearchQuery.Boost(new SearchQuery.Term("f", "a"), 2f),
        new SearchQuery.Boost(new SearchQuery.Term("f", "a"), 3f));
  }

  @Test
  void malformed_queries_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> new SearchQuery.Fuzzy("f", "word", 3));
    assertThrows(IllegalArgumentException.class, () -> new SearchQuery.Phrase("f", List.of("a"), List.of(0), 0));
    assertThrows(IllegalArgumentException.class,
        () -> new SearchQuery.Phrase("f", List.of("a", "b"), List.of(0), 0));
  }

  @Test
  void lucene_adapter_keeps_structure_and_expands_a_word_once_per_search() {
    LuceneQueryTranslator search = new LuceneQueryTranslator();
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, search.toLucene(sample("timing")));
    assertEquals(1, q.getMinimumNumberShouldMatch());
    assertEquals(List.of(org.apache.lucene.search.BooleanClause.Occur.SHOULD,
        org.apache.lucene.search.BooleanClause.Occur.MUST, org.apache.lucene.search.BooleanClause.Occur.FILTER),
        q.clauses().stream().map(c -> c.occur()).toList());
    BoostQuery boost = assertInstanceOf(BoostQuery.class, q.clauses().get(0).query());
    assertEquals(2f, boost.getBoost());
    PhraseQuery phrase = assertInstanceOf(PhraseQuery.class, boost.getQuery());
    assertEquals(2, phrase.getPositions()[1]);
    assertInstanceOf(PointRangeQuery.class, q.clauses().get(2).query());

    Query fuzzy = q.clauses().get(1).query();
    RewriteOnce once = assertInstanceOf(RewriteOnce.class, fuzzy);
    FuzzyQuery f = assertInstanceOf(FuzzyQuery.class, once.query());
    assertEquals(2, f.getMaxEdits());
    assertEquals(SearchQuery.FUZZY_PREFIX, f.getPrefixLength());
    MultiTermQuery.TopTermsBlendedFreqScoringRewrite rewrite =
        assertInstanceOf(MultiTermQuery.TopTermsBlendedFreqScoringRewrite.class, f.getRewriteMethod());
    assertEquals(SearchQuery.MAX_EXPANSIONS, rewrite.getSize());
    // the ranking, count and moments queries of one search share the expansion; another search does not
    assertSame(fuzzy, search.toLucene(new SearchQuery.Fuzzy("title", "timing", 2)));
    assertNotSame(fuzzy, new LuceneQueryTranslator().toLucene(new SearchQuery.Fuzzy("title", "timing", 2)));
  }
}
