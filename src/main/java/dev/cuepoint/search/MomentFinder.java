package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.StoredValues;
import dev.cuepoint.index.TimeMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the moments of one video: every match of the query in its transcripts, chapter titles and
 * title, mapped from character offsets to time, with nearby matches merged into one moment. A moment
 * whose matches cover every required group of the query is a {@value Moment#WORDS} moment, one with
 * only some a {@value Moment#SOME_WORDS} moment.
 */
final class MomentFinder {
  /** Matches closer than this in time (and {@link #MAX_SPAN_CHARS} in text) make one moment. */
  static final long MERGE_WITHIN_MS = 5_000;

  static final int MAX_SPAN_CHARS = 200;

  private final KeywordIndex.View view;
  private final List<SearchQuery> groups;
  /** The bits of every group. */
  private final long all;

  private final List<String> preferred;

  /**
   * @param groups one query per required group of the search ({@link KeywordQueries#moments}): the
   *     matches of any are the moments
   * @param preferred language tags whose moments come first, most preferred first
   */
  MomentFinder(KeywordIndex.View view, List<SearchQuery> groups, List<String> preferred) {
    if (groups.size() > Long.SIZE) {
      throw new IllegalArgumentException("at most " + Long.SIZE + " groups, got " + groups.size());
    }
    this.view = view;
    this.groups = List.copyOf(groups);
    this.all = groups.size() == Long.SIZE ? -1L : (1L << groups.size()) - 1;
    this.preferred = preferred.stream().map(Languages::primary).distinct().toList();
  }

  /**
   * How many moments a video has, and the best of them, best first; {@code everyGroup} when its
   * matches, all of them together, cover every required group.
   */
  record Found(int total, List<Moment> best, boolean everyGroup) {}

  /** A match: characters {@code [start, end)} of a text, and the groups of the query it is of. */
  private record Span(int start, int end, long groups) {}

  /**
   * The moments of one video: all are found, clustered and ranked, but only the best {@code limit}
   * get a snippet, the costly part when a common word is said hundreds of times in a video.
   */
  Found find(KeywordIndex.Hit hit, int limit) throws IOException {
    List<KeywordIndex.Span> matched = view.spans(hit, groups);
    List<Ranked> found = new ArrayList<>();
    if (matched.isEmpty()) {
      return new Found(0, List.of(), false);
    }
    long covered = 0;
    // matches in text.<lang> and grams.<lang> are offsets into the same stored text: one list each
    Map<String, List<Span>> byText = new LinkedHashMap<>();
    for (KeywordIndex.Span m : matched) {
      String lang = Fields.transcriptLanguageOf(m.field());
      String textField = lang == null ? m.field() : Fields.text(lang);
      byText.computeIfAbsent(textField, f -> new ArrayList<>()).add(new Span(m.start(), m.end(), m.groups()));
      covered |= m.groups();
    }
    // only the texts and time maps that matched are read: a video may have thirty transcripts
    StoredValues stored = view.stored(hit, storedFieldsFor(byText.keySet()));
    for (Map.Entry<String, List<Span>> e : byText.entrySet()) {
      String field = e.getKey();
      String text = view.text(hit, stored, field);
      List<Span> spans = text == null ? List.of() : dedupe(within(e.getValue(), text.length()));
      if (spans.isEmpty()) {
        continue;
      }
      String lang = Fields.languageOf(field);
      TimeMap times = view.timeMap(hit, stored, field);
      String source = lang != null ? "transcript" : field.equals(Fields.CHAPTERS) ? "chapter" : "title";
      String kind = lang == null ? null : stored.get(Fields.kind(lang));
      for (List<Span> cluster : cluster(spans, times)) {
        found.add(ranked(text, cluster, times, lang, source, kind, match(cluster)));
      }
    }
    Comparator<Ranked> order = byLanguage(found)
        .thenComparing(Comparator.comparingInt(Ranked::distinctTerms).reversed())
        .thenComparingInt(Ranked::sourceRank)
        .thenComparing(Comparator.comparingInt(Ranked::matchCount).reversed())
        .thenComparingLong(Ranked::startMs);
    // the card's fields come with the texts above (one read of the video's stored fields)
    String videoId = hit.meta().get(Fields.ID);
    List<Moment> best = new ArrayList<>(Math.min(limit, found.size()));
    for (Ranked r : first(found, limit, order)) {
      best.add(r.moment(videoId));
    }
    return new Found(found.size(), best, (covered & all) == all);
  }

  /** Whether a moment's matches, together, cover every group of the query. */
  private String match(List<Span> cluster) {
    long covered = 0;
    for (Span s : cluster) {
      covered |= s.groups();
    }
    return (covered & all) == all ? Moment.WORDS : Moment.SOME_WORDS;
  }

  /**
   * The first {@code limit} of {@code all} in {@code order}, equal ones in their original order (as a
   * stable sort would have them), without sorting the rest: a common word can make hundreds of
   * moments in one video, of which five are shown.
   */
  static <T> List<T> first(List<T> all, int limit, Comparator<? super T> order) {
    if (limit <= 0) {
      return List.of();
    }
    List<T> top = new ArrayList<>(Math.min(limit, all.size()) + 1);
    for (T x : all) {
      if (top.size() == limit && order.compare(x, top.getLast()) >= 0) {
        continue;
      }
      int lo = 0;
      int hi = top.size();
      while (lo < hi) { // after every element that is not greater: equal ones keep their order
        int mid = (lo + hi) >>> 1;
        if (order.compare(top.get(mid), x) <= 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      top.add(lo, x);
      if (top.size() > limit) {
        top.removeLast();
      }
    }
    return top;
  }

  /** A moment before its snippet is cut: what ranking needs, and what making the moment needs. */
  private record Ranked(
      String text, List<int[]> cluster, TimeMap times, String lang, String source, String kind, String match,
      long startMs, int distinctTerms, int matchCount, int sourceRank) {

    Moment moment(String videoId) {
      int first = cluster.getFirst()[0];
      int lastEnd = cluster.stream().mapToInt(s -> s[1]).max().orElse(first);
      long endMs = times == null ? 0 : Math.max(startMs, times.endAt(Math.max(first, lastEnd - 1)));
      Snippets.Snippet snippet =
          "transcript".equals(source)
              ? Snippets.around(text, cluster)
              : "chapter".equals(source) ? chapterSnippet(text, cluster, times) : whole(text, 0, text.length(), cluster);
      return new Moment(startMs / 1000.0, endMs / 1000.0, Links.watch(videoId, startMs), snippet.text(),
          snippet.highlights(), lang, source, kind, match);
    }
  }

  /**
   * With preferred languages: moments in the most preferred language the video has come first, then
   * title and chapter matches, then the other preferred languages in order, then the rest.
   */
  private Comparator<Ranked> byLanguage(List<Ranked> found) {
    if (preferred.isEmpty()) {
      return Comparator.comparingInt(r -> 0);
    }
    int best = found.stream().map(Ranked::lang).filter(java.util.Objects::nonNull)
        .mapToInt(this::preference).min().orElse(0);
    return Comparator.comparingInt(r -> r.lang() == null ? 2 * best + 1 : 2 * preference(r.lang()));
  }

  private int preference(String lang) {
    int i = preferred.indexOf(Languages.primary(lang));
    return i < 0 ? preferred.size() : i;
  }

  private static Set<String> storedFieldsFor(Set<String> textFields) {
    Set<String> out = new HashSet<>();
    for (String f : textFields) {
      out.add(f);
      String lang = Fields.languageOf(f);
      if (lang != null) {
        out.add(Fields.transcript(lang));
        out.add(Fields.times(lang));
        out.add(Fields.kind(lang));
      } else if (f.equals(Fields.CHAPTERS)) {
        out.add(Fields.CHAPTER_TIMES);
      }
    }
    return out;
  }

  /** The spans that end within the text. */
  private static List<Span> within(List<Span> spans, int length) {
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (s.end() <= length) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Sorted by start; a span starting where a previous one starts is the same match found twice (in
   * another field, or for another group: the groups of both count).
   */
  private static List<Span> dedupe(List<Span> spans) {
    spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(s -> -s.end()));
    List<Span> out = new ArrayList<>(spans.size());
    for (Span s : spans) {
      if (!out.isEmpty() && out.getLast().start() == s.start()) {
        Span kept = out.getLast();
        if ((kept.groups() | s.groups()) != kept.groups()) {
          out.set(out.size() - 1, new Span(kept.start(), kept.end(), kept.groups() | s.groups()));
        }
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static List<List<Span>> cluster(List<Span> spans, TimeMap times) {
    List<List<Span>> out = new ArrayList<>();
    List<Span> current = null;
    long lastTime = 0;
    for (Span s : spans) {
      long t = times == null ? 0 : times.timeAt(s.start());
      if (current == null
          || t - lastTime > MERGE_WITHIN_MS
          || s.start() - current.getFirst().start() > MAX_SPAN_CHARS) {
        current = new ArrayList<>();
        out.add(current);
      }
      current.add(s);
      lastTime = t;
    }
    return out;
  }

  private static Ranked ranked(
      String text, List<Span> spans, TimeMap times, String lang, String source, String kind, String match) {
    List<int[]> cluster = new ArrayList<>(spans.size());
    for (Span s : spans) {
      cluster.add(new int[] {s.start(), s.end()});
    }
    long startMs = times == null ? 0 : times.timeAt(cluster.getFirst()[0]);
    int distinct = 1; // most moments are one match: no words to compare
    if (cluster.size() > 1) {
      Set<String> words = new HashSet<>();
      for (int[] s : cluster) {
        words.add(text.substring(s[0], s[1]).toLowerCase(Locale.ROOT));
      }
      distinct = words.size();
    }
    int sourceRank = switch (source) {
      case "transcript" -> 0;
      case "chapter" -> 1;
      default -> 2;
    };
    return new Ranked(text, cluster, times, lang, source, kind, match, startMs, distinct, cluster.size(), sourceRank);
  }

  /** The one chapter title holding the first match. */
  private static Snippets.Snippet chapterSnippet(String text, List<int[]> cluster, TimeMap times) {
    int first = cluster.getFirst()[0];
    int from = times == null ? 0 : times.unitStart(first);
    int to = times == null ? text.length() : times.nextUnitStart(first);
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    return whole(text, from, to, cluster);
  }

  private static Snippets.Snippet whole(String text, int from, int to, List<int[]> cluster) {
    List<int[]> marks = new ArrayList<>();
    for (int[] s : cluster) {
      int a = Math.max(s[0], from) - from;
      int b = Math.min(s[1], to) - from;
      if (b > a) {
        marks.add(new int[] {a, b});
      }
    }
    return new Snippets.Snippet(text.substring(from, to), marks);
  }
}
