package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.Languages;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Answers searches: ranks videos with BM25 over titles, chapters, descriptions and transcripts, then
 * finds the moments of each video on the page. Thread-safe; each search uses one view of the index,
 * so an index update never shows half-done. The same on every {@link KeywordIndex} backend.
 */
public final class SearchService {
  private final KeywordIndex index;
  private final Spelling spelling;

  public SearchService(KeywordIndex index) {
    this.index = index;
    this.spelling = new Spelling(index.analyzers());
  }

  /** The index searched. */
  public KeywordIndex index() {
    return index;
  }

  public SearchResponse search(SearchRequest request) throws IOException {
    long t0 = System.nanoTime();
    ParsedQuery parsed = QuerySyntax.parse(request.query());
    try (KeywordIndex.View view = index.view()) {
      LuceneQueries queries =
          new LuceneQueries(index.analyzers(), transcriptFields(view.transcriptFields(), request.lang()));
      int wanted = request.offset() + request.limit();
      KeywordIndex.Page top = view.top(filtered(queries.ranking(parsed), request),
          filtered(queries.matching(parsed), request), request.sort() == SearchRequest.Sort.DATE, wanted);
      MomentFinder finder = new MomentFinder(view, queries.moments(parsed), request.preferredLanguages());
      List<VideoHit> hits = new ArrayList<>();
      for (int i = request.offset(); i < top.hits().size(); i++) {
        KeywordIndex.Hit hit = top.hits().get(i);
        MomentFinder.Found moments = finder.find(hit, request.momentsPerVideo());
        hits.add(VideoCards.card(hit.meta(), hit.score(), moments.total(), moments.best()));
      }
      String suggestion = top.total() < request.limit() ? spelling.suggest(request.query(), parsed, view) : null;
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchResponse(request.query(), top.total(), took, hits, suggestion);
    }
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

  /** The transcript fields, or just those of the requested language. */
  private static List<String> transcriptFields(List<String> all, String lang) {
    if (lang == null) {
      return all;
    }
    // a full tag (zh-Hans) means that track; a primary one (zh) every track of the language
    return all.stream().map(Fields::languageOf)
        .filter(l -> l.equalsIgnoreCase(lang)
            || (!lang.contains("-") && Languages.primary(l).equals(Languages.primary(lang))))
        .map(Fields::text).toList();
  }
}
