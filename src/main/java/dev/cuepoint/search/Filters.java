package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A request's filters (video, playlist, language, dates), each a query that must match and does not
 * score; the same fields and meaning in the keyword and the passage index.
 */
final class Filters {
  private Filters() {}

  /** The filters of {@code r}, in a fixed order; none when it has none. */
  static List<SearchQuery> of(SearchRequest r) {
    List<SearchQuery> out = new ArrayList<>(4);
    if (r.videoId() != null) {
      out.add(new SearchQuery.Term(Fields.ID, r.videoId()));
    }
    if (r.playlist() != null) {
      out.add(new SearchQuery.Term(Fields.PLAYLIST, r.playlist()));
    }
    if (r.lang() != null) {
      // "zh" means every Chinese track (zh-Hans, zh-Hant…); "zh-Hans" just that one
      out.add(r.lang().contains("-")
          ? new SearchQuery.Term(Fields.LANG, r.lang())
          : new SearchQuery.Term(Fields.LANG_PRIMARY, Languages.primary(r.lang())));
    }
    if (r.from() != null || r.to() != null) {
      long from = r.from() == null ? Long.MIN_VALUE : startOfDay(r.from());
      long to = r.to() == null ? Long.MAX_VALUE : startOfDay(r.to().plusDays(1)) - 1;
      out.add(new SearchQuery.LongRange(Fields.PUBLISHED, from, to));
    }
    return out;
  }

  private static long startOfDay(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }
}
