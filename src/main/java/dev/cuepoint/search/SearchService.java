package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Answers searches: ranks videos with BM25 over titles, chapters, descriptions and transcripts, then
 * finds the moments of each video on the page. Thread-safe; each search uses the searcher current when
 * it starts, so an index update never shows half-done.
 */
public final class SearchService {
  private final SearchIndex index;
  private final Spelling spelling;
  /** The transcript fields of the last reader seen; they change only when the index does. */
  private volatile TranscriptFields transcriptFields = new TranscriptFields(null, List.of());

  private record TranscriptFields(Object readerKey, List<String> fields) {}

  public SearchService(SearchIndex index) {
    this.index = index;
    this.spelling = new Spelling(index.analyzers());
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    ParsedQuery parsed = QuerySyntax.parse(request.query());
    IndexSearcher searcher = index.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      LuceneQueries queries =
          new LuceneQueries(index.analyzers(), transcriptFields(reader, request.lang()));
      Query query = filtered(queries.ranking(parsed), request);
      int wanted = request.offset() + request.limit();
      TopDocs top =
          request.sort() == SearchRequest.Sort.DATE
              ? searcher.search(query, wanted, byDate(), true)
              : searcher.search(query, wanted);
      long total =
          top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
              ? top.totalHits.value()
              : searcher.count(filtered(queries.matching(parsed), request));
      MomentFinder finder =
          new MomentFinder(
              searcher.createWeight(searcher.rewrite(queries.moments(parsed)), ScoreMode.COMPLETE_NO_SCORES, 1f),
              reader.leaves(), request.preferredLanguages());
      List<VideoHit> hits = new ArrayList<>();
      ScoreDoc[] page = top.scoreDocs;
      StoredFields stored = searcher.storedFields();
      for (int i = request.offset(); i < page.length; i++) {
        hits.add(hit(stored, finder, page[i], request.momentsPerVideo()));
      }
      String suggestion = total < request.limit() ? spelling.suggest(request.query(), parsed, reader) : null;
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchResponse(request.query(), total, took, hits, suggestion);
    } finally {
      index.release(searcher);
    }
  }

  private static Sort byDate() {
    SortField published = new SortField(Fields.PUBLISHED, SortField.Type.LONG, true);
    published.setMissingValue(Long.MIN_VALUE);
    return new Sort(published, SortField.FIELD_SCORE);
  }

  private static Query filtered(Query query, SearchRequest r) {
    if (r.playlist() == null && r.lang() == null && r.from() == null && r.to() == null) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
    if (r.playlist() != null) {
      b.add(new TermQuery(new Term(Fields.PLAYLIST, r.playlist())), Occur.FILTER);
    }
    if (r.lang() != null) {
      // "zh" means every Chinese track (zh-Hans, zh-Hant…); "zh-Hans" just that one
      b.add(r.lang().contains("-")
          ? new TermQuery(new Term(Fields.LANG, r.lang()))
          : new TermQuery(new Term(Fields.LANG_PRIMARY, Languages.primary(r.lang()))), Occur.FILTER);
    }
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : startOfDay(r.from());
      long to = r.to() == null ? Long.MAX_VALUE : startOfDay(r.to().plusDays(1)) - 1;
      b.add(LongPoint.newRangeQuery(Fields.PUBLISHED, from, to), Occur.FILTER);
    }
    return b.build();
  }

  private static long startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The transcript fields in the index, or just those of the requested language. */
  private List<String> transcriptFields(IndexReader reader, String lang) {
    List<String> all = transcriptFields(reader);
    if (lang == null) {
      return all;
    }
    // a full tag (zh-Hans) means that track; a primary one (zh) every track of the language
    return all.stream().map(f -> Fields.languageOf(f))
        .filter(l -> l.equalsIgnoreCase(lang)
            || (!lang.contains("-") && Languages.primary(l).equals(Languages.primary(lang))))
        .map(Fields::text).toList();
  }

  /**
   * Every transcript field in the index. Merging the field infos of every segment costs as much as a
   * simple search, so it is done once per reader, not per request.
   */
  private List<String> transcriptFields(IndexReader reader) {
    Object key = reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey();
    TranscriptFields cached = transcriptFields;
    if (key != null && key == cached.readerKey()) {
      return cached.fields();
    }
    List<String> out = new ArrayList<>();
    for (FieldInfo fi : FieldInfos.getMergedFieldInfos(reader)) {
      if (fi.name.startsWith(Fields.TEXT_PREFIX)) {
        out.add(fi.name);
      }
    }
    out.sort(null);
    List<String> fields = List.copyOf(out);
    transcriptFields = new TranscriptFields(key, fields);
    return fields;
  }

  private static VideoHit hit(StoredFields stored, MomentFinder finder, ScoreDoc sd, int momentsPerVideo)
      throws IOException {
    Document d = stored.document(sd.doc, VideoCards.META);
    MomentFinder.Found moments = finder.find(sd.doc, stored, d.get(Fields.ID), momentsPerVideo);
    return VideoCards.card(d, Float.isNaN(sd.score) ? 0 : sd.score, moments.total(), moments.best());
  }

}
