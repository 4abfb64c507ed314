package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.SearchQuery.Occur;
import dev.cuepoint.search.QuerySyntax.ParsedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
      KeywordQueries queries =
          new KeywordQueries(index.analyzers(), transcriptFields(view.transcriptFields(), request.lang()));
      int wanted = request.offset() + request.limit();
      KeywordIndex.Page top = view.top(filtered(queries.ranking(parsed), request),
          filtered(queries.matching(parsed), request), request.sort() == SearchRequest.Sort.DATE, wanted);
      MomentFinder finder = new MomentFinder(view, queries.moments(parsed), request.preferredLanguages());
      List<KeywordIndex.Hit> page = top.hits().subList(Math.min(request.offset(), top.hits().size()), top.hits().size());
      List<MomentFinder.Found> found = new ArrayList<>(page.size());
      for (KeywordIndex.Hit hit : page) {
        found.add(finder.find(hit, request.momentsPerVideo()));
      }
      WordMatches words = parsed.required().size() <= 1
          ? new WordMatches(top.total(), null) // the one group is what every video matched
          : wordMatches(view, filtered(queries.everyGroup(parsed), request), page, found);
      List<VideoHit> hits = new ArrayList<>(page.size());
      for (int i = 0; i < page.size(); i++) {
        KeywordIndex.Hit hit = page.get(i);
        MomentFinder.Found moments = found.get(i);
        String match = words.holding() == null || words.holding().get(i) ? Moment.WORDS : Moment.SOME_WORDS;
        hits.add(VideoCards.card(hit.meta(), hit.score(), moments.total(), moments.best(), match));
      }
      String suggestion = top.total() < request.limit() ? spelling.suggest(request.query(), parsed, view) : null;
      long took = (System.nanoTime() - t0) / 1_000_000;
      return new SearchResponse(request.query(), top.total(), took, hits, suggestion, "keyword", words.count());
    }
  }

  /**
   * How many videos hold every required group, and which of a page's do ({@code holding}, by position
   * on the page; null when all do).
   */
  private record WordMatches(long count, List<Boolean> holding) {}

  /**
   * One count of the videos holding every group. A video on the page holds them all when its moments
   * cover every group; the others may still hold them, their missing words in the description or the
   * channel's name (which have no moments): one more count, of just those videos, settles it — and
   * only when it says some but not all of them do, one count per video.
   */
  private static WordMatches wordMatches(KeywordIndex.View view, SearchQuery everyGroup, List<KeywordIndex.Hit> page,
      List<MomentFinder.Found> found) throws IOException {
    long count = view.count(everyGroup);
    List<Boolean> holding = new ArrayList<>(page.size());
    List<Integer> unsure = new ArrayList<>();
    for (int i = 0; i < page.size(); i++) {
      boolean covered = found.get(i).everyGroup();
      holding.add(covered);
      if (!covered && count > 0) {
        unsure.add(i);
      }
    }
    if (unsure.isEmpty()) {
      return new WordMatches(count, holding);
    }
    int holdingAll = unsure.size() == 1 ? -1 : view.count(among(everyGroup, page, unsure));
    if (holdingAll == unsure.size()) {
      unsure.forEach(i -> holding.set(i, true));
    } else if (holdingAll != 0) {
      for (int i : unsure) {
        holding.set(i, view.count(among(everyGroup, page, List.of(i))) > 0);
      }
    }
    return new WordMatches(count, holding);
  }

  /** {@code query} restricted to the page's videos at {@code positions}. */
  private static SearchQuery among(SearchQuery query, List<KeywordIndex.Hit> page, List<Integer> positions) {
    SearchQuery.BoolBuilder ids = SearchQuery.bool();
    for (int i : positions) {
      ids.add(new SearchQuery.Term(Fields.ID, page.get(i).meta().get(Fields.ID)), Occur.SHOULD);
    }
    return SearchQuery.bool().add(query, Occur.MUST).add(ids.build(), Occur.FILTER).build();
  }

  private static SearchQuery filtered(SearchQuery query, SearchRequest r) {
    List<SearchQuery> filters = Filters.of(r);
    if (filters.isEmpty()) {
      return query;
    }
    SearchQuery.BoolBuilder b = SearchQuery.bool().add(query, Occur.MUST);
    filters.forEach(f -> b.add(f, Occur.FILTER));
    return b.build();
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
