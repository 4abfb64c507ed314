package dev.cuepoint.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A prefix, wildcard or fuzzy word in one field, expanded against the term dictionary once per search.
 * The ranking, count and moments queries of a search hold the same word in the same field, and each
 * was expanded anew: for a fuzzy word, the expansions were a tenth of the whole query mix's search time
 * at 10,000 videos (JFR). The expansion depends only on the word, the field and the index, so the
 * searches of one reader may share it. Not thread-safe: one instance per search (the
 * {@link LuceneQueryTranslator} of one view makes one per prefix, wildcard or fuzzy word).
 */
final class RewriteOnce extends Query {
  private final Query query;
  private IndexReader reader;
  private Query rewritten;

  RewriteOnce(Query query) {
    this.query = query;
  }

  /** The prefix, wildcard or fuzzy query this expands. */
  Query query() {
    return query;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (rewritten == null || reader != searcher.getIndexReader()) {
      Query q = query;
      for (Query r = q.rewrite(searcher); r != q; r = q.rewrite(searcher)) {
        q = r;
      }
      rewritten = q;
      reader = searcher.getIndexReader();
    }
    return rewritten;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return query.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && query.equals(((RewriteOnce) other).query);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + query.hashCode();
  }
}
