package dev.cuepoint.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.MiniLmEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.Passages;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.realdata.RealData;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.VideoHit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The evaluation of keyword, semantic and hybrid search on the real 3Blue1Brown transcripts with the
 * questions of {@code src/test/resources/eval/questions.json} (written in our own words, each with the
 * video and time range that answers it). Not part of {@code verify} (its name does not end in Test):
 * run it with
 *
 * <pre>./mvnw -o test -Dtest=SemanticEvaluation</pre>
 *
 * The first run embeds every passage (minutes); later runs take the vectors from the cache in
 * {@code target/eval/}. Prints recall@5 and MRR per mode, embedding throughput, index sizes and hybrid
 * latency, and writes them to {@code target/eval/results.txt}.
 *
 * <p>How answers are judged: each mode is asked for 10 videos with up to 3 moments each; the moments
 * in the order shown (video by video) form the ranked list. A moment answers a question when it is in
 * the question's video and, played from its start, reaches the answer's time range before its own span
 * ends (a span counted as at least 20 s: a listener gives a moment that long). Video-level figures
 * count the question's video among the videos shown.
 */
class SemanticEvaluation {
  static final int VIDEOS = 10;
  static final int MOMENTS = 3;
  static final int K = 5;
  static final double LISTEN_S = 20;

  record Question(String text, String videoId, double from, double to) {}

  @Test
  void evaluate() throws Exception {
    Path root = RealData.require("3b1b");
    ThreeBlue1Brown corpus = ThreeBlue1Brown.load(root);
    List<Question> questions = questions();
    Path dir = Path.of("target", "eval");
    StringBuilder report = new StringBuilder();
    Embedder embedder = new MiniLmEmbedder();

    try (SearchIndex index = SearchIndex.open(dir.resolve("lucene"));
        PassageIndex passages = PassageIndex.open(dir.resolve("vectors"), embedder)) {
      index.sync(corpus, false, null);
      long t0 = System.nanoTime();
      PassageSyncResult synced = passages.sync(corpus, false, s -> System.out.println(s), null);
      double syncS = (System.nanoTime() - t0) / 1e9;
      line(report, "corpus: %d videos, %d passages (%s)", corpus.videos.size(), passages.passages(), synced.summary());
      if (synced.embedded() > 100) {
        line(report, "embedding throughput (whole corpus, this run): %d passages in %.0f s = %.1f passages/s",
            synced.embedded(), syncS, synced.embedded() / syncS);
      }
      line(report, "embedding throughput (200 passages, batch): %.1f passages/s", throughput(embedder, corpus));
      long keywordBytes = size(dir.resolve("lucene"));
      long vectorBytes = size(dir.resolve("vectors"));
      line(report, "keyword index %.1f MB; added for semantic search %.1f MB (passage index %.1f MB + embedding cache %.1f MB)",
          keywordBytes / 1e6, vectorBytes / 1e6, size(dir.resolve("vectors").resolve("lucene")) / 1e6,
          (vectorBytes - size(dir.resolve("vectors").resolve("lucene"))) / 1e6);

      ModeSearch modes = ModeSearch.of(index, new SearchService(index), passages, embedder);
      line(report, "%d questions; judged on the first %d moments shown (%d videos x up to %d moments)",
          questions.size(), K, VIDEOS, MOMENTS);
      line(report, "%-9s %10s %8s %16s %10s", "mode", "recall@5", "MRR", "video recall@5", "video MRR");
      for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
        double recall = 0, mrr = 0, videoRecall = 0, videoMrr = 0;
        List<String> misses = new ArrayList<>();
        for (Question q : questions) {
          SearchResponse r = modes.search(new SearchRequest(q.text(), VIDEOS, 0, null, null, null, null, null, MOMENTS,
              List.of(), mode));
          int rank = momentRank(r, q);
          if (rank > 0 && rank <= K) {
            recall++;
          }
          mrr += rank > 0 ? 1.0 / rank : 0;
          int vrank = videoRank(r, q);
          if (vrank > 0 && vrank <= K) {
            videoRecall++;
          }
          videoMrr += vrank > 0 ? 1.0 / vrank : 0;
          if (rank <= 0 || rank > K) {
            misses.add(q.text() + " (moment rank " + rank + ", video rank " + vrank + ")");
          }
        }
        int n = questions.size();
        line(report, "%-9s %10.3f %8.3f %16.3f %10.3f", mode.name().toLowerCase(Locale.ROOT), recall / n, mrr / n,
            videoRecall / n, videoMrr / n);
        Files.createDirectories(dir);
        Files.write(dir.resolve("misses-" + mode.name().toLowerCase(Locale.ROOT) + ".txt"), misses);
      }
      latency(report, modes, questions);
    }
    Files.writeString(dir.resolve("results.txt"), report);
    assertTrue(questions.size() >= 60, "the evaluation set has at least 60 questions");
  }

  /** Hybrid latency: every question as a new query (its vector not cached), then again with the vector cached. */
  private static void latency(StringBuilder report, ModeSearch modes, List<Question> questions) throws IOException {
    for (Question q : questions.subList(0, 10)) {
      modes.search(request(q.text() + " warm up", SearchRequest.Mode.HYBRID));
    }
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      List<Long> fresh = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Question q : questions) {
          String text = round == 0 ? q.text() : q.text() + " " + round; // a new text: embedded again
          long t0 = System.nanoTime();
          modes.search(request(text, mode));
          fresh.add(System.nanoTime() - t0);
        }
      }
      line(report, "%-9s latency, %d searches (query embedded each time): p50 %.1f ms, p90 %.1f ms",
          mode.name().toLowerCase(Locale.ROOT), fresh.size(), pct(fresh, 50), pct(fresh, 90));
    }
    List<Long> cached = new ArrayList<>();
    for (Question q : questions) {
      long t0 = System.nanoTime();
      modes.search(request(q.text(), SearchRequest.Mode.HYBRID));
      cached.add(System.nanoTime() - t0);
    }
    line(report, "hybrid    latency, query vector already cached: p50 %.1f ms, p90 %.1f ms", pct(cached, 50),
        pct(cached, 90));
  }

  static SearchRequest request(String q, SearchRequest.Mode mode) {
    return new SearchRequest(q, 10, 0, null, null, null, null, null, 5, List.of(), mode);
  }

  static double pct(List<Long> nanos, int p) {
    long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return a[Math.min(a.length - 1, a.length * p / 100)] / 1e6;
  }

  private static double throughput(Embedder embedder, ThreeBlue1Brown corpus) {
    List<String> texts = corpus.videos.values().stream()
        .flatMap(v -> Passages.of(v.transcripts().getFirst().cues()).stream()).map(p -> p.text() + " ")
        .limit(200).toList(); // the trailing space: not what the cache holds, and the model ignores it
    embedder.embed(texts.subList(0, 8));
    long t0 = System.nanoTime();
    embedder.embed(texts);
    return texts.size() / ((System.nanoTime() - t0) / 1e9);
  }

  /** 1-based rank of the first answering moment in the order shown, or 0. */
  static int momentRank(SearchResponse r, Question q) {
    int rank = 0;
    for (VideoHit v : r.results()) {
      for (Moment m : v.moments()) {
        rank++;
        if (v.videoId().equals(q.videoId()) && answers(m, q)) {
          return rank;
        }
      }
    }
    return 0;
  }

  static boolean answers(Moment m, Question q) {
    double heardUntil = Math.max(m.end(), m.start() + LISTEN_S);
    return m.start() <= q.to() && heardUntil >= q.from();
  }

  static int videoRank(SearchResponse r, Question q) {
    for (int i = 0; i < r.results().size(); i++) {
      if (r.results().get(i).videoId().equals(q.videoId())) {
        return i + 1;
      }
    }
    return 0;
  }

  static List<Question> questions() throws IOException {
    try (InputStream in = SemanticEvaluation.class.getResourceAsStream("/eval/questions.json")) {
      List<Question> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(in)) {
        out.add(new Question(n.get("question").asText(), n.get("videoId").asText(), n.get("from").asDouble(),
            n.get("to").asDouble()));
      }
      return out;
    }
  }

  private static long size(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void line(StringBuilder report, String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    report.append(s).append('\n');
  }

  @SuppressWarnings("unused")
  private static String join(double... xs) {
    return Arrays.toString(xs);
  }
}
