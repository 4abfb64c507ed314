package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.Fields;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.cuepoint.index.KeywordIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The count query finds exactly the videos the ranking query finds. */
class KeywordQueriesTest {
  @TempDir Path dir;
  SearchIndex index;

  static Video video(String id, String title, String description, String lang, String... cues) {
    List<Cue> list = new java.util.ArrayList<>();
    for (int i = 0; i < cues.length; i++) {
      list.add(new Cue(i * 3_000L, i * 3_000L + 2_500, cues[i]));
    }
    return new Video(id, title, description, "", "", null, 0, "", "", List.of(), List.of(),
        List.of(new Transcript(lang, Transcript.Kind.MANUAL, "test", list)));
  }

  @BeforeEach
  void setUp() throws IOException {
    MemoryCorpus corpus = new MemoryCorpus()
        // the phrase said exactly, said only in other forms of its words, split across cues, or not at all
        .add(video("exactPhrase", "Lecture one", "", "en", "So the determinant of a matrix is", "a number."))
        .add(video("stemmedOnly", "Lecture two", "", "en", "The determinants of matrices multiply;",
            "Euler's formulas are everywhere."))
        .add(video("acrossCues1", "Lecture three", "", "en", "Take the", "determinant of this one."))
        .add(video("titleOnly01", "The determinant of a product", "", "en", "Nothing to see here."))
        .add(video("description", "Lecture five", "the chain rule, again", "en", "Derivatives compose."))
        .add(video("wordsApart1", "Lecture six", "", "en", "Of the matrix we take a determinant, chained rules."))
        .add(video("germanTrack", "Vorlesung", "", "de", "Die Determinanten der Matrizen sind Zahlen.",
            "Die Determinante der Matrix ist eine Zahl."))
        .add(video("unrelated01", "Lecture eight", "", "en", "Probability is about counting."));
    index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(corpus, false, null);
  }

  @AfterEach
  void tearDown() throws IOException {
    index.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"the determinant of\"", "\"determinants of\"", "\"determinant of\" matrix",
      "\"Euler's formula\"", "\"chain rule\"", "determinant matrix", "determinant -matrix", "\"Determinante der\"",
      "determinant* \"of the\"", "transcript:\"the determinant of\""})
  void count_query_finds_the_videos_the_ranking_query_finds(String query) throws IOException {
    try (KeywordIndex.View view = index.view()) {
      KeywordQueries queries = new KeywordQueries(index.analyzers(), List.of(Fields.text("de"), Fields.text("en")));
      QuerySyntax.ParsedQuery parsed = QuerySyntax.parse(query);
      int ranked = view.count(queries.ranking(parsed));
      assertTrue(ranked > 0, query + " should find something in this corpus");
      assertEquals(ranked, view.count(queries.matching(parsed)), query);
    }
  }

  @Test
  void words_near_each_other_score_extra_unless_all_are_english_function_words() {
    KeywordQueries queries = new KeywordQueries(index.analyzers(), List.of(Fields.text("de"), Fields.text("en")));
    assertEquals(List.of(Fields.text("de"), Fields.text("en")),
        proximityFields(queries.ranking(QuerySyntax.parse("determinant matrix"))));
    assertEquals(List.of(Fields.text("de"), Fields.text("en")),
        proximityFields(queries.ranking(QuerySyntax.parse("the determinant"))));
    // "of the" is near each other in every English lecture; other languages' transcripts keep the clause
    assertEquals(List.of(Fields.text("de")), proximityFields(queries.ranking(QuerySyntax.parse("of the"))));
    assertEquals(List.of(Fields.text("de")), proximityFields(queries.ranking(QuerySyntax.parse("We\u2019re THAT"))));
  }

  /** The fields of the sloppy phrases (the closeness clauses) in a query, in order. */
  static List<String> proximityFields(SearchQuery q) {
    List<String> out = new ArrayList<>();
    switch (q) {
      case SearchQuery.Phrase p when p.slop() > 0 -> out.add(p.field());
      case SearchQuery.Bool b -> b.clauses().forEach(c -> out.addAll(proximityFields(c.query())));
      case SearchQuery.Boost b -> out.addAll(proximityFields(b.query()));
      case SearchQuery.ConstantScore c -> out.addAll(proximityFields(c.query()));
      default -> { }
    }
    return out;
  }
}
