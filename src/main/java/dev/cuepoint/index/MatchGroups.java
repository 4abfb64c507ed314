package dev.cuepoint.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Which required groups of a query a match stands for. A match names the leaf query that made it (a
 * term or phrase in one field); each group's query is visited once for its leaves, and a match's leaf is
 * looked up among them. A prefix or wildcard expands to index terms when it runs, so a term is of such
 * a group when the group's automaton for that field accepts it. Fuzzy words expand too, through
 * automata that cost a lot to build: a term no group claims is taken to be of the fuzzy groups (or, if
 * there are none, of every multi-term group). Groups are bits of a {@code long}: a query has at most
 * {@code QuerySyntax.MAX_TERMS} terms. Not thread-safe: one instance per search.
 */
final class MatchGroups {
  private final int count;
  /** Leaf query (term or phrase in one field, or a multi-term query) → the groups holding it. */
  private final Map<Query, Long> leaves = new HashMap<>();
  private final List<Expansion> expansions = new ArrayList<>();
  private long multiTerm;
  private long unresolved;
  private final Map<Query, Long> seen = new HashMap<>();

  /** A prefix or wildcard group's automaton in one field. */
  private record Expansion(String field, ByteRunAutomaton automaton, long group) {}

  /** @param groups one query per required group */
  MatchGroups(List<Query> groups) {
    if (groups.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most " + Long.SIZE + " groups, got " + groups.size());
    }
    this.count = groups.size();
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).visit(collector(1L << i));
    }
  }

  /** The bits of every group. */
  long all() {
    return count == Long.SIZE ? -1L : (1L << count) - 1;
  }

  int count() {
    return count;
  }

  /** The groups a match made by {@code leaf} covers. */
  long of(Query leaf) {
    Long known = seen.get(leaf);
    if (known != null) {
      return known;
    }
    long groups = leaves.getOrDefault(leaf, 0L);
    if (leaf instanceof TermQuery t) {
      BytesRef b = t.getTerm().bytes();
      for (Expansion e : expansions) {
        if (e.field().equals(t.getTerm().field()) && e.automaton().run(b.bytes, b.offset, b.length)) {
          groups |= e.group();
        }
      }
    }
    if (groups == 0) {
      groups = unresolved != 0 ? unresolved : multiTerm;
    }
    seen.put(leaf, groups);
    return groups;
  }

  private QueryVisitor collector(long group) {
    return new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        add(query, group);
        if (query instanceof MultiTermQuery) { // a "wildcard" without wildcards: runs as its one term
          multiTerm |= group;
          for (Term t : terms) {
            add(new TermQuery(t), group);
          }
        }
      }

      @Override
      public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
        add(query, group);
        multiTerm |= group;
        if (query instanceof AutomatonQuery) { // prefix, wildcard: compiled already, no cost to ask
          expansions.add(new Expansion(field, automaton.get(), group));
        } else {
          unresolved |= group;
        }
      }

      @Override
      public void visitLeaf(Query query) {
        add(query, group);
        if (query instanceof MultiTermQuery) {
          multiTerm |= group;
          unresolved |= group;
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    };
  }

  private void add(Query leaf, long group) {
    leaves.merge(leaf, group, (a, b) -> a | b);
  }
}
