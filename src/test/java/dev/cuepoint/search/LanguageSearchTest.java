package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts in several languages, each analysed for its language, searched together. */
class LanguageSearchTest {
  @TempDir Path dir;
  KeywordIndex index;
  SearchService search;

  static Transcript track(String lang, Transcript.Kind kind, Cue... cues) {
    return new Transcript(lang, kind, "test", List.of(cues));
  }

  static Video video(String id, Transcript... ts) {
    return new Video(id, "Lecture " + id, "", "", "", null, 0, "", "", List.of(), List.of(), List.of(ts));
  }

  @BeforeEach
  void setUp() throws IOException {
    MemoryCorpus corpus = new MemoryCorpus()
        .add(video("japanese001",
            track("ja", Transcript.Kind.AUTO,
                new Cue(1_000, 3_000, "これは3だ。"),
                new Cue(6_000, 8_500, "ぞんざいに書かれ、28x28ピクセルという極"),
                new Cue(8_500, 11_000, "めて低い解像度でレンダリングされている"))))
        .add(video("chinese0001",
            track("zh-Hans", Transcript.Kind.MANUAL, new Cue(2_000, 5_000, "神经网络是一种机器学习模型")),
            track("zh-Hans", Transcript.Kind.AUTO, new Cue(2_000, 5_000, "神经网络是一种机器学习模形"))))
        .add(video("twoLanguage",
            track("en", Transcript.Kind.MANUAL, new Cue(10_000, 12_000, "Hodgkin and Huxley measured the squid axon.")),
            track("de", Transcript.Kind.MANUAL, new Cue(40_000, 42_000, "Hodgkin und Huxley maßen das Axon des Tintenfischs.")),
            track("ar", Transcript.Kind.AUTO, new Cue(70_000, 73_000, "قام هودجكين وهكسلي بقياس محور الحبار"))))
        .add(video("russian0001",
            track("ru", Transcript.Kind.MANUAL, new Cue(5_000, 8_000, "Нейронные сети учатся на примерах."))));
    index = openIndex(dir);
    index.sync(corpus, false, null);
    search = new SearchService(index);
  }

  /** The backend under test: the embedded index here; subclasses run the same tests on others. */
  KeywordIndex openIndex(Path dir) throws IOException {
    return SearchIndex.open(dir.resolve("lucene"));
  }

  @AfterEach
  void tearDown() throws IOException {
    index.close();
  }

  @Test
  void japanese_word_split_across_two_cues_is_found_at_the_first() throws IOException {
    SearchResponse r = search.search(SearchRequest.of("\"極めて低い解像度\""));
    assertEquals("japanese001", r.results().getFirst().videoId());
    Moment m = r.results().getFirst().moments().getFirst();
    assertEquals(6.0, m.start());
    assertEquals("ja", m.lang());
    assertEquals("auto", m.kind());
    assertTrue(m.text().contains("極めて"), "cues of unspaced scripts are joined without a space: " + m.text());
  }

  @Test
  void unquoted_chinese_words_find_their_moment() throws IOException {
    Moment m = search.search(SearchRequest.of("机器学习")).results().getFirst().moments().getFirst();
    assertEquals(2.0, m.start());
    assertEquals("manual", m.kind(), "people's captions are searched over automatic ones");
    int[] h = m.highlights().getFirst();
    assertEquals("机器学习", m.text().substring(h[0], h[1]));
  }

  @Test
  void language_filter_takes_a_tag_or_its_primary_language() throws IOException {
    assertEquals(1, search.search(filtered("网络", "zh")).total());
    assertEquals(1, search.search(filtered("网络", "zh-Hans")).total());
    assertEquals(0, search.search(filtered("网络", "zh-Hant")).total());
    SearchResponse german = search.search(filtered("Hodgkin", "de"));
    assertEquals(List.of("de"), german.results().getFirst().moments().stream()
        .filter(m -> m.source().equals("transcript")).map(Moment::lang).distinct().toList());
  }

  @Test
  void preferred_language_moments_come_first() throws IOException {
    for (String lang : List.of("de", "en", "ar")) {
      SearchRequest r = new SearchRequest("Hodgkin OR هودجكين", 10, 0, null, null, null, null, null, 10,
          List.of(lang));
      Moment first = search.search(r).results().getFirst().moments().getFirst();
      assertEquals(lang, first.lang(), "prefer " + lang);
    }
  }

  @Test
  void words_are_stemmed_in_their_own_language() throws IOException {
    assertEquals("russian0001", search.search(SearchRequest.of("нейронная сеть")).results().getFirst().videoId());
    assertEquals("twoLanguage", search.search(SearchRequest.of("Tintenfisch")).results().getFirst().videoId());
    assertEquals("twoLanguage", search.search(SearchRequest.of("الحبار")).results().getFirst().videoId());
  }

  static SearchRequest filtered(String q, String lang) {
    return new SearchRequest(q, 10, 0, null, lang, null, null, null, 5);
  }
}
