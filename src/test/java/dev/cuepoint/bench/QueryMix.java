package dev.cuepoint.bench;

import java.util.List;

/**
 * The fixed query mix, in Cuepoint's syntax and in FTS5's. Words come from the real transcripts, so
 * every query finds something in every corpus; "rare" words are in one or two real videos, "common"
 * ones in all of them. FTS5 has no fuzzy matching: those queries are run by Cuepoint only.
 */
final class QueryMix {
  enum Kind {
    ONE_WORD("one word"),
    MULTI_WORD("two or three words"),
    PHRASE("quoted phrase"),
    PREFIX("prefix"),
    FUZZY("fuzzy"),
    RARE("rare word"),
    COMMON("common word");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The kinds the "multi-word" target speaks of. */
    boolean multiWord() {
      return this == MULTI_WORD || this == PHRASE;
    }
  }

  /**
   * @param cuepoint as typed into Cuepoint
   * @param fts5 as passed to FTS5's MATCH (implicit AND of words, quotes for phrases, * for prefixes),
   *     or null when FTS5 cannot express it
   */
  record Query(Kind kind, String cuepoint, String fts5) {}

  static final List<Query> ALL = List.of(
      new Query(Kind.ONE_WORD, "derivative", "derivative"),
      new Query(Kind.ONE_WORD, "probability", "probability"),
      new Query(Kind.ONE_WORD, "matrix", "matrix"),
      new Query(Kind.MULTI_WORD, "linear transformation", "linear transformation"),
      new Query(Kind.MULTI_WORD, "prime numbers", "prime numbers"),
      new Query(Kind.MULTI_WORD, "neural network weights", "neural network weights"),
      new Query(Kind.PHRASE, "\"chain rule\"", "\"chain rule\""),
      new Query(Kind.PHRASE, "\"pythagorean theorem\"", "\"pythagorean theorem\""),
      new Query(Kind.PHRASE, "\"the determinant of\"", "\"the determinant of\""),
      new Query(Kind.PREFIX, "eigen*", "eigen*"),
      new Query(Kind.PREFIX, "integr*", "integr*"),
      new Query(Kind.FUZZY, "probabilty~", null),
      new Query(Kind.FUZZY, "fourrier~", null),
      new Query(Kind.RARE, "brachistochrone", "brachistochrone"),
      new Query(Kind.RARE, "holomorphic", "holomorphic"),
      new Query(Kind.COMMON, "the", "the"),
      new Query(Kind.COMMON, "so", "so"));

  private QueryMix() {}

  static List<Query> of(Kind kind) {
    return ALL.stream().filter(q -> q.kind() == kind).toList();
  }

  /** The queries FTS5 can run. */
  static List<Query> fts5() {
    return ALL.stream().filter(q -> q.fts5() != null).toList();
  }
}
