package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Regression tests for queries that the hostile-HTTP table (dev.cuepoint.web.HostileHttpTest) found
 * to keep the server busy for seconds: each is now refused at parse time with a reason, while the
 * same kind of query within the limits still parses.
 */
class QueryLimitsTest {
  static String refusal(String query) {
    return assertThrows(InvalidQueryException.class, () -> QuerySyntax.parse(query)).getMessage();
  }

  @Test
  void nfkc_expansion_bomb_is_refused_by_its_normalized_length() {
    // 900 characters, 16,200 once U+FDFA is spelled out: took 4.8 s to answer
    String m = refusal("\uFDFA".repeat(900));
    assertEquals("the query is too long (16200 characters once its compatibility characters are spelled out;"
        + " at most 1000)", m);
    assertEquals(1, QuerySyntax.parse("\uFDFA".repeat(50)).groups().size());
  }

  @Test
  void sixty_fuzzy_terms_are_refused_and_eight_parse() {
    // 60 OR-ed fuzzy terms: most of a second on a five-video index
    String m = refusal("plastisity~2 OR ".repeat(60) + "x");
    assertEquals("the query has more than 2 fuzzy (~) terms: use fewer", m);
    assertEquals(2, QuerySyntax.parse("neuron~ ".repeat(2)).groups().size());
    // four fuzzy words of 20 letters still took a third of a second
    assertEquals("the query has more than 2 fuzzy (~) terms: use fewer", refusal("plasticity~2 ".repeat(4)));
    assertEquals("the query has more than 8 fuzzy (~), wildcard (* ?) or prefix terms: use fewer",
        refusal("a~ b? c~ d* e* f* g* h* i*"));
    assertEquals(8, QuerySyntax.parse("a~ b? c~ d* e* f* g* h*").groups().size());
  }

  @Test
  void wildcard_bomb_is_refused_and_four_wildcards_parse() {
    // *a*a*…?????????*: half a second determinizing its automaton for every field
    String m = refusal("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a?????????*");
    assertTrue(m.endsWith("has 30 wildcards (* or ?); at most 4 in one word"), m);
    assertEquals(QuerySyntax.Kind.WILDCARD, QuerySyntax.parse("*a?i*t?").groups().get(0).anyOf().get(0).kind());
  }

  @Test
  void long_fuzzy_words_are_refused_and_fifteen_letters_parse() {
    // eight fuzzy words of 118 letters: over ten seconds building Levenshtein automata; of 38: 0.9 s
    String m = refusal("p" + "lasticity".repeat(13) + "~2");
    assertTrue(m.startsWith("fuzzy search (~) takes words of up to 15 characters;") && m.endsWith("has 118"), m);
    assertTrue(refusal("pla" + "sticity".repeat(5) + "~2").endsWith("has 38"));
    assertEquals(QuerySyntax.Kind.FUZZY, QuerySyntax.parse("a".repeat(15) + "~2").groups().get(0).anyOf().get(0).kind());
  }
}
