package dev.cuepoint.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.opensearch.OpenSearchIndex;
import dev.cuepoint.opensearch.OpenSearchSettings;
import dev.cuepoint.opensearch.TestCluster;
import dev.cuepoint.search.InvalidQueryException;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.Suggestions;
import dev.cuepoint.search.VideoHit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two backends answer alike: the real 3Blue1Brown corpus (135 English transcripts, and every
 * language of the multilingual videos) in the embedded index and in an OpenSearch index of two shards
 * with a replica each; a few hundred queries of every kind (words, phrases, prefixes, fuzzy words,
 * exclusions, fields, OR, common words, filters, date sort, other scripts) must give the same total,
 * the same videos in the same order (videos of equal score in either order), the same moments (times, snippets, marks), the same spelling
 * suggestion, and scores equal to a relative 1e-4; completions must be the same too.
 */
@Tag("opensearch")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendsAgreeTest {
  @TempDir static Path tmp;
  final Map<String, Video> videos = new LinkedHashMap<>();
  SearchIndex embedded;
  OpenSearchIndex cluster;

  @BeforeAll
  void indexBoth() throws Exception {
    Path root = RealData.require("3b1b");
    videos.putAll(RealCorpus.english(root));
    videos.putAll(RealCorpus.multilingual(root));
    long t0 = System.nanoTime();
    embedded = SearchIndex.open(tmp.resolve("lucene"));
    embedded.sync(CorpusSnapshot.inMemory(videos), false, null);
    OpenSearchSettings base = TestCluster.get().settings();
    cluster = OpenSearchIndex.open(new OpenSearchSettings(base.urls(), base.alias(), 1, 1, null, null));
    var r = cluster.sync(CorpusSnapshot.inMemory(videos), false, null);
    assertEquals(videos.size(), r.added(), r.summary());
    System.out.printf("indexed %d videos in both backends in %d ms (OpenSearch: %d ms)%n", videos.size(),
        (System.nanoTime() - t0) / 1_000_000, r.tookMs());
  }

  @AfterAll
  void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void every_query_gives_the_same_videos_moments_and_suggestions() throws Exception {
    SearchService one = new SearchService(embedded);
    SearchService two = new SearchService(cluster);
    List<SearchRequest> queries = queries();
    List<String> differences = new ArrayList<>();
    int withResults = 0;
    long[] nanos = new long[2];
    for (SearchRequest q : queries) {
      String a;
      String b;
      try {
        long t0 = System.nanoTime();
        SearchResponse ra = one.search(q);
        long t1 = System.nanoTime();
        SearchResponse rb = two.search(q);
        nanos[0] += t1 - t0;
        nanos[1] += System.nanoTime() - t1;
        withResults += ra.results().isEmpty() ? 0 : 1;
        a = describe(ra, q.limit());
        b = describe(rb, q.limit());
        String scores = scoresDiffer(ra, rb);
        if (scores != null) {
          differences.add(q.query() + ": " + scores);
        }
      } catch (InvalidQueryException e) {
        a = "invalid: " + e.getMessage();
        try {
          two.search(q);
          b = "answered";
        } catch (InvalidQueryException e2) {
          b = "invalid: " + e2.getMessage();
        }
      }
      if (!a.equals(b)) {
        differences.add(q.query() + " [" + q.sort() + " " + q.playlist() + " " + q.lang() + "]\n  embedded:   "
            + a + "\n  opensearch: " + b);
      }
    }
    System.out.printf("%d ms embedded, %d ms OpenSearch; ", nanos[0] / 1_000_000, nanos[1] / 1_000_000);
    System.out.printf("backends agree on %d of %d queries (%d with results)%n",
        queries.size() - differences.size(), queries.size(), withResults);
    assertTrue(queries.size() >= 300, "too few queries: " + queries.size());
    assertTrue(withResults >= 250, "too few queries with results: " + withResults);
    assertEquals(List.of(), differences);
  }

  @Test
  void completions_are_the_same() throws Exception {
    Suggestions one = new Suggestions(embedded);
    Suggestions two = new Suggestions(cluster);
    for (String typed : List.of("ne", "neur", "vect", "linear tra", "the fou", "eigen", "prob", "deriv",
        "gradient des", "zz", "matri", "fourier ser", "pi", "complex num")) {
      assertEquals(one.complete(typed, 8), two.complete(typed, 8), typed);
    }
  }

  /** The query mix: drawn from the transcripts with a fixed seed, plus hand-picked ones. */
  private List<SearchRequest> queries() {
    Random random = new Random(11);
    List<SearchRequest> out = new ArrayList<>();
    List<Video> all = new ArrayList<>(videos.values());
    for (String q : List.of("the", "and the", "\"the\"", "neural network", "\"neural network\"", "linear algebra",
        "fourier", "eigenvector OR eigenvalue", "derivative -integral", "title:calculus", "transcript:prime",
        "vect*", "matrx~", "probabilty~2", "pi", "e^x", "2.71828", "\"to be or not\"", "neuron",
        "quaternions", "the the the", "circle area", "holomorphic", "xylophonic zebra")) {
      out.add(SearchRequest.of(q));
    }
    for (int i = 0; i < 70; i++) {
      Video v = all.get(random.nextInt(all.size()));
      Transcript en = v.transcripts().stream().filter(t -> t.language().equals("en")).findFirst().orElse(null);
      if (en == null || en.cues().size() < 3) {
        continue;
      }
      Cue cue = en.cues().get(random.nextInt(en.cues().size()));
      List<String> words = words(cue.text());
      if (words.size() < 4) {
        continue;
      }
      int at = random.nextInt(words.size() - 3);
      String w = longest(words);
      out.add(SearchRequest.of(w));
      out.add(SearchRequest.of(words.get(at) + " " + words.get(at + 2)));
      out.add(SearchRequest.of("\"" + String.join(" ", words.subList(at, at + 4)) + "\""));
      if (w.length() >= 5) {
        out.add(SearchRequest.of(w.substring(0, 4) + "*"));
        out.add(SearchRequest.of(typo(w, random) + "~"));
      }
      out.add(SearchRequest.of(words.get(at) + " -" + words.get(at + 1)));
      out.add(new SearchRequest(w, 10, 0, null, null, null, null, SearchRequest.Sort.DATE, 5));
      out.add(new SearchRequest(w, 10, 0, v.playlists().getFirst().playlistId(), "en",
          LocalDate.of(2016, 1, 1), LocalDate.of(2022, 12, 31), null, 5));
    }
    for (Video v : all) {
      for (Transcript t : v.transcripts()) {
        if (t.language().equals("en") || random.nextInt(4) != 0 || t.cues().isEmpty()) {
          continue;
        }
        String text = t.cues().get(random.nextInt(t.cues().size())).text().strip();
        int cut = text.offsetByCodePoints(0, Math.min(text.codePointCount(0, text.length()), 8));
        out.add(new SearchRequest("\"" + text.substring(0, cut).replace("\"", "") + "\"", 10, 0, null, null, null, null,
            null, 5, List.of(t.language())));
      }
    }
    return out;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
      if (!w.isBlank() && !w.contains("'")) {
        out.add(w);
      }
    }
    return out;
  }

  private static String longest(List<String> words) {
    return words.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
  }

  private static String typo(String w, Random random) {
    int i = 1 + random.nextInt(w.length() - 2);
    char[] c = w.toCharArray();
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
    return new String(c);
  }

  /**
   * Everything a user sees but the scores (compared apart, with a tolerance) and the time taken. Videos
   * with equal scores have no order of their own (each index breaks ties by the order it happened to
   * write documents in): within a tie they are listed by id, and the last tie of a full page is
   * described by its size only (it may go on past the page, and each index may show other members).
   */
  private static String describe(SearchResponse r, int limit) {
    StringBuilder b = new StringBuilder("total=" + r.total() + " suggestion=" + r.suggestion());
    List<List<VideoHit>> ties = ties(r.results());
    for (int g = 0; g < ties.size(); g++) {
      List<VideoHit> tie = ties.get(g);
      if (g == ties.size() - 1 && r.results().size() == limit) {
        // the page may end inside a tie whose other members are not shown: which of them made the page
        // is the index's tie order; the scores at every rank are compared apart
        b.append(" | last ").append(tie.size()).append(" of a full page");
        continue;
      }
      for (VideoHit h : tie.stream().sorted(java.util.Comparator.comparing(VideoHit::videoId)).toList()) {
        b.append(" | ").append(h.videoId()).append(" ").append(h.momentsTotal()).append(" moments:");
        for (Moment m : h.moments()) {
          b.append(" ").append(m.start()).append("-").append(m.end()).append(" ").append(m.lang()).append(" ")
              .append(m.text().length()).append(" chars ")
              .append(m.highlights().stream().map(java.util.Arrays::toString).toList());
        }
      }
    }
    return b.toString();
  }

  /** Consecutive hits whose scores are equal (to the last float digits). */
  private static List<List<VideoHit>> ties(List<VideoHit> hits) {
    List<List<VideoHit>> out = new ArrayList<>();
    for (VideoHit h : hits) {
      if (!out.isEmpty() && same(out.getLast().getFirst().score(), h.score())) {
        out.getLast().add(h);
      } else {
        out.add(new ArrayList<>(List.of(h)));
      }
    }
    return out;
  }

  private static boolean same(double x, double y) {
    return Math.abs(x - y) <= 1e-5 * Math.max(1, Math.abs(x));
  }

  private static String scoresDiffer(SearchResponse a, SearchResponse b) {
    for (int i = 0; i < Math.min(a.results().size(), b.results().size()); i++) {
      double x = a.results().get(i).score();
      double y = b.results().get(i).score();
      if (Math.abs(x - y) > 1e-4 * Math.max(1, Math.abs(x))) {
        return "score of hit " + i + ": embedded " + x + ", opensearch " + y;
      }
    }
    return null;
  }
}
