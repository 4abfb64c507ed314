package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchQuery;
import dev.cuepoint.index.StoredValues;
import dev.cuepoint.index.TimeMap;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The matches in one stored text, as parallel arrays: a common word can match hundreds of times in
   * a video, and only a handful of its moments are shown, so matches are not objects.
   */
  private static final class Matches {
    final String field;
    int[] starts = new int[8];
    int[] ends = new int[8];
    long[] groups = new long[8];
    int size;
    // after within and dedupe, filled by read()
    String text;
    TimeMap times;
    String lang;
    String source;
    String kind;
    int sourceRank;
    int langRank;

    Matches(String field) {
      this.field = field;
    }

    void add(int start, int end, long group) {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
        groups = Arrays.copyOf(groups, size * 2);
      }
      starts[size] = start;
      ends[size] = end;
      groups[size++] = group;
    }

    /**
     * Keeps the matches that end within the text, sorted by start; a match starting where another
     * starts is the same match found twice (in another field, or for another group): one is kept,
     * the longest, with the groups of all.
     */
    void withinAndDedupe(int length) {
      long[] keys = new long[size];
      int n = 0;
      boolean sorted = true;
      int lastStart = Integer.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        if (ends[i] <= length) {
          keys[n++] = ((long) starts[i] << 32) | i;
          sorted &= starts[i] >= lastStart;
          lastStart = starts[i];
        }
      }
      if (!sorted) {
        Arrays.sort(keys, 0, n); // starts are >= 0: by start, then by position in the list
      }
      int[] s = new int[n];
      int[] e = new int[n];
      long[] g = new long[n];
      int m = 0;
      for (int k = 0; k < n; k++) {
        int i = (int) keys[k];
        if (m > 0 && s[m - 1] == starts[i]) {
          e[m - 1] = Math.max(e[m - 1], ends[i]);
          g[m - 1] |= groups[i];
        } else {
          s[m] = starts[i];
          e[m] = ends[i];
          g[m++] = groups[i];
        }
      }
      starts = s;
      ends = e;
      groups = g;
      size = m;
    }
  }

  /**
   * The moments of one video: all are found, clustered and ranked, but only the best {@code limit}
   * get a snippet, the costly part when a common word is said hundreds of times in a video.
   */
  Found find(KeywordIndex.Hit hit, int limit) throws IOException {
    List<KeywordIndex.Span> matched = view.spans(hit, groups);
    if (matched.isEmpty()) {
      return new Found(0, List.of(), false);
    }
    long covered = 0;
    // matches in text.<lang> and grams.<lang> are offsets into the same stored text: one list each
    Map<String, Matches> byText = new LinkedHashMap<>();
    String lastField = null;
    Matches last = null;
    for (KeywordIndex.Span m : matched) {
      if (!m.field().equals(lastField)) { // matches come field by field: one look-up per run
        lastField = m.field();
        String lang = Fields.transcriptLanguageOf(lastField);
        String textField = lang == null ? lastField : Fields.text(lang);
        last = byText.computeIfAbsent(textField, Matches::new);
      }
      last.add(m.start(), m.end(), m.groups());
      covered |= m.groups();
    }
    // only the texts and time maps that matched are read: a video may have thirty transcripts
    StoredValues stored = view.stored(hit, storedFieldsFor(byText.keySet()));
    List<Matches> texts = new ArrayList<>(byText.size());
    int bestPreference = Integer.MAX_VALUE;
    for (Matches t : byText.values()) {
      String field = t.field;
      String text = view.text(hit, stored, field);
      if (text == null) {
        continue;
      }
      t.withinAndDedupe(text.length());
      if (t.size == 0) {
        continue;
      }
      t.text = text;
      t.lang = Fields.languageOf(field);
      t.times = view.timeMap(hit, stored, field);
      t.source = t.lang != null ? "transcript" : field.equals(Fields.CHAPTERS) ? "chapter" : "title";
      t.sourceRank = t.lang != null ? 0 : field.equals(Fields.CHAPTERS) ? 1 : 2;
      t.kind = t.lang == null ? null : stored.get(Fields.kind(t.lang));
      if (t.lang != null && !preferred.isEmpty()) {
        t.langRank = preference(t.lang);
        bestPreference = Math.min(bestPreference, t.langRank);
      }
      texts.add(t);
    }
    languageRanks(texts, bestPreference == Integer.MAX_VALUE ? 0 : bestPreference);
    List<Ranked> found = new ArrayList<>();
    for (Matches t : texts) {
      cluster(t, found);
    }
    // the card's fields come with the texts above (one read of the video's stored fields)
    String videoId = hit.meta().get(Fields.ID);
    List<Ranked> top = first(found, limit, MomentFinder::compare);
    List<Moment> best = new ArrayList<>(top.size());
    for (Ranked r : top) {
      best.add(r.moment(videoId));
    }
    return new Found(found.size(), best, (covered & all) == all);
  }

  /**
   * With preferred languages: moments in the most preferred language the video has come first, then
   * title and chapter matches, then the other preferred languages in order, then the rest.
   */
  private void languageRanks(List<Matches> texts, int best) {
    for (Matches t : texts) {
      t.langRank = preferred.isEmpty() ? 0 : t.lang == null ? 2 * best + 1 : 2 * t.langRank;
    }
  }

  /**
   * The order of moments: preferred language ({@link #languageRanks}), then more distinct matched
   * words, then transcript before chapter before title, then more matches, then earlier.
   */
  private static int compare(Ranked a, Ranked b) {
    int c = Integer.compare(a.in.langRank, b.in.langRank);
    if (c == 0) {
      c = Integer.compare(b.distinctTerms, a.distinctTerms);
    }
    if (c == 0) {
      c = Integer.compare(a.in.sourceRank, b.in.sourceRank);
    }
    if (c == 0) {
      c = Integer.compare(b.matchCount(), a.matchCount());
    }
    return c != 0 ? c : Long.compare(a.startMs, b.startMs);
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

  /** A moment before its snippet is cut: matches {@code [from, to)} of a text, and what ranking needs. */
  private record Ranked(Matches in, int from, int to, long startMs, int distinctTerms, String match) {
    int matchCount() {
      return to - from;
    }

    Moment moment(String videoId) {
      List<int[]> cluster = new ArrayList<>(to - from);
      int lastEnd = in.ends[from];
      for (int i = from; i < to; i++) {
        cluster.add(new int[] {in.starts[i], in.ends[i]});
        lastEnd = Math.max(lastEnd, in.ends[i]);
      }
      int first = in.starts[from];
      TimeMap times = in.times;
      String text = in.text;
      long endMs = times == null ? 0 : Math.max(startMs, times.endAt(Math.max(first, lastEnd - 1)));
      Snippets.Snippet snippet = switch (in.sourceRank) {
        case 0 -> Snippets.around(text, cluster);
        case 1 -> chapterSnippet(text, cluster, times);
        default -> whole(text, 0, text.length(), cluster);
      };
      return new Moment(startMs / 1000.0, endMs / 1000.0, Links.watch(videoId, startMs), snippet.text(),
          snippet.highlights(), in.lang, in.source, in.kind, match);
    }
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

  /**
   * Nearby matches of a text (closer than {@link #MERGE_WITHIN_MS} in time, and {@link #MAX_SPAN_CHARS}
   * in text from the first) make one moment each.
   */
  private void cluster(Matches t, List<Ranked> out) {
    TimeMap times = t.times;
    int from = 0;
    long firstTime = 0;
    long lastTime = 0;
    for (int i = 0; i < t.size; i++) {
      long time = times == null ? 0 : times.timeAt(t.starts[i]);
      if (i == 0) {
        firstTime = time;
      } else if (time - lastTime > MERGE_WITHIN_MS || t.starts[i] - t.starts[from] > MAX_SPAN_CHARS) {
        out.add(ranked(t, from, i, firstTime));
        from = i;
        firstTime = time;
      }
      lastTime = time;
    }
    out.add(ranked(t, from, t.size, firstTime));
  }

  private Ranked ranked(Matches t, int from, int to, long startMs) {
    long covered = 0;
    for (int i = from; i < to; i++) {
      covered |= t.groups[i];
    }
    // whether the moment's matches, together, cover every group of the query
    String match = (covered & all) == all ? Moment.WORDS : Moment.SOME_WORDS;
    return new Ranked(t, from, to, startMs, distinctWords(t, from, to), match);
  }

  /**
   * How many different words (compared in lower case) matches {@code [from, to)} are. Most moments
   * are one match, and the rest a few words said again: each is compared with the distinct ones
   * found so far, without making strings when the words are ASCII.
   */
  private static int distinctWords(Matches t, int from, int to) {
    if (to - from == 1) {
      return 1;
    }
    int[] distinct = new int[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      boolean seen = false;
      for (int k = 0; k < n && !seen; k++) {
        seen = sameWord(t.text, t.starts[distinct[k]], t.ends[distinct[k]], t.starts[i], t.ends[i]);
      }
      if (!seen) {
        distinct[n++] = i;
      }
    }
    return n;
  }

  /** Whether {@code text[a, aEnd)} and {@code text[b, bEnd)} are the same in lower case (Locale.ROOT). */
  static boolean sameWord(String text, int a, int aEnd, int b, int bEnd) {
    int length = aEnd - a;
    if (length > 0 && bEnd > b) {
      char x = text.charAt(a);
      char y = text.charAt(b);
      if (x != y && x < 0x80 && y < 0x80 && lowerAscii(x) != lowerAscii(y)) {
        return false; // an ASCII first letter is the first letter of the lower case, whatever follows
      }
    }
    if (length == bEnd - b) {
      boolean identical = true;
      boolean ascii = true;
      int i = 0;
      for (; i < length; i++) {
        char x = text.charAt(a + i);
        char y = text.charAt(b + i);
        if (x == y) {
          ascii &= x < 0x80;
        } else if (x < 0x80 && y < 0x80 && lowerAscii(x) == lowerAscii(y)) {
          identical = false;
        } else {
          break;
        }
      }
      if (i == length && (identical || ascii)) {
        return true;
      }
      if (i < length && ascii && ascii(text, a + i, aEnd) && ascii(text, b + i, bEnd)) {
        return false;
      }
    } else if (ascii(text, a, aEnd) && ascii(text, b, bEnd)) {
      return false; // ASCII keeps its length in lower case
    }
    // lower case may change the length or depend on the letters around (final sigma)
    return text.substring(a, aEnd).toLowerCase(Locale.ROOT).equals(text.substring(b, bEnd).toLowerCase(Locale.ROOT));
  }

  private static boolean ascii(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
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
