package dev.cuepoint.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A query in the search layer's own terms, the same for every {@link KeywordIndex} engine: each engine
 * translates it (the embedded index to Lucene queries, a cluster to its query language) and must run it
 * with the meaning written here. Plain immutable values: equal queries are equal objects, so answers
 * and per-search work may be kept by query.
 *
 * <p>Words are given as the index holds them: the caller analyses them first ({@link Analyzers#tokens},
 * {@link Analyzers#normalized}); an engine never analyses a query again.
 */
public sealed interface SearchQuery {
  /**
   * Prefixes, wildcards and fuzzy words expand to at most this many index terms per field: the ones
   * an engine scores best by blended document frequency (Lucene's top-terms blended rewrite), so
   * "a*" cannot blow up, and each expanded term matches and scores like a plain word.
   */
  int MAX_EXPANSIONS = 64;

  /** A fuzzy word's first this many characters must be right. */
  int FUZZY_PREFIX = 1;

  /** One index term in one field. */
  record Term(String field, String text) implements SearchQuery {}

  /**
   * Terms at relative positions ({@code positions} ascending, one term per position), found within
   * {@code slop} moves of each other (0: exactly in that order, gaps kept).
   */
  record Phrase(String field, List<String> terms, List<Integer> positions, int slop) implements SearchQuery {
    public Phrase {
      terms = List.copyOf(terms);
      positions = List.copyOf(positions);
      if (terms.size() != positions.size() || terms.size() < 2) {
        throw new IllegalArgumentException("a phrase needs two or more terms, one position each: " + terms);
      }
    }
  }

  /** Index terms starting with {@code prefix} (normalised), expanded as {@link #MAX_EXPANSIONS} says. */
  record Prefix(String field, String prefix) implements SearchQuery {}

  /** Index terms matching a pattern ({@code *} any characters, {@code ?} one), expanded the same way. */
  record Wildcard(String field, String pattern) implements SearchQuery {}

  /**
   * Index terms within {@code edits} (1 or 2) Levenshtein edits of {@code word}, a transposition
   * counting as one, the first {@link #FUZZY_PREFIX} characters fixed; expanded the same way.
   */
  record Fuzzy(String field, String word, int edits) implements SearchQuery {
    public Fuzzy {
      if (edits < 1 || edits > 2) {
        throw new IllegalArgumentException("a fuzzy word takes 1 or 2 edits, got " + edits);
      }
    }
  }

  /** How a clause of a {@link Bool} counts. */
  enum Occur {
    /** Must match, and scores. */
    MUST,
    /** Scores when it matches; see {@link Bool#minimumShouldMatch}. */
    SHOULD,
    /** Must not match. */
    MUST_NOT,
    /** Must match, does not score. */
    FILTER
  }

  record Clause(Occur occur, SearchQuery query) {}

  /**
   * Clauses in order (the order is part of the query: scores are summed in it). At least
   * {@code minimumShouldMatch} SHOULD clauses must match; with 0, SHOULD clauses are optional unless
   * there are no MUST or FILTER clauses.
   */
  record Bool(List<Clause> clauses, int minimumShouldMatch) implements SearchQuery {
    public Bool {
      clauses = List.copyOf(clauses);
    }
  }

  /** The query's score times {@code boost}. */
  record Boost(SearchQuery query, float boost) implements SearchQuery {}

  /** Matches what {@code query} matches, each with score 1 (times any boost around it). */
  record ConstantScore(SearchQuery query) implements SearchQuery {}

  /** Matches nothing; {@code reason} says why, for debugging. */
  record MatchNone(String reason) implements SearchQuery {}

  /** A long-valued (point) field between {@code from} and {@code to}, both included. */
  record LongRange(String field, long from, long to) implements SearchQuery {}

  /** Builds a {@link Bool}. */
  static BoolBuilder bool() {
    return new BoolBuilder();
  }

  final class BoolBuilder {
    private final List<Clause> clauses = new ArrayList<>();
    private int minimumShouldMatch;

    private BoolBuilder() {}

    public BoolBuilder add(SearchQuery query, Occur occur) {
      clauses.add(new Clause(occur, query));
      return this;
    }

    public BoolBuilder minimumShouldMatch(int n) {
      this.minimumShouldMatch = n;
      return this;
    }

    public Bool build() {
      return new Bool(clauses, minimumShouldMatch);
    }
  }
}
