package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How each moment and video was found ({@code match}) and how many videos hold every word
 * ({@code wordMatches}), on a real index with exact expected labels. Cues are far apart, so each is a
 * moment of its own.
 */
class MatchLabelsTest {
  @TempDir Path dir;
  KeywordIndex index;
  SearchService search;

  static Video video(String id, String title, String description, String playlist, String published, Cue... cues) {
    return new Video(id, title, description, "Cuepoint tests", "UCtest", Instant.parse(published + "T12:00:00Z"),
        600, "", "en", List.of(), List.of(new PlaylistEntry(playlist, playlist, 1)),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(cues))));
  }

  static Cue at(int seconds, String text) {
    return new Cue(seconds * 1000L, seconds * 1000L + 3000, text);
  }

  @BeforeEach
  void setUp() throws IOException {
    MemoryCorpus corpus = new MemoryCorpus()
        .add(video("bothAndOne1", "Cortex lecture", "", "PLtest", "2021-01-01",
            at(10, "hebbian plasticity in the cortex"),
            at(100, "plasticity alone here"),
            at(200, "dopamine meets plasticity")))
        .add(video("onlyOneWord", "Another talk", "", "PLtest", "2021-02-01",
            at(20, "plasticity without the other")))
        .add(video("inDescribed", "Third talk", "A talk on hebbian rules", "PLtest", "2021-03-01",
            at(5, "plasticity again")))
        .add(video("titleOnly01", "Hebbian plasticity explained", "", "PLtest", "2021-04-01",
            at(30, "nothing relevant is said")))
        .add(video("otherPlayl1", "Elsewhere", "", "PLother", "2024-06-01",
            at(40, "hebbian plasticity at work")));
    index = openIndex(dir);
    index.sync(corpus, false, null);
    search = new SearchService(index);
  }

  /** The backend under test: the embedded index here; a subclass runs the same tests on OpenSearch. */
  KeywordIndex openIndex(Path dir) throws IOException {
    return SearchIndex.open(dir.resolve("lucene"));
  }

  @AfterEach
  void tearDown() throws IOException {
    index.close();
  }

  SearchResponse q(String query) throws IOException {
    return search.search(SearchRequest.of(query));
  }

  /** Each moment's start and label, of one video of the answer. */
  static Map<Double, String> moments(SearchResponse r, String videoId) {
    Map<Double, String> out = new TreeMap<>();
    hit(r, videoId).moments().forEach(m -> out.put(m.start(), m.match()));
    return out;
  }

  static VideoHit hit(SearchResponse r, String videoId) {
    return r.results().stream().filter(h -> h.videoId().equals(videoId)).findFirst()
        .orElseThrow(() -> new AssertionError(videoId + " not in " + r.results().stream().map(VideoHit::videoId).toList()));
  }

  /** Each video's label. */
  static Map<String, String> videos(SearchResponse r) {
    Map<String, String> out = new TreeMap<>();
    r.results().forEach(h -> out.put(h.videoId(), h.match()));
    return out;
  }

  @Test
  void a_moment_with_both_words_is_words_and_one_with_one_of_them_some_words() throws IOException {
    SearchResponse r = q("hebbian plasticity");
    assertEquals(Map.of(10.0, "words", 100.0, "some-words", 200.0, "some-words"), moments(r, "bothAndOne1"));
    assertEquals(Map.of(20.0, "some-words"), moments(r, "onlyOneWord"));
  }

  @Test
  void videos_holding_every_word_anywhere_are_words_and_counted() throws IOException {
    SearchResponse r = q("hebbian plasticity");
    assertEquals(Map.of("bothAndOne1", "words", "onlyOneWord", "some-words", "inDescribed", "words",
        "titleOnly01", "words", "otherPlayl1", "words"), videos(r));
    assertEquals(5, r.total());
    assertEquals(4L, r.wordMatches());
  }

  @Test
  void a_word_only_in_the_description_makes_the_video_words_but_not_its_moments() throws IOException {
    SearchResponse r = q("hebbian plasticity");
    assertEquals("words", hit(r, "inDescribed").match());
    assertEquals(Map.of(5.0, "some-words"), moments(r, "inDescribed"));
  }

  @Test
  void a_title_holding_both_words_is_a_words_moment_at_zero() throws IOException {
    SearchResponse r = q("hebbian plasticity");
    assertEquals(Map.of(0.0, "words"), moments(r, "titleOnly01"));
    assertEquals("title", hit(r, "titleOnly01").moments().getFirst().source());
  }

  @Test
  void a_quoted_phrase_is_one_group_matched_only_where_it_is_said() throws IOException {
    SearchResponse r = q("\"hebbian plasticity\" cortex");
    assertEquals(Map.of(0.0, "some-words", 10.0, "words"), moments(r, "bothAndOne1"),
        "the title holds 'cortex' but not the phrase");
    assertEquals(Map.of(0.0, "some-words"), moments(r, "titleOnly01"), "the phrase without 'cortex'");
    assertEquals(Map.of("bothAndOne1", "words", "titleOnly01", "some-words", "otherPlayl1", "some-words"),
        videos(r));
    assertEquals(1L, r.wordMatches());
  }

  @Test
  void either_word_of_an_or_covers_its_group() throws IOException {
    SearchResponse r = q("plasticity dopamine OR hebbian");
    assertEquals(Map.of(10.0, "words", 100.0, "some-words", 200.0, "words"), moments(r, "bothAndOne1"));
    assertEquals(Map.of(20.0, "some-words"), moments(r, "onlyOneWord"));
    assertEquals(4L, r.wordMatches());
  }

  @Test
  void with_one_group_every_moment_and_video_is_words_and_word_matches_is_the_total() throws IOException {
    for (String query : List.of("plasticity", "\"hebbian plasticity\"", "dopamine OR hebbian", "plast*")) {
      SearchResponse r = q(query);
      r.results().forEach(h -> {
        assertEquals("words", h.match(), query + " " + h.videoId());
        h.moments().forEach(m -> assertEquals("words", m.match(), query + " " + h.videoId() + " " + m.start()));
      });
      assertEquals(r.total(), r.wordMatches(), query);
    }
  }

  @Test
  void a_prefix_covers_its_group_with_any_word_it_expands_to() throws IOException {
    SearchResponse r = q("plast* hebbian");
    assertEquals(Map.of(10.0, "words", 100.0, "some-words", 200.0, "some-words"), moments(r, "bothAndOne1"));
    assertEquals(Map.of(0.0, "words"), moments(r, "titleOnly01"));
  }

  @Test
  void two_prefixes_are_told_apart_by_the_words_they_expand_to() throws IOException {
    SearchResponse r = q("plast* hebb*");
    assertEquals(Map.of(10.0, "words", 100.0, "some-words", 200.0, "some-words"), moments(r, "bothAndOne1"));
    assertEquals("some-words", hit(r, "onlyOneWord").match());
  }

  @Test
  void a_word_the_prefix_also_expands_to_covers_both_groups() throws IOException {
    SearchResponse r = q("plasticity plast*");
    assertEquals(Map.of(20.0, "words"), moments(r, "onlyOneWord"));
    assertEquals(r.total(), r.wordMatches());
  }

  @Test
  void word_matches_counts_only_the_videos_the_filters_keep() throws IOException {
    SearchResponse inPlaylist = search.search(new SearchRequest("hebbian plasticity", 10, 0, "PLtest", null, null,
        null, SearchRequest.Sort.RELEVANCE, 5));
    assertEquals(4, inPlaylist.total());
    assertEquals(3L, inPlaylist.wordMatches());
    SearchResponse recent = search.search(new SearchRequest("hebbian plasticity", 10, 0, null, null,
        LocalDate.parse("2024-01-01"), null, SearchRequest.Sort.RELEVANCE, 5));
    assertEquals(1, recent.total());
    assertEquals(1L, recent.wordMatches());
  }

  @Test
  void an_excluded_word_is_not_counted_among_the_word_matches() throws IOException {
    SearchResponse r = q("hebbian plasticity -cortex");
    assertEquals(3L, r.wordMatches(), "bothAndOne1 says 'cortex'");
  }

  @Test
  void later_pages_are_labelled_like_the_first() throws IOException {
    SearchResponse all = q("hebbian plasticity");
    SearchResponse second = search.search(new SearchRequest("hebbian plasticity", 2, 2, null, null, null, null,
        SearchRequest.Sort.RELEVANCE, 5));
    for (VideoHit h : second.results()) {
      assertEquals(hit(all, h.videoId()).match(), h.match(), h.videoId());
    }
    assertEquals(all.wordMatches(), second.wordMatches());
  }
}
