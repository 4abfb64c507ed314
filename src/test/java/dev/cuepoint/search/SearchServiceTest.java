package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SyncResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {
  @TempDir Path dir;
  KeywordIndex index;
  SearchService search;
  MemoryCorpus corpus;

  static Transcript manual(Cue... cues) {
    return new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(cues));
  }

  static Video video(String id, String title, String published, List<Chapter> chapters, Transcript... ts) {
    return new Video(id, title, "", "Cuepoint tests", "UCtest", Instant.parse(published + "T12:00:00Z"),
        600, "", "en", chapters, List.of(new PlaylistEntry("PLtest", "Tests", 1)), List.of(ts));
  }

  @BeforeEach
  void setUp() throws IOException {
    corpus = new MemoryCorpus()
        .add(video("stdpLecture", "Spike-timing-dependent plasticity", "2021-03-01",
            List.of(new Chapter(0, "Introduction"), new Chapter(60_000, "The Hodgkin-Huxley model")),
            manual(
                new Cue(1_000, 4_000, "Today we talk about spike timing"),
                new Cue(4_000, 8_000, "dependent plasticity, or STDP for short."),
                new Cue(30_000, 33_000, "A neuron fires when its membrane potential crosses threshold."),
                new Cue(90_000, 93_000, "Euler's formula relates e^x to rotation; 28x28 images."),
                new Cue(200_000, 203_000, "Again: the neuron fires."),
                new Cue(400_000, 403_000, "And a third neuron appears here."))))
        .add(video("autoCaption", "Word timed lecture", "2023-05-01", List.of(),
            new Transcript("en", Transcript.Kind.AUTO, "test", List.of(
                new Cue(10_000, 14_000, "hebbian learning says cells that fire together",
                    List.of(new Word(10_000, "hebbian"), new Word(10_400, "learning"), new Word(11_000, "says"),
                        new Word(11_500, "cells"), new Word(12_200, "that"), new Word(12_600, "fire"),
                        new Word(13_100, "together"))),
                new Cue(14_000, 16_000, "wire together",
                    List.of(new Word(14_100, "wire"), new Word(15_000, "together")))))))
        .add(video("otherVideo1", "Dopamine and reward", "2019-01-01", List.of(),
            manual(new Cue(5_000, 9_000, "Dopamine neurons signal reward prediction errors."))));
    index = openIndex(dir);
    SyncResult r = index.sync(corpus, false, null);
    assertEquals(3, r.added());
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

  SearchResponse q(String query) throws IOException {
    return search.search(SearchRequest.of(query));
  }

  @Test
  void phrase_spanning_two_cues_is_found_at_first_cue() throws IOException {
    SearchResponse r = q("\"spike timing dependent plasticity\"");
    assertEquals("stdpLecture", r.results().getFirst().videoId());
    Moment m = r.results().getFirst().moments().getFirst();
    assertEquals(1.0, m.start());
    assertEquals("transcript", m.source());
    assertEquals("https://www.youtube.com/watch?v=stdpLecture&t=1s", m.url());
    int[] h = m.highlights().getFirst();
    assertEquals("spike timing dependent plasticity", m.text().substring(h[0], h[1]));
  }

  @Test
  void phrase_inside_word_timed_captions_lands_on_the_word() throws IOException {
    Moment m = q("\"fire together\"").results().getFirst().moments().getFirst();
    assertEquals(12.6, m.start(), 1e-9);
    assertEquals("https://www.youtube.com/watch?v=autoCaption&t=12s", m.url());
  }

  @Test
  void every_occurrence_is_its_own_moment_and_counted() throws IOException {
    VideoHit hit = q("neuron").results().stream().filter(h -> h.videoId().equals("stdpLecture")).findFirst().orElseThrow();
    assertEquals(3, hit.momentsTotal());
    assertEquals(List.of(30.0, 200.0, 400.0), hit.moments().stream().map(Moment::start).sorted().toList());
  }

  @Test
  void nearby_matches_make_one_moment() throws IOException {
    VideoHit hit = q("together").results().getFirst();
    assertEquals(1, hit.momentsTotal(), "two 'together' 2 s apart are one moment");
    assertEquals(2, hit.moments().getFirst().highlights().size());
  }

  @Test
  void chapter_title_match_gives_a_moment_at_the_chapter_start() throws IOException {
    Moment m = q("chapter:hodgkin").results().getFirst().moments().getFirst();
    assertEquals("chapter", m.source());
    assertEquals(60.0, m.start());
    assertEquals("The Hodgkin-Huxley model", m.text());
  }

  @Test
  void title_match_gives_a_moment_at_zero() throws IOException {
    Moment m = q("title:dopamine").results().getFirst().moments().getFirst();
    assertEquals("title", m.source());
    assertEquals(0.0, m.start());
  }

  @Test
  void special_terms_stay_findable() throws IOException {
    for (String s : List.of("STDP", "Hodgkin-Huxley", "28x28", "e^x", "\"euler s formula\"", "Euler's")) {
      SearchResponse r = q(s);
      assertTrue(r.total() >= 1, s + " found nothing");
      assertEquals("stdpLecture", r.results().getFirst().videoId(), s);
    }
  }

  @Test
  void stemming_and_case_folding_match_other_forms() throws IOException {
    SearchResponse r = q("NEURONS");
    assertEquals(List.of(3, 1), r.results().stream().map(VideoHit::momentsTotal).sorted(java.util.Comparator.reverseOrder()).toList(),
        "'neuron' three times in the STDP lecture, 'neurons' once in the dopamine one");
  }

  @Test
  void videos_with_all_words_rank_first() throws IOException {
    SearchResponse r = q("dopamine neuron");
    assertEquals("otherVideo1", r.results().getFirst().videoId());
    assertEquals(2, r.total(), "a video with only one word still comes after");
  }

  @Test
  void exclusion_or_prefix_fuzzy_and_fields_work() throws IOException {
    assertEquals(List.of("otherVideo1"), ids(q("neuron -plasticity")));
    assertEquals(2, q("dopamine OR hebbian").total());
    assertEquals(List.of("autoCaption"), ids(q("hebb*")));
    assertEquals(List.of("autoCaption"), ids(q("hebian~")));
    assertEquals(List.of("otherVideo1"), ids(q("title:reward")));
  }

  @Test
  void prefix_match_gives_moments_too() throws IOException {
    Moment m = q("hebb*").results().getFirst().moments().getFirst();
    assertEquals(10.0, m.start());
  }

  @Test
  void filters_and_date_sort() throws IOException {
    SearchRequest newest = new SearchRequest("neuron OR hebbian", 10, 0, null, null, null, null, SearchRequest.Sort.DATE, 5);
    assertEquals(List.of("autoCaption", "stdpLecture", "otherVideo1"), ids(search.search(newest)));
    SearchRequest in2021 = new SearchRequest("neuron", 10, 0, "PLtest", "en",
        LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"), null, 5);
    assertEquals(List.of("stdpLecture"), ids(search.search(in2021)));
    SearchRequest otherPlaylist = new SearchRequest("neuron", 10, 0, "PLother", null, null, null, null, 5);
    assertEquals(0, search.search(otherPlaylist).total());
  }

  @Test
  void misspelled_word_gets_a_suggestion() throws IOException {
    SearchResponse r = q("dopamin rewrd");
    assertEquals("dopamine reward", r.suggestion());
    assertNull(q("dopamine").suggestion());
  }

  @Test
  void bad_input_gives_a_clear_message_or_results() throws IOException {
    // what each odd input gets: refused with the message, or answered with this many videos
    Map<String, Object> expected = new LinkedHashMap<>();
    String nothing = "type a word or a \"phrase\"";
    expected.put("OR", nothing);
    expected.put("-", nothing);
    expected.put("*", nothing);
    expected.put("~", nothing);
    expected.put("\"unbalanced quote", 0L);
    expected.put("title:", 0L);
    expected.put("a".repeat(900), 0L);
    for (String neuron : List.of("neuron OR", "\u0000neuron\u0007", "((neuron", "-\"x y\" neuron", "n?uron", "*uron")) {
      expected.put(neuron, 2L);
    }
    expected.forEach((bad, outcome) -> {
      try {
        assertEquals(outcome, q(bad).total(), bad);
      } catch (InvalidQueryException e) {
        assertTrue(outcome instanceof String message && e.getMessage().contains(message), bad + " -> " + e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    InvalidQueryException tooLong = assertThrows(InvalidQueryException.class, () -> q("x".repeat(10_000)));
    assertTrue(tooLong.getMessage().contains("too long"));
    assertThrows(InvalidQueryException.class, () -> q("*"));
    assertThrows(InvalidQueryException.class, () -> q("-neuron"));
  }

  @Test
  void more_than_a_thousand_matches_are_counted_exactly_and_later_pages_have_cards_and_moments()
      throws IOException {
    // past the 1,000 videos that ranking alone counts exactly: the count is taken while ranking
    // (one word, a quoted phrase) or in a second pass (several words, whose proximity is scored)
    for (int i = 0; i < 1_100; i++) {
      corpus.add(video("many%07d".formatted(i), "Filler " + i, "2020-01-01", List.of(),
          manual(new Cue(1_000, 3_000, i % 2 == 0 ? "so the chain rule again" : "a chain of rules"))));
    }
    index.sync(corpus, false, null);
    assertEquals(1_100, q("chain").total());
    assertEquals(550, q("\"chain rule\"").total());
    assertEquals(1_100, q("chain rules").total());

    SearchResponse second = search.search(
        new SearchRequest("\"chain rule\"", 10, 10, null, null, null, null, SearchRequest.Sort.RELEVANCE, 5));
    SearchResponse both = search.search(
        new SearchRequest("\"chain rule\"", 20, 0, null, null, null, null, SearchRequest.Sort.RELEVANCE, 5));
    assertEquals(both.results().subList(10, 20).stream().map(VideoHit::videoId).toList(),
        second.results().stream().map(VideoHit::videoId).toList());
    for (VideoHit hit : second.results()) {
      assertTrue(hit.title().startsWith("Filler "), hit.title());
      assertEquals("so the chain rule again", hit.moments().getFirst().text());
    }
  }

  @Test
  void removed_video_disappears_and_unchanged_ones_are_not_reindexed() throws IOException {
    corpus.videos.remove("otherVideo1");
    SyncResult r = index.sync(corpus, false, null);
    assertEquals(1, r.deleted());
    assertEquals(2, r.unchanged());
    assertEquals(0, q("dopamine").total());
  }

  @Test
  void corrected_captions_replace_the_old_ones_and_a_rebuild_keeps_every_video() throws IOException {
    corpus.add(video("otherVideo1", "Dopamine and reward", "2019-01-01", List.of(),
        manual(new Cue(7_000, 9_000, "Serotonin neurons signal punishment."))));
    SyncResult r = index.sync(corpus, false, null);
    assertEquals(1, r.updated());
    assertEquals(2, r.unchanged());
    assertEquals(0, q("\"prediction errors\"").total());
    assertEquals(7.0, q("serotonin").results().getFirst().moments().getFirst().start());

    SyncResult rebuilt = index.sync(corpus, true, null);
    assertEquals(3, rebuilt.added());
    assertEquals(7.0, q("serotonin").results().getFirst().moments().getFirst().start());
    assertEquals(List.of("stdpLecture"), ids(q("\"spike timing dependent\"")));
  }

  @Test
  void completions_come_from_the_vocabulary_and_prefer_phrases_that_were_said() throws IOException {
    Suggestions s = new Suggestions(index);
    assertEquals("spike timing", s.complete("spike tim", 5).getFirst());
    assertTrue(s.complete("dopa", 5).contains("dopamine"), s.complete("dopa", 5).toString());
    assertEquals(List.of(), s.complete("zzq", 5));
  }

  @Test
  void status_counts_videos_languages_and_cues() throws IOException {
    IndexStats stats = IndexStats.of(index);
    assertEquals(3, stats.videos());
    assertEquals(java.util.Map.of("en", 3), stats.transcriptsByLanguage());
    assertEquals(6 + 2 + 1, stats.cues());
    assertTrue(stats.sizeBytes() > 0);
  }

  static List<String> ids(SearchResponse r) {
    return r.results().stream().map(VideoHit::videoId).toList();
  }
}
