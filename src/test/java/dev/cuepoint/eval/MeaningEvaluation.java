package dev.cuepoint.eval;

import dev.cuepoint.index.OnnxEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.realdata.RealData;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SemanticSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The whole evaluation report (see {@link Evaluation}): every model on offer, every mode, both halves of
 * the questions, in one run. Not part of {@code verify} (its name does not end in Test); run it with
 *
 * <pre>./mvnw -o test -Dtest=MeaningEvaluation [-Deval.models=e5,minilm,bge] [-Deval.tunings=FLOOR/KW/RANKS/COVER,…]</pre>
 *
 * The first run embeds the corpus once per model (minutes each); later runs take the vectors from
 * {@code target/eval/}. Writes {@code target/eval/report.txt} and the misses per mode.
 */
class MeaningEvaluation {
  @Test
  void report() throws Exception {
    RealData.require("3b1b");
    Path dir = Path.of("target", "eval");
    Files.createDirectories(dir);
    StringBuilder out = new StringBuilder();
    try (Evaluation eval = Evaluation.open(RealData.ROOT.getParent(), dir)) {
      List<Evaluation.Question> tune = eval.questions("tune");
      List<Evaluation.Question> test = eval.questions("test");
      line(out, "corpus: %d videos; questions: %d tuning, %d test; %d keyword queries, %d phrases",
          eval.videos.size(), tune.size(), test.size(), eval.count("keywords"), eval.count("phrase"));
      List<String> models = List.of(System.getProperty("eval.models", "minilm,e5,bge").split(","));
      throughput(out, eval, models);
      for (String name : models) {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.named(name.strip()));
        StringBuilder log = new StringBuilder();
        try (PassageIndex passages = eval.passages(embedder, log)) {
          out.append(log);
          System.out.print(log);
          calibrate(out, eval, passages, embedder, tune);
          for (SemanticSearch.Tuning tuning : tunings(embedder)) {
            line(out, "== %s, %s, %d passages", embedder.id(), tuning, passages.passages());
            ModeSearch modes = eval.modes(passages, embedder, tuning);
            for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
              Evaluation.Scores t = Evaluation.score(modes, mode, tune);
              Evaluation.Scores s = Evaluation.score(modes, mode, test);
              String m = mode.name().toLowerCase(Locale.ROOT);
              line(out, "%-8s tuning: %s | TEST: %s", m, t.line(), s.line());
              Files.write(dir.resolve("misses-" + embedder.id() + "-" + m + ".txt"), s.misses());
              Files.write(dir.resolve("misses-tune-" + embedder.id() + "-" + m + ".txt"), t.misses());
            }
            if (embedder.id().equals(new OnnxEmbedder().id())) {
              latency(out, modes, test);
            }
            if (!Boolean.parseBoolean(System.getProperty("eval.suites", "true"))) {
              continue; // questions only: quicker while trying settings
            }
            for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
              line(out, "%-8s keywords top 3: %d/%d; phrases landed: %d/%d; nonsense answered: %d/%d",
                  mode.name().toLowerCase(Locale.ROOT), eval.keywordsTop3(modes, mode), eval.count("keywords"),
                  eval.phrasesLanded(modes, mode), eval.count("phrase"), Evaluation.nonsenseAnswered(modes, mode),
                  Evaluation.NONSENSE.size());
            }
            line(out, "hybrid first 3 videos identical to keyword: keywords %d/%d, phrases %d/%d",
                eval.sameAsKeyword(modes, SearchRequest.Mode.HYBRID, "keywords"), eval.count("keywords"),
                eval.sameAsKeyword(modes, SearchRequest.Mode.HYBRID, "phrase"), eval.count("phrase"));
          }
        }
      }
    }
    Files.writeString(dir.resolve("report.txt"), out);
  }

  /**
   * Passages embedded per second by each model, side by side: the same 256 passages of the corpus in
   * batches of 32, models taking turns for three rounds (the machine is shared: medians of the rounds).
   */
  private static void throughput(StringBuilder out, Evaluation eval, List<String> models) throws Exception {
    List<String> texts = new ArrayList<>();
    dev.cuepoint.corpus.CorpusStore store = new dev.cuepoint.corpus.CorpusStore(eval.dir.resolve("data"));
    for (String id : store.ids()) {
      for (dev.cuepoint.index.Passage p : dev.cuepoint.index.Passages.of(
          store.read(id).orElseThrow().transcripts().getFirst().cues())) {
        if (texts.size() < 256 && p.startMs() > 60_000) {
          texts.add(p.text());
        }
      }
    }
    java.util.Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
    List<OnnxEmbedder> embedders = models.stream().map(m -> new OnnxEmbedder(OnnxEmbedder.Model.named(m.strip())).load())
        .toList();
    embedders.forEach(e -> e.embed(texts.subList(0, 32))); // warm up
    for (int round = 0; round < 3; round++) {
      for (OnnxEmbedder e : embedders) {
        long t0 = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 32) {
          e.embed(texts.subList(i, Math.min(texts.size(), i + 32)));
        }
        rates.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(texts.size() / ((System.nanoTime() - t0) / 1e9));
      }
    }
    rates.forEach((id, r) -> {
      List<Double> sorted = r.stream().sorted().toList();
      line(out, "%s: %.1f passages/s (median of %s, %d passages of the corpus, batches of 32)", id,
          sorted.get(1), r.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList(), texts.size());
    });
  }

  /**
   * The similarity of the best passage for the tuning questions and for nonsense: the floor must lie
   * between them.
   */
  private static void calibrate(StringBuilder out, Evaluation eval, PassageIndex passages, OnnxEmbedder embedder,
      List<Evaluation.Question> questions) throws Exception {
    ModeSearch raw = eval.modes(passages, embedder, new SemanticSearch.Tuning(-1, 0, 1, 0));
    List<Double> real = new ArrayList<>();
    for (Evaluation.Question q : questions) {
      real.add(raw.search(Evaluation.request(q.text(), SearchRequest.Mode.SEMANTIC)).results().getFirst().score());
    }
    List<Double> nonsense = new ArrayList<>();
    for (String q : Evaluation.NONSENSE) {
      nonsense.add(raw.search(Evaluation.request(q, SearchRequest.Mode.SEMANTIC)).results().getFirst().score());
    }
    real.sort(null);
    nonsense.sort(null);
    line(out, "%s best passage similarity: tuning questions min %.3f, 5%% %.3f, median %.3f; nonsense %s",
        embedder.id(), real.getFirst(), real.get(real.size() / 20), real.get(real.size() / 2),
        nonsense.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
  }

  /** The settings to try: those of {@code -Deval.tunings}, else the model's defaults. */
  private static List<SemanticSearch.Tuning> tunings(OnnxEmbedder embedder) {
    String spec = System.getProperty("eval.tunings", "");
    if (spec.isBlank()) {
      return List.of(SemanticSearch.Tuning.forModel(embedder));
    }
    List<SemanticSearch.Tuning> out = new ArrayList<>();
    for (String t : spec.split(",")) {
      String[] p = t.strip().split("/");
      out.add(new SemanticSearch.Tuning(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
          Double.parseDouble(p[3])));
    }
    return out;
  }

  /**
   * Time per search in process, each question a new text (so its query is embedded, as a new search
   * is), three rounds; then the same texts again (query vectors cached, as for paging).
   */
  private static void latency(StringBuilder out, ModeSearch modes, List<Evaluation.Question> questions)
      throws Exception {
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      List<Long> nanos = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Evaluation.Question q : questions) {
          long t0 = System.nanoTime();
          modes.search(Evaluation.request(q.text() + " " + mode.ordinal() + round, mode));
          nanos.add(System.nanoTime() - t0);
        }
      }
      nanos.sort(null);
      line(out, "%-8s latency, %d new searches: p50 %.1f ms, p90 %.1f ms", mode.name().toLowerCase(Locale.ROOT),
          nanos.size(), nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() * 9 / 10) / 1e6);
    }
  }

  private static void line(StringBuilder out, String format, Object... args) {
    String s = String.format(Locale.ROOT, format, args);
    System.out.println(s);
    out.append(s).append('\n');
  }
}
