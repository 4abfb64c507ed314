package dev.cuepoint.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.crawl.ParsedFile;
import dev.cuepoint.crawl.YtDlpImporter;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.SemanticSearch;
import dev.cuepoint.search.VideoHit;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The evaluation of search quality on real data, the way a user meets it: the yt-dlp folder that
 * {@code shared/tools/make_ytdlp_corpus.py} makes from the real 3Blue1Brown transcripts (SRT,
 * auto-caption VTT and json3; titles, descriptions, chapters) is imported by the real importer and
 * indexed; then four suites are asked in every mode, with the HTTP API's defaults (10 videos, 5
 * moments each):
 *
 * <ul>
 *   <li><b>questions</b> ({@code src/test/resources/eval/questions.json}): written in the asker's own
 *       words, each with the video and the seconds where the answer is said; split once into a tuning
 *       and a test half ({@code "split"}). moment@5: one of the first five moments shown (video by
 *       video) is in the right video and starts at most {@link #LEAD_S} s before the answer and before
 *       its end; video@3: the video among the first three; MRR: of the first right moment.
 *   <li><b>keywords</b> (the generator's queries.json): three uncommon words of one sentence; the
 *       video must be among the first three.
 *   <li><b>phrases</b> (the same file): quoted phrases; the first video must be theirs with a moment
 *       at the second the phrase is said.
 *   <li><b>nonsense</b>: strings that mean nothing must find nothing.
 * </ul>
 *
 * Indexes and vectors are kept under {@code target/eval/}, one passage index per model, so a second run
 * embeds nothing.
 */
final class Evaluation implements Closeable {
  static final double LEAD_S = 20;
  static final int LIMIT = 10;
  static final int MOMENTS = 5;
  static final List<String> NONSENSE = List.of("zzzzqqq", "asdfgh jklqwe", "qwertyuiop", "xkcdq vbnmz plokij",
      "zzz yyy xxx www", "blorptastic frumious");

  record Question(String text, String videoId, double from, double to, String split) {}

  record Query(String kind, String text, String videoId, double lo, double hi) {}

  final Path dir;
  final SearchIndex index;
  final SearchService keyword;
  final List<Query> generated;
  final Set<String> videos;

  private Evaluation(Path dir, SearchIndex index, List<Query> generated, Set<String> videos) {
    this.dir = dir;
    this.index = index;
    this.keyword = new SearchService(index);
    this.generated = generated;
    this.videos = videos;
  }

  /** Generates and imports the corpus into {@code dir} (once), and opens its keyword index. */
  static Evaluation open(Path shared, Path dir) throws Exception {
    Path ytdlp = dir.resolve("ytdlp");
    Path queries = dir.resolve("queries.json");
    if (!Files.exists(queries)) {
      Process p = new ProcessBuilder("python3", shared.resolve("tools/make_ytdlp_corpus.py").toString(),
          shared.resolve("data/3b1b").toString(), ytdlp.toString()).redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new IOException("make_ytdlp_corpus.py failed: " + log);
      }
    }
    CorpusStore store = new CorpusStore(dir.resolve("data"));
    if (store.ids().isEmpty()) {
      Captions captions = Captions.standard();
      new YtDlpImporter(store, file -> {
        ParsedCaptions c = captions.read(file);
        return new ParsedFile(c.format(), c.cues());
      }).importFolders(List.of(ytdlp));
    }
    SearchIndex index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(CorpusSnapshot.of(store), false, null);
    List<Query> generated = new ArrayList<>();
    for (JsonNode q : new ObjectMapper().readTree(queries.toFile())) {
      generated.add(new Query(q.get("kind").asText(), q.get("q").asText(), q.get("videoId").asText(),
          q.path("lo").asDouble(), q.path("hi").asDouble()));
    }
    return new Evaluation(dir, index, generated, Set.copyOf(store.ids()));
  }

  /** The passage index of one model (embedding what its cache lacks), with the time it took. */
  PassageIndex passages(Embedder embedder, StringBuilder log) throws IOException {
    PassageIndex p = PassageIndex.open(dir.resolve("vectors-" + embedder.id()), embedder);
    long t0 = System.nanoTime();
    PassageSyncResult r = p.sync(CorpusSnapshot.of(new CorpusStore(dir.resolve("data"))), false, null, null);
    double s = (System.nanoTime() - t0) / 1e9;
    if (r.embedded() > 0) {
      log.append(String.format(Locale.ROOT, "%s: embedded %d passages in %.0f s (%.1f passages/s)%n", embedder.id(),
          r.embedded(), s, r.embedded() / s));
    }
    return p;
  }

  ModeSearch modes(PassageIndex passages, Embedder embedder, SemanticSearch.Tuning tuning) {
    return ModeSearch.of(index, keyword, passages, embedder, tuning);
  }

  /** The questions of one split ({@code null}: all) whose video is in the corpus. */
  List<Question> questions(String split) throws IOException {
    try (InputStream in = Evaluation.class.getResourceAsStream("/eval/questions.json")) {
      List<Question> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(in)) {
        Question q = new Question(n.get("question").asText(), n.get("videoId").asText(), n.get("from").asDouble(),
            n.get("to").asDouble(), n.get("split").asText());
        if (videos.contains(q.videoId()) && (split == null || split.equals(q.split()))) {
          out.add(q);
        }
      }
      return out;
    }
  }

  static SearchRequest request(String q, SearchRequest.Mode mode) {
    return new SearchRequest(q, LIMIT, 0, null, null, null, null, null, MOMENTS, List.of(), mode);
  }

  /** How one mode did on a list of questions. */
  record Scores(int n, int moment5, int video3, double mrr, List<String> misses) {
    String line() {
      return String.format(Locale.ROOT, "moment@5 %3d/%d = %.3f   video@3 %.3f   MRR %.3f", moment5, n,
          (double) moment5 / n, (double) video3 / n, mrr / n);
    }

    double moment5Rate() {
      return (double) moment5 / n;
    }
  }

  static Scores score(ModeSearch modes, SearchRequest.Mode mode, List<Question> questions) throws IOException {
    int m5 = 0, v3 = 0;
    double mrr = 0;
    List<String> misses = new ArrayList<>();
    for (Question q : questions) {
      SearchResponse r = modes.search(request(q.text(), mode));
      int rank = momentRank(r, q);
      m5 += rank > 0 && rank <= 5 ? 1 : 0;
      mrr += rank > 0 ? 1.0 / rank : 0;
      int vrank = videoRank(r, q.videoId());
      v3 += vrank > 0 && vrank <= 3 ? 1 : 0;
      if (rank <= 0 || rank > 5) {
        misses.add(q.text() + " [" + q.videoId() + " " + q.from() + "-" + q.to() + "] moment rank " + rank
            + ", video rank " + vrank + ", first: " + first(r));
      }
    }
    return new Scores(questions.size(), m5, v3, mrr, misses);
  }

  private static String first(SearchResponse r) {
    if (r.results().isEmpty()) {
      return "nothing";
    }
    VideoHit v = r.results().getFirst();
    return v.videoId() + " " + v.moments().stream().map(m -> (int) m.start()).toList();
  }

  /** 1-based rank of the first answering moment in the order shown, or 0. */
  static int momentRank(SearchResponse r, Question q) {
    int rank = 0;
    for (VideoHit v : r.results()) {
      for (Moment m : v.moments()) {
        rank++;
        if (v.videoId().equals(q.videoId()) && m.start() >= q.from() - LEAD_S && m.start() <= q.to()) {
          return rank;
        }
      }
    }
    return 0;
  }

  static int videoRank(SearchResponse r, String videoId) {
    for (int i = 0; i < r.results().size(); i++) {
      if (r.results().get(i).videoId().equals(videoId)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Keyword queries: the video in the first three. */
  int keywordsTop3(ModeSearch modes, SearchRequest.Mode mode) throws IOException {
    int ok = 0;
    for (Query q : generated) {
      if (q.kind().equals("keywords")) {
        int rank = videoRank(modes.search(request(q.text(), mode)), q.videoId());
        ok += rank > 0 && rank <= 3 ? 1 : 0;
      }
    }
    return ok;
  }

  int count(String kind) {
    return (int) generated.stream().filter(q -> q.kind().equals(kind)).count();
  }

  /** Phrases: the first video is theirs with a moment at the phrase's second. */
  int phrasesLanded(ModeSearch modes, SearchRequest.Mode mode) throws IOException {
    int ok = 0;
    for (Query q : generated) {
      if (q.kind().equals("phrase")) {
        SearchResponse r = modes.search(request(q.text(), mode));
        VideoHit first = r.results().isEmpty() ? null : r.results().getFirst();
        if (first != null && first.videoId().equals(q.videoId())
            && first.moments().stream().anyMatch(m -> m.start() >= q.lo() && m.start() <= q.hi())) {
          ok++;
        }
      }
    }
    return ok;
  }

  /** Queries of a kind whose first page in {@code mode} is the keyword answer: same videos, same moments. */
  int sameAsKeyword(ModeSearch modes, SearchRequest.Mode mode, String kind) throws IOException {
    int same = 0;
    for (Query q : generated) {
      if (q.kind().equals(kind)) {
        List<VideoHit> a = modes.search(request(q.text(), SearchRequest.Mode.KEYWORD)).results();
        List<VideoHit> b = modes.search(request(q.text(), mode)).results();
        same += page(a, 3).equals(page(b, 3)) ? 1 : 0;
      }
    }
    return same;
  }

  private static List<String> page(List<VideoHit> hits, int n) {
    return hits.stream().limit(n).map(v -> v.videoId() + v.moments().stream().map(Moment::start).toList()).toList();
  }

  /** Nonsense queries that found anything. */
  static int nonsenseAnswered(ModeSearch modes, SearchRequest.Mode mode) throws IOException {
    int found = 0;
    for (String q : NONSENSE) {
      found += modes.search(request(q, mode)).results().isEmpty() ? 0 : 1;
    }
    return found;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
