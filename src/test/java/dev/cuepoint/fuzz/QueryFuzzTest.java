package dev.cuepoint.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.InvalidQueryException;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.QuerySyntax;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.VideoHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the query language and the whole search behind it: {@code QuerySyntax.parse}, then
 * {@code SearchService.search} on a small index in several languages (English, German, Japanese,
 * Chinese, Korean, Arabic). Any query either answers within {@link Bounded#PER_CALL} with at most the
 * page asked for, or is refused with {@link InvalidQueryException} saying why; nothing else escapes.
 * The input's first byte picks the options (language filter, sort, preferred language); the rest is
 * the query, as UTF-8.
 */
class QueryFuzzTest {
  static final Path DIR;
  static final SearchIndex INDEX;
  static final SearchService SEARCH;
  static final List<String> LANGS = List.of("", "en", "de", "ja", "zh", "ko", "ar", "x-bogus");

  static {
    try {
      DIR = Files.createTempDirectory("cuepoint-fuzz-query");
      INDEX = SearchIndex.open(DIR.resolve("lucene"));
      INDEX.sync(corpus(), false, null);
      SEARCH = new SearchService(INDEX);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CorpusSnapshot corpus() {
    Map<String, Video> videos = new LinkedHashMap<>();
    List<Object[]> lectures = List.of(
        new Object[] {"en", "Spike-timing-dependent plasticity", List.of(
            "Today we talk about spike timing", "dependent plasticity, or STDP for short.",
            "A neuron fires when its membrane potential crosses threshold.", "C++ and e-mail: 3.14 % of O'Brien's")},
        new Object[] {"de", "Schrödinger und die Quanten", List.of(
            "Die Schrödinger Gleichung beschreibt Wellen.", "Straße, Maß und Fußgängerübergänge")},
        new Object[] {"ja", "神経科学の講義", List.of("ニューロンは閾値を超えると発火します。", "シナプス可塑性について")},
        new Object[] {"zh", "神经科学讲座", List.of("神经元在膜电位超过阈值时放电。", "突触可塑性")},
        new Object[] {"ko", "신경과학 강의", List.of("뉴런은 막전위가 역치를 넘으면 발화합니다.")},
        new Object[] {"ar", "علم الأعصاب", List.of("تطلق الخلية العصبية عندما يتجاوز جهد الغشاء العتبة.")});
    int n = 0;
    for (Object[] l : lectures) {
      String lang = (String) l[0];
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) l[2];
      List<Cue> cues = new java.util.ArrayList<>();
      long t = 1_000;
      for (String line : lines) {
        cues.add(new Cue(t, t + 3_000, line, n % 2 == 0 ? List.of() : words(t, line)));
        t += 3_000;
      }
      String id = String.format("fuzzVideo%02d", n++);
      videos.put(id, new Video(id, (String) l[1], "About " + l[1], "Fuzz channel", "UCfuzz",
          Instant.parse("2022-01-01T00:00:00Z").plusSeconds(86_400L * n), 600, null, lang,
          List.of(new Chapter(0, "Introduction"), new Chapter(3_000, (String) l[1])), List.of(),
          List.of(new Transcript(lang, n % 2 == 0 ? Transcript.Kind.AUTO : Transcript.Kind.MANUAL, "fuzz", cues))));
    }
    return new CorpusSnapshot() {
      @Override
      public Map<String, String> fingerprints() {
        Map<String, String> f = new LinkedHashMap<>();
        videos.forEach((id, v) -> f.put(id, Integer.toHexString(v.hashCode())));
        return f;
      }

      @Override
      public Video load(String id) {
        return videos.get(id);
      }
    };
  }

  private static List<Word> words(long start, String line) {
    List<Word> out = new java.util.ArrayList<>();
    String[] parts = line.split(" ");
    for (int i = 0; i < parts.length; i++) {
      out.add(new Word(start + i * 200L, parts[i]));
    }
    return out;
  }

  static Stream<Arguments> seeds() {
    return Stream.of(
            "spike timing", "\"spike timing\"", "neuro*", "n?uron", "plastisity~", "plastisity~1", "-dopamine stdp",
            "stdp OR hebbian", "title:plasticity", "chapter:\"the model\"", "channel:fuzz", "description:about",
            "transcript:threshold", "said:(membrane", "Schrödinger", "strasse", "ニューロン", "神经元", "뉴런",
            "الخلية", "C++", "e-mail", "O'Brien's", "3.14", "*", "\"\"", "a*b?c*", "((((", "title:", "OR OR OR",
            "\"unclosed phrase", "x~9", "~", "\u0000", "\ud800",
            // long ones, so that the fuzzer also tries inputs of this size (it mutates up to the
            // longest seed): the shapes the hostile-HTTP table found slow
            "\uFDFA".repeat(50), ("plast" + "icity".repeat(2) + "~2 ").repeat(2) + "sy* de* ne* ax* my* gl*", "*a?i*t? ".repeat(8),
            "neuron~ OR ".repeat(20) + "s*", "\"" + "spike timing ".repeat(70) + "\"", "(".repeat(400) + "a")
        .flatMap(q -> Stream.of((byte) 0, (byte) 0x2B, (byte) 0x93).map(opt -> {
          byte[] text = q.getBytes(UTF_8);
          byte[] input = new byte[text.length + 1];
          input[0] = opt;
          System.arraycopy(text, 0, input, 1, text.length);
          return Arguments.of((Object) input);
        }));
  }

  @AfterAll
  static void close() throws IOException {
    INDEX.close();
  }

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "5s")
  void any_query_is_answered_or_refused_with_a_reason(byte[] input) throws Exception {
    int options = input.length == 0 ? 0 : input[0] & 0xFF;
    String query = input.length == 0 ? "" : new String(input, 1, input.length - 1, UTF_8);
    String lang = LANGS.get(options & 7);
    SearchRequest.Sort sort = (options & 8) == 0 ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.DATE;
    List<String> preferred = (options & 16) == 0 ? List.of() : List.of(LANGS.get((options >> 5) & 7));
    int limit = 1 + (options >> 6);
    try {
      Bounded.call("parsing the query", () -> QuerySyntax.parse(query));
    } catch (InvalidQueryException e) {
      checkMessage(e);
    }
    SearchResponse r;
    try {
      r = Bounded.call("searching", () -> SEARCH.search(
          new SearchRequest(query, limit, 0, null, lang, null, null, sort, 3, preferred)));
    } catch (InvalidQueryException e) {
      checkMessage(e);
      return;
    }
    if (r.results().size() > limit || r.total() < r.results().size()) {
      throw new AssertionError("page of " + r.results().size() + " for limit " + limit + ", total " + r.total());
    }
    for (VideoHit hit : r.results()) {
      if (hit.moments().size() > 3) {
        throw new AssertionError(hit.moments().size() + " moments for at most 3");
      }
      for (Moment m : hit.moments()) {
        for (int[] h : m.highlights()) {
          if (h[0] < 0 || h[0] > h[1] || h[1] > m.text().length()) {
            throw new AssertionError("highlight [" + h[0] + ", " + h[1] + "] outside '" + m.text() + "'");
          }
        }
      }
    }
  }

  private static void checkMessage(InvalidQueryException e) {
    if (e.getMessage() == null || e.getMessage().isBlank()) {
      throw new AssertionError("a refused query must say why", e);
    }
  }
}
