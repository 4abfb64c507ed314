package dev.cuepoint.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Languages;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.VideoHit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real multilingual SRTs of 3Blue1Brown's neural-network videos (up to 30 languages each), all
 * indexed together: in each language, a quoted clause cut from inside a cue — and one running across
 * two cues — finds its video first, with a moment in that language within 2 s of the cue's start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultilingualSearchTest {
  /** Folder names of the data → language tags, as yt-dlp would name them. */
  static final Map<String, String> TAGS = Map.ofEntries(
      Map.entry("arabic", "ar"), Map.entry("bengali", "bn"), Map.entry("chinese", "zh-Hans"),
      Map.entry("czech", "cs"), Map.entry("english", "en"), Map.entry("french", "fr"),
      Map.entry("german", "de"), Map.entry("greek", "el"), Map.entry("hebrew", "he"),
      Map.entry("hindi", "hi"), Map.entry("hungarian", "hu"), Map.entry("indonesian", "id"),
      Map.entry("italian", "it"), Map.entry("japanese", "ja"), Map.entry("korean", "ko"),
      Map.entry("marathi", "mr"), Map.entry("persian", "fa"), Map.entry("polish", "pl"),
      Map.entry("portuguese", "pt-BR"), Map.entry("romanian", "ro"), Map.entry("russian", "ru"),
      Map.entry("spanish", "es"), Map.entry("tagalog", "tl"), Map.entry("tamil", "ta"),
      Map.entry("telugu", "te"), Map.entry("thai", "th"), Map.entry("turkish", "tr"),
      Map.entry("ukrainian", "uk"), Map.entry("urdu", "ur"), Map.entry("vietnamese", "vi"));

  static final int CLAUSES_PER_VIDEO = 6;

  @TempDir static Path tmp;
  SearchIndex index;
  SearchService search;
  final Map<String, Video> videos = new LinkedHashMap<>();

  @BeforeAll
  void indexAll() throws Exception {
    Path root = RealData.require("3b1b");
    videos.putAll(RealCorpus.multilingual(root));
    index = SearchIndex.open(tmp.resolve("lucene"));
    index.sync(CorpusSnapshot.inMemory(videos), false, null);
    search = new SearchService(index);
  }

  @AfterAll
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"zh-Hans", "ja", "ko", "ar", "he", "ru", "th", "hi", "fa", "de", "tr", "vi"})
  void quoted_clause_finds_its_video_and_cue(String lang) throws Exception {
    Random random = new Random(lang.hashCode());
    int asked = 0, found = 0;
    List<String> misses = new ArrayList<>();
    for (Video v : videos.values()) {
      Transcript t = indexed(v, lang);
      if (t == null || t.cues().size() < 10) {
        continue;
      }
      for (int k = 0; k < CLAUSES_PER_VIDEO; k++) {
        int i = random.nextInt(t.cues().size() - 1);
        boolean across = k == 0; // one clause per video runs from the end of a cue into the next
        String clause = across ? across(t.cues().get(i), t.cues().get(i + 1), lang) : inside(t.cues().get(i), lang);
        if (clause == null || !uniqueIn(clause, v, lang)) {
          continue;
        }
        asked++;
        long cueStart = t.cues().get(i).startMs();
        SearchResponse r = search.search(new SearchRequest("\"" + clause + "\"", 3, 0, null, null, null, null,
            null, 100));
        VideoHit first = r.results().isEmpty() ? null : r.results().getFirst();
        boolean ok = first != null && first.videoId().equals(v.id())
            && first.moments().stream().anyMatch(m -> lang.equals(m.lang()) && at(m, cueStart));
        if (ok) {
          found++;
        } else {
          misses.add((across ? "across " : "") + "\"" + clause + "\" cue " + cueStart / 1000.0 + " s in " + v.id() + " -> "
              + (first == null ? "nothing" : first.videoId() + " " + first.moments().stream().map(Moment::start).toList()));
        }
      }
    }
    System.out.printf("%s: %d/%d quoted clauses found at their cue%n", lang, found, asked);
    misses.stream().limit(5).forEach(m -> System.out.println("  miss: " + m));
    assertTrue(asked >= 10, lang + ": too few clauses sampled: " + asked);
    assertEquals(asked, found, lang + " misses: " + misses);
  }

  /**
   * Whether a moment starts within 2 s of the cue, or — when the same clause was also said a few
   * seconds earlier and both make one moment — spans it.
   */
  static boolean at(Moment m, long cueStartMs) {
    double cue = cueStartMs / 1000.0;
    return Math.abs(m.start() - cue) <= 2 || (m.start() <= cue && m.end() + 2 >= cue);
  }

  /** The transcript of a language that the index searches: people's over automatic ones. */
  static Transcript indexed(Video v, String lang) {
    Transcript auto = null;
    for (Transcript t : v.transcripts()) {
      if (t.language().equals(lang)) {
        if (t.kind() == Transcript.Kind.MANUAL) {
          return t;
        }
        auto = t;
      }
    }
    return auto;
  }

  /** A clause from inside a cue: its words but the first and last, or its middle characters. */
  static String inside(Cue c, String lang) {
    String text = c.text();
    if (Languages.isUnspaced(lang)) {
      int n = text.codePointCount(0, text.length());
      if (n < 10) {
        return null;
      }
      int from = text.offsetByCodePoints(0, n / 5);
      int to = text.offsetByCodePoints(0, n - n / 5);
      return clean(text.substring(from, to));
    }
    String[] words = text.split(" ");
    if (words.length < 5) {
      return null;
    }
    return clean(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length - 1)));
  }

  /** A clause from the end of one cue into the start of the next. */
  static String across(Cue a, Cue b, String lang) {
    if (Languages.isUnspaced(lang)) {
      String x = a.text(), y = b.text();
      if (x.length() < 6 || y.length() < 6) {
        return null;
      }
      return clean(x.substring(x.length() - 4) + y.substring(0, 4));
    }
    String[] x = a.text().split(" "), y = b.text().split(" ");
    if (x.length < 3 || y.length < 3) {
      return null;
    }
    return clean(x[x.length - 2] + " " + x[x.length - 1] + " " + y[0] + " " + y[1]);
  }

  /** Quotes inside a clause would end the phrase early: drop them. */
  static String clean(String s) {
    String c = s.replace("\"", " ").replace("“", " ").replace("”", " ").strip();
    return c.codePoints().filter(Character::isLetterOrDigit).count() >= 4 ? c : null;
  }

  /** Whether no other video says the clause in this language (compared without spaces or case). */
  boolean uniqueIn(String clause, Video owner, String lang) {
    String needle = squash(clause);
    for (Video v : videos.values()) {
      Transcript t = indexed(v, lang);
      if (v != owner && t != null && squash(String.join("", t.cues().stream().map(Cue::text).toList())).contains(needle)) {
        return false;
      }
    }
    return true;
  }

  private static String squash(String s) {
    StringBuilder b = new StringBuilder();
    s.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }
}
