package dev.cuepoint.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** A {@link KeywordIndex.View} of the embedded index: one acquired searcher, released on close. */
final class LuceneView implements KeywordIndex.View {
  private final SearchIndex index;
  private final IndexSearcher searcher;
  /** The search's queries in Lucene's terms: each prefix, wildcard and fuzzy word expanded once. */
  private final LuceneQueryTranslator queries = new LuceneQueryTranslator();
  /** The last groups whose spans were asked for, and their weight: one per search, reused per hit. */
  private LuceneQueryTranslator.Groups spansGroups;
  private Weight spansWeight;

  LuceneView(SearchIndex index, IndexSearcher searcher) {
    this.index = index;
    this.searcher = searcher;
  }

  /** Read once per search and shared by its hits: each call of {@code storedFields()} builds a reader. */
  private StoredFields storedFields;

  /**
   * A ranked video. Its stored fields are read when first asked for, all at once, so a page's videos
   * are decompressed once each (Lucene decompresses a whole document to read any of its fields: the
   * card and the moments' texts come from one read), and the videos of earlier pages not at all. A
   * video shown by a recent search is not read again: its fields, unpacked transcripts and time maps
   * come from the index's {@link StoredCache}.
   */
  private final class LuceneHit implements KeywordIndex.Hit {
    private final int doc;
    private final float score;
    /** The hits of the page this is of, in rank order, and this one's place among them. */
    private final List<LuceneHit> page;
    private final int rank;
    private StoredCache.Entry entry;
    private StoredValues meta;
    /** Spans found with an earlier hit's, not yet asked for, and the groups they are of. */
    private List<KeywordIndex.Span> spans;
    private LuceneQueryTranslator.Groups spansOf;

    LuceneHit(int doc, float score, List<LuceneHit> page, int rank) {
      this.doc = doc;
      this.score = score;
      this.page = page;
      this.rank = rank;
    }

    @Override
    public float score() {
      return score;
    }

    @Override
    public StoredValues meta() {
      if (meta == null) {
        try {
          meta = StoredValues.of(entry().all, KeywordIndex.META);
        } catch (IOException e) {
          throw new UncheckedIOException("reading the stored fields of document " + doc + " failed", e);
        }
      }
      return meta;
    }

    /** The fields among {@code fields}, in stored order. */
    StoredValues stored(Set<String> fields) throws IOException {
      return StoredValues.of(entry().all, fields);
    }

    StoredCache.Entry entry() throws IOException {
      if (entry == null) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        StoredCache.StoredRead read = () -> storedFields().document(doc);
        entry = core == null ? index.storedCache().uncached(read)
            : index.storedCache().get(new StoredCache.Key(core.getKey(), doc - leaf.docBase), read);
      }
      return entry;
    }
  }

  @Override
  public String text(KeywordIndex.Hit hit, StoredValues stored, String field) {
    return entryOf(hit).text(field);
  }

  @Override
  public TimeMap timeMap(KeywordIndex.Hit hit, StoredValues stored, String field) {
    return entryOf(hit).timeMap(field);
  }

  private static StoredCache.Entry entryOf(KeywordIndex.Hit hit) {
    try {
      return ((LuceneHit) hit).entry();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the stored fields of a video failed", e);
    }
  }

  private StoredFields storedFields() throws IOException {
    if (storedFields == null) {
      storedFields = searcher.storedFields();
    }
    return storedFields;
  }

  @Override
  public List<String> transcriptFields() {
    return index.transcriptFields(searcher.getIndexReader());
  }

  @Override
  public KeywordIndex.Page top(SearchQuery rankingQuery, SearchQuery matchingQuery, boolean byDate, int n)
      throws IOException {
    Query ranking = queries.toLucene(rankingQuery);
    TopDocs top;
    long total;
    if (!byDate && !hasSloppyPhrase(ranking)) {
      // counted while ranking: a second pass over the matching videos cost more than the pruning of
      // the first saved (a quoted phrase was checked in every video holding its words twice)
      top = searcher.search(ranking, new TopScoreDocCollectorManager(n, Integer.MAX_VALUE));
      total = top.totalHits.value();
    } else {
      // a sloppy phrase (words near each other) is checked only where it could change the top n
      top = byDate ? searcher.search(ranking, n, byDate(), true) : searcher.search(ranking, n);
      total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
          ? top.totalHits.value()
          : searcher.count(queries.toLucene(matchingQuery));
    }
    List<LuceneHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      hits.add(new LuceneHit(sd.doc, Float.isNaN(sd.score) ? 0 : sd.score, hits, hits.size()));
    }
    return new KeywordIndex.Page(total, new ArrayList<>(hits));
  }

  private static boolean hasSloppyPhrase(Query query) {
    boolean[] found = new boolean[1];
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        found[0] |= q instanceof PhraseQuery p && p.getSlop() > 0;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }

  private static Sort byDate() {
    SortField published = new SortField(Fields.PUBLISHED, SortField.Type.LONG, true);
    published.setMissingValue(Long.MIN_VALUE);
    return new Sort(published, SortField.FIELD_SCORE);
  }

  @Override
  public int count(SearchQuery query) throws IOException {
    return searcher.count(queries.toLucene(query));
  }

  /**
   * Asked for a hit's spans, finds those of the hits ranked after it on its page too (a search asks
   * for the page's hits one by one, in rank order, from the first shown): all of them in doc-id
   * order, so each word of the groups reads its postings once per segment ({@link ForwardTermQuery})
   * instead of opening them again for every hit. Each hit keeps its spans until they are asked for.
   */
  @Override
  public List<KeywordIndex.Span> spans(KeywordIndex.Hit hit, List<SearchQuery> groups) throws IOException {
    if (spansGroups == null || (groups != spansGroups.model() && !groups.equals(spansGroups.model()))) {
      spansGroups = queries.groups(groups);
      // rewritten first, so the terms prefixes and fuzzy words expanded to are read forward too
      Query any = ForwardTermQuery.in(searcher.rewrite(spansGroups.query()));
      spansWeight = searcher.createWeight(searcher.rewrite(any), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    LuceneHit h = (LuceneHit) hit;
    if (h.spansOf != spansGroups) {
      List<LuceneHit> rest = new ArrayList<>(h.page.subList(h.rank, h.page.size()));
      rest.sort((a, b) -> Integer.compare(a.doc, b.doc));
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      for (LuceneHit r : rest) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(r.doc, leaves));
        r.spans = spansGroups.spans(spansWeight.matches(leaf, r.doc - leaf.docBase));
        r.spansOf = spansGroups;
      }
    }
    List<KeywordIndex.Span> out = h.spans;
    // handed over once: asked again, the hit's spans are found again (the caller may change the list)
    h.spans = null;
    h.spansOf = null;
    return out;
  }

  @Override
  public StoredValues stored(KeywordIndex.Hit hit, Set<String> fields) throws IOException {
    return ((LuceneHit) hit).stored(fields);
  }

  @Override
  public StoredValues card(String videoId) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, videoId)), 1);
    return top.scoreDocs.length == 0 ? null
        : StoredValues.of(storedFields().document(top.scoreDocs[0].doc, KeywordIndex.META), null);
  }

  @Override
  public int vocabularyCount(String word) throws IOException {
    return searcher.getIndexReader().docFreq(new Term(Fields.WORDS, word));
  }

  @Override
  public String closestWord(String word) throws IOException {
    SuggestWord[] best = spellChecker().suggestSimilar(
        new Term(Fields.WORDS, word), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return best.length == 0 ? null : best[0].string;
  }

  /**
   * Two edits, the first letter right, words of 3 to 20 letters. The OpenSearch backend asks its term
   * suggester for the same (it is the same Lucene spell checker).
   */
  static DirectSpellChecker spellChecker() {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxEdits(2);
    checker.setMinPrefix(1);
    checker.setMinQueryLength(3);
    checker.setMaxQueryLength(20);
    return checker;
  }

  @Override
  public List<KeywordIndex.Word> wordsStartingWith(String prefix, int max) throws IOException {
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.WORDS);
    if (terms == null) {
      return List.of();
    }
    TermsEnum te = terms.iterator();
    if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
      return List.of();
    }
    List<KeywordIndex.Word> out = new ArrayList<>();
    for (BytesRef t = te.term(); t != null && out.size() < max; t = te.next()) {
      String word = t.utf8ToString();
      if (!word.startsWith(prefix)) {
        break;
      }
      out.add(new KeywordIndex.Word(word, te.docFreq()));
    }
    return out;
  }

  @Override
  public int videos() {
    return searcher.getIndexReader().numDocs();
  }

  @Override
  public int videosInCurrentLayout() throws IOException {
    return searcher.count(
        org.apache.lucene.document.NumericDocValuesField.newSlowExactQuery(Fields.SCHEMA, Fields.SCHEMA_VERSION));
  }

  @Override
  public Map<String, Integer> transcriptsByLanguage() throws IOException {
    Map<String, Integer> langs = new TreeMap<>();
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.LANG);
    if (terms != null) {
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        // docFreq counts deleted documents until a merge; live counts are what users expect
        int live = searcher.count(new TermQuery(new Term(Fields.LANG, BytesRef.deepCopyOf(t))));
        if (live > 0) {
          langs.put(t.utf8ToString(), live);
        }
      }
    }
    return langs;
  }

  @Override
  public long cues() throws IOException {
    long sum = 0;
    for (LeafReaderContext ctx : searcher.getIndexReader().leaves()) {
      NumericDocValues values = ctx.reader().getNumericDocValues(Fields.CUES);
      Bits live = ctx.reader().getLiveDocs();
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
        if (live == null || live.get(doc)) {
          sum += values.longValue();
        }
      }
    }
    return sum;
  }

  @Override
  public void close() throws IOException {
    index.release(searcher);
  }

  /** Every {@code text.<lang>} field of a reader, sorted. */
  static List<String> transcriptFieldsOf(IndexReader reader) {
    List<String> out = new ArrayList<>();
    for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
      if (fi.name.startsWith(Fields.TEXT_PREFIX)) {
        out.add(fi.name);
      }
    }
    out.sort(null);
    return List.copyOf(out);
  }
}
