package dev.cuepoint.index;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOSupplier;

/**
 * A word of the matched-spans query of a page of hits, or a term a prefix, wildcard or fuzzy word
 * expanded to. {@link TermQuery}'s weight, asked where it matches in a document, opens a terms enum,
 * seeks the term and opens a postings enum with offsets (reading its skip data) for every document
 * asked about: for the ten hits of a page and a few words in three fields, most of what finding the
 * spans cost. This one keeps, for the segment last asked about, the term's terms enum and one postings
 * enum, and moves the postings forward while the documents asked about ascend; it seeks and opens
 * again only for another segment or an earlier document, so asked in doc-id order (a page's hits
 * sorted) each segment's postings are read once.
 *
 * <p>Its matches are exactly the term query's (same positions, offsets and order) and name the wrapped
 * {@link TermQuery} as the query that made them, the object {@link MatchGroups} knows the groups of.
 * Scoring and counting are the term query's. Its weight is not thread-safe: one per view and search.
 */
final class ForwardTermQuery extends Query {
  private final TermQuery term;

  ForwardTermQuery(TermQuery term) {
    this.term = term;
  }

  /** The term query this reads the matches of. */
  TermQuery term() {
    return term;
  }

  /**
   * {@code q}, rewritten, with each term query in it (a word, or a term a prefix, wildcard or fuzzy
   * word expanded to) read forward; phrases and the rest as they were.
   */
  static Query in(Query q) {
    return switch (q) {
      case TermQuery t -> new ForwardTermQuery(t);
      case BooleanQuery b -> {
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        for (BooleanClause c : b.clauses()) {
          out.add(in(c.query()), c.occur());
        }
        out.setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        yield out.build();
      }
      case BoostQuery b -> new BoostQuery(in(b.getQuery()), b.getBoost());
      case ConstantScoreQuery c -> new ConstantScoreQuery(in(c.getQuery()));
      default -> q;
    };
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    return new ForwardWeight(term.createWeight(searcher, scoreMode, boost));
  }

  @Override
  public void visit(QueryVisitor visitor) {
    term.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return "forward(" + term.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && term.equals(((ForwardTermQuery) other).term);
  }

  @Override
  public int hashCode() {
    return classHash() ^ term.hashCode();
  }

  private final class ForwardWeight extends FilterWeight {
    private final String field;
    /** The segment the enums below are of; null before the first question. */
    private LeafReaderContext leaf;
    /** The term's entry in {@link #leaf}, or null when the segment does not hold the term. */
    private TermsEnum terms;
    private PostingsEnum postings;
    /** The document whose positions were read off {@link #postings}, or -1. */
    private int read = -1;

    ForwardWeight(Weight termWeight) {
      super(ForwardTermQuery.this, termWeight);
      this.field = term.getTerm().field();
    }

    @Override
    public Matches matches(LeafReaderContext context, int doc) throws IOException {
      if (context != leaf) {
        leaf = context;
        postings = null;
        read = -1;
        terms = seek(context);
      }
      if (terms == null) {
        return null;
      }
      // an enum moves forward only: an earlier document, or one whose positions were read, needs a
      // new one (the old one is reused as its storage). Asked about a document without the term, the
      // enum stops on the next that has it, maybe the next asked about: used as it is
      if (postings == null || postings.docID() > doc || read == doc) {
        postings = terms.postings(postings, PostingsEnum.OFFSETS);
        read = -1;
      }
      int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
      if (at != doc) {
        return null;
      }
      read = doc;
      // read now, as TermQuery's iterator would when its matches are walked: the enum moves on to
      // the next hit's document before these are
      int freq = postings.freq();
      int[] positions = new int[freq * 3];
      for (int i = 0; i < positions.length; i += 3) {
        positions[i] = postings.nextPosition();
        positions[i + 1] = postings.startOffset();
        positions[i + 2] = postings.endOffset();
      }
      return MatchesUtils.forField(field, () -> new Positions(term, positions));
    }
  }

  /**
   * The term's entry in a segment, or null. A term a prefix or fuzzy word expanded to comes with
   * where it is in each segment (its {@link TermStates}): no need to look it up again.
   */
  private TermsEnum seek(LeafReaderContext context) throws IOException {
    Terms fieldTerms = context.reader().terms(term.getTerm().field());
    if (fieldTerms == null) {
      return null;
    }
    TermsEnum te = fieldTerms.iterator();
    TermStates states = term.getTermStates();
    if (states != null && states.wasBuiltFor(ReaderUtil.getTopLevelContext(context))) {
      IOSupplier<TermState> supplier = states.get(context);
      TermState state = supplier == null ? null : supplier.get();
      if (state == null) {
        return null;
      }
      te.seekExact(term.getTerm().bytes(), state);
      return te;
    }
    return te.seekExact(term.getTerm().bytes()) ? te : null;
  }

  /** A term's matches in one document, as position, start offset, end offset triples. */
  private static final class Positions implements MatchesIterator {
    private final Query query;
    private final int[] at;
    private int i = -3;

    Positions(Query query, int[] at) {
      this.query = query;
      this.at = at;
    }

    @Override
    public boolean next() {
      i += 3;
      return i < at.length;
    }

    @Override
    public int startPosition() {
      return at[i];
    }

    @Override
    public int endPosition() {
      return at[i];
    }

    @Override
    public int startOffset() {
      return at[i + 1];
    }

    @Override
    public int endOffset() {
      return at[i + 2];
    }

    @Override
    public MatchesIterator getSubMatches() {
      return null;
    }

    @Override
    public Query getQuery() {
      return query;
    }
  }
}
