package dev.cuepoint.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.index.OnnxEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.realdata.RealData;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchRequest.Mode;
import dev.cuepoint.search.SemanticSearch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Search quality as a regression test: the {@link Evaluation} with the default model and settings,
 * the test half of the questions, in every mode. A change that loses quality fails the build. The
 * figures it guards are those of the README ("Search by meaning"), less a tolerance of about four
 * questions in 95; the rules (hybrid no worse than either mode; words answered as keyword search
 * answers them; nonsense finds nothing) hold exactly. Embeds the corpus once (about three minutes
 * on two cores), then answers from the vectors cached in {@code target/eval/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeaningQualityTest {
  /** Test-half moment@5 of hybrid search measured when the settings were chosen, less the tolerance. */
  static final double HYBRID_MOMENT5 = 0.68;
  static final double SEMANTIC_MOMENT5 = 0.64;

  Evaluation eval;
  PassageIndex passages;
  ModeSearch modes;
  List<Evaluation.Question> test;

  @BeforeAll
  void open() throws Exception {
    RealData.require("3b1b");
    eval = Evaluation.open(RealData.ROOT.getParent(), Path.of("target", "eval"));
    OnnxEmbedder embedder = new OnnxEmbedder();
    passages = eval.passages(embedder, new StringBuilder());
    modes = eval.modes(passages, embedder, SemanticSearch.Tuning.forModel(embedder));
    test = eval.questions("test");
  }

  @AfterAll
  void close() throws Exception {
    passages.close();
    eval.close();
  }

  @Test
  void own_words_questions_land_on_the_moment_in_hybrid_mode_at_least_as_often_as_in_either_other() throws Exception {
    assertTrue(test.size() >= 90, "test half: " + test.size() + " questions");
    Evaluation.Scores hybrid = Evaluation.score(modes, Mode.HYBRID, test);
    Evaluation.Scores semantic = Evaluation.score(modes, Mode.SEMANTIC, test);
    Evaluation.Scores keyword = Evaluation.score(modes, Mode.KEYWORD, test);
    String all = "hybrid " + hybrid.line() + "\nsemantic " + semantic.line() + "\nkeyword " + keyword.line();
    assertTrue(hybrid.moment5Rate() >= HYBRID_MOMENT5, all);
    assertTrue(semantic.moment5Rate() >= SEMANTIC_MOMENT5, all);
    assertTrue(hybrid.moment5() >= semantic.moment5() && hybrid.moment5() >= keyword.moment5(), all);
  }

  @Test
  void keyword_queries_find_their_video_in_hybrid_mode_as_in_keyword_mode() throws Exception {
    int keyword = eval.keywordsTop3(modes, Mode.KEYWORD);
    int hybrid = eval.keywordsTop3(modes, Mode.HYBRID);
    int n = eval.count("keywords");
    assertTrue(keyword >= n * 0.98, "keyword mode: " + keyword + "/" + n);
    assertTrue(hybrid >= keyword, "hybrid " + hybrid + " vs keyword " + keyword + " of " + n);
  }

  @Test
  void quoted_phrases_get_the_keyword_answer_in_hybrid_mode() throws Exception {
    int n = eval.count("phrase");
    assertTrue(n > 1000, n + " phrases");
    assertEquals(n, eval.sameAsKeyword(modes, Mode.HYBRID, "phrase"), "hybrid answers identical to keyword of " + n);
    int landed = eval.phrasesLanded(modes, Mode.HYBRID);
    assertTrue(landed >= n * 0.99, landed + "/" + n + " phrases landed at their second");
  }

  @Test
  void nonsense_finds_nothing_in_any_mode() throws Exception {
    for (Mode mode : Mode.values()) {
      assertEquals(0, Evaluation.nonsenseAnswered(modes, mode), mode + ": nonsense found something");
    }
  }
}
