package dev.cuepoint.search;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * A quoted phrase in an English transcript ({@code text.en}) or in its unstemmed copy ({@code
 * exact.en}), where the two share what the stemmed phrase's checks found. A phrase said exactly is
 * also found stemmed (the copy holds the same words at the same positions, before stemming), so the
 * exact copy needs no check in a video where the stemmed phrase is not said, and the stemmed phrase
 * needs no second check in a video already ruled out.
 *
 * <p>Why: a phrase is checked by reading the positions of its words in each video holding them all. For
 * a phrase of common words ("the determinant of"), that is every position of "the" and "of" in a
 * quarter of the videos, and few of them say the phrase; the ranking checked both fields in each,
 * twice the work. Same videos, same scores: the two are still separate clauses, checked the same way
 * where the phrase is said.
 *
 * <p>It is still a {@link PhraseQuery} of the same words, so code that translates queries sees a
 * plain phrase. The checks belong to one search: build new queries for each.
 */
final class CheckedPhrase extends PhraseQuery {
  /** What the stemmed phrase's checks found, per segment: shared by the two queries of one phrase. */
  static final class Checks {
    private final Map<LeafReader, Found> bySegment = new ConcurrentHashMap<>();

    private Found of(LeafReaderContext context) {
      return bySegment.computeIfAbsent(context.reader(), r -> new Found(r.maxDoc()));
    }
  }

  /** Documents checked, and those where the stemmed phrase is said. One segment is searched by one thread. */
  private record Found(FixedBitSet checked, FixedBitSet said) {
    Found(int maxDoc) {
      this(new FixedBitSet(maxDoc), new FixedBitSet(maxDoc));
    }
  }

  private final Checks checks;
  /** For the exact copy, the stemmed phrase it is checked against; null for the stemmed phrase. */
  private final PhraseQuery stemmed;

  private CheckedPhrase(PhraseQuery phrase, Checks checks, PhraseQuery stemmed) {
    super(phrase.getField(), terms(phrase));
    this.checks = checks;
    this.stemmed = stemmed;
  }

  /**
   * The stemmed phrase and its exact copy, sharing their checks; or null when either is not a plain
   * phrase (one word, or words at other than consecutive positions), which is then searched as it is.
   *
   * @return {stemmed, exact}
   */
  static Query[] pair(Query stemmed, Query exact) {
    if (!(stemmed instanceof PhraseQuery s) || !(exact instanceof PhraseQuery e) || !plain(s) || !plain(e)) {
      return null;
    }
    Checks checks = new Checks();
    return new Query[] {new CheckedPhrase(s, checks, null), new CheckedPhrase(e, checks, s)};
  }

  private static boolean plain(PhraseQuery p) {
    int[] positions = p.getPositions();
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != i) {
        return false;
      }
    }
    return p.getSlop() == 0 && positions.length > 1;
  }

  private static BytesRef[] terms(PhraseQuery p) {
    Term[] terms = p.getTerms();
    BytesRef[] out = new BytesRef[terms.length];
    for (int i = 0; i < terms.length; i++) {
      out[i] = terms[i].bytes();
    }
    return out;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight phrase = super.createWeight(searcher, scoreMode, boost);
    Weight guard = stemmed == null ? null
        : searcher.createWeight(searcher.rewrite(stemmed), ScoreMode.COMPLETE_NO_SCORES, 1f);
    return new FilterWeight(this, phrase) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            Scorer scorer = supplier.get(leadCost);
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            if (twoPhase == null) {
              return scorer; // not a phrase scorer after all: nothing to share
            }
            return new CheckedScorer(scorer, twoPhase, checks.of(context), guard, context);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false; // its checks belong to one search
      }
    };
  }

  private static final class CheckedScorer extends Scorer {
    private final Scorer in;
    private final TwoPhaseIterator twoPhase;

    CheckedScorer(Scorer in, TwoPhaseIterator inTwoPhase, Found found, Weight guard, LeafReaderContext context) {
      this.in = in;
      DocIdSetIterator approximation = inTwoPhase.approximation();
      this.twoPhase = new TwoPhaseIterator(approximation) {
        private Scorer stemmed;
        private boolean noStemmed;

        @Override
        public boolean matches() throws IOException {
          int doc = approximation.docID();
          if (!found.checked().get(doc)) {
            boolean said = guard == null ? inTwoPhase.matches() : stemmedSays(doc);
            found.checked().set(doc);
            if (said) {
              found.said().set(doc);
            }
            if (guard == null || !said) {
              return said;
            }
          } else if (!found.said().get(doc)) {
            return false;
          }
          return inTwoPhase.matches(); // sets up the phrase's frequency for its score
        }

        /** Whether the stemmed phrase is said in {@code doc}, which this segment's checks do not know yet. */
        private boolean stemmedSays(int doc) throws IOException {
          if (stemmed == null && !noStemmed) {
            stemmed = guard.scorer(context);
            noStemmed = stemmed == null; // its words are not all in this segment
          }
          if (stemmed == null) {
            return false;
          }
          TwoPhaseIterator check = stemmed.twoPhaseIterator();
          DocIdSetIterator it = check == null ? stemmed.iterator() : check.approximation();
          int at = it.docID() < doc ? it.advance(doc) : it.docID();
          return at == doc && (check == null || check.matches());
        }

        @Override
        public float matchCost() {
          return inTwoPhase.matchCost();
        }
      };
    }

    @Override
    public int docID() {
      return twoPhase.approximation().docID();
    }

    @Override
    public DocIdSetIterator iterator() {
      return TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public TwoPhaseIterator twoPhaseIterator() {
      return twoPhase;
    }

    @Override
    public float score() throws IOException {
      return in.score();
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) {
      // not passed on: a phrase scorer told a minimum then reports no match where it cannot reach it,
      // which the checks would keep as "not said"
    }
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other) && checks == ((CheckedPhrase) other).checks
        && Objects.equals(stemmed, ((CheckedPhrase) other).stemmed);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + System.identityHashCode(checks);
  }
}
