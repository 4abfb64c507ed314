package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.SearchIndex;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passages, vectors, semantic and hybrid search over a real Lucene index with a fake embedder. */
class SemanticSearchTest {
  @TempDir Path tmp;
  final FakeEmbedder embedder = new FakeEmbedder();
  final MemoryCorpus corpus = new MemoryCorpus();
  SearchIndex index;
  PassageIndex passages;
  ModeSearch modes;

  /** A video whose sentences are said one per 5-second cue, after {@code filler} cues of small talk. */
  static Video lecture(String id, String title, String playlist, int filler, String... sentences) {
    List<Cue> cues = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < filler; i++, t += 5_000) {
      cues.add(new Cue(t, t + 5_000, "Welcome back everyone, today is a good day number " + i + "."));
    }
    for (String s : sentences) {
      cues.add(new Cue(t, t + 5_000, s));
      t += 5_000;
    }
    return new Video(id, title, "", "Course", "", Instant.parse("2024-01-0" + (1 + Math.abs(id.hashCode()) % 8)
        + "T00:00:00Z"), t / 1000, "", "en", List.of(), List.of(new PlaylistEntry(playlist, playlist, 0)),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues)));
  }

  static final String NEURONS = "neuronaaaaa";
  static final String FOURIER = "fourierbbbb";
  static final String GRADIENT = "gradientccc";

  @BeforeEach
  void build() throws Exception {
    corpus.add(lecture(NEURONS, "Spiking neurons", "PLbio", 12,
        "A neuron integrates its inputs on the membrane.",
        "When the membrane potential crosses threshold the neuron fires a spike.",
        "Spikes are all or nothing events, so information is carried by timing.",
        "After each spike there is a refractory period."));
    corpus.add(lecture(FOURIER, "Fourier series", "PLmath", 12,
        "A Fourier series writes a periodic function as a sum of sines and cosines.",
        "Each frequency gets a coefficient computed by an integral.",
        "The heat equation is solved by decaying each frequency separately."));
    corpus.add(lecture(GRADIENT, "Gradient descent", "PLmath", 3,
        "Gradient descent walks downhill on the cost function.",
        "The learning rate sets the step size of each update.",
        "Backpropagation computes the gradient for every weight."));
    index = SearchIndex.open(tmp.resolve("lucene"));
    index.sync(corpus, false, null);
    passages = PassageIndex.open(tmp.resolve("vectors"), embedder);
    passages.sync(corpus, false, null, null);
    modes = ModeSearch.of(index, new SearchService(index), passages, embedder);
  }

  @AfterEach
  void close() throws Exception {
    passages.close();
    index.close();
  }

  static SearchRequest request(String q, SearchRequest.Mode mode) {
    return SearchRequest.of(q).withMode(mode);
  }

  @Test
  void a_semantic_moment_starts_at_its_passage_and_shows_its_text() throws Exception {
    SearchResponse r = modes.search(request("what happens when the membrane potential reaches threshold",
        SearchRequest.Mode.SEMANTIC));
    assertEquals("semantic", r.mode());
    VideoHit top = r.results().getFirst();
    assertEquals(NEURONS, top.videoId());
    assertEquals("Spiking neurons", top.title(), "the card comes from the keyword index");
    Moment m = top.moments().getFirst();
    assertTrue(m.text().contains("crosses threshold"), m.text());
    assertTrue(m.url().endsWith("&t=" + (long) m.start() + "s"), m.url());
    assertEquals("transcript", m.source());
    assertEquals("manual", m.kind());
    assertFalse(m.highlights().isEmpty(), "query words in the passage are marked");
    int[] h = m.highlights().getFirst();
    assertTrue(List.of("membrane", "potential", "threshold").contains(m.text().substring(h[0], h[1]).toLowerCase()));
  }

  @Test
  void semantic_results_honour_the_playlist_filter() throws Exception {
    SearchRequest onlyMath = new SearchRequest("neuron spike membrane threshold", 10, 0, "PLmath", null, null, null,
        null, 5, List.of(), SearchRequest.Mode.SEMANTIC);
    SearchResponse r = modes.search(onlyMath);
    assertFalse(r.results().isEmpty());
    assertTrue(r.results().stream().allMatch(v -> v.playlistIds().contains("PLmath")), r.toString());
  }

  @Test
  void hybrid_puts_a_moment_holding_every_word_first_with_its_keyword_time() throws Exception {
    SearchResponse r = modes.search(request("refractory period after a spike", SearchRequest.Mode.HYBRID));
    assertEquals("hybrid", r.mode());
    VideoHit top = r.results().getFirst();
    assertEquals(NEURONS, top.videoId());
    // the keyword moment: the cue saying "refractory period", at its own start
    Moment keywordMoment = modes.search(request("refractory period after a spike", SearchRequest.Mode.KEYWORD))
        .results().getFirst().moments().getFirst();
    assertEquals(keywordMoment.start(), top.moments().getFirst().start(), 0.001);
    assertFalse(top.moments().getFirst().highlights().isEmpty());
    assertEquals(Moment.WORDS, top.moments().getFirst().match());
  }

  @Test
  void a_few_words_all_found_are_answered_as_keyword_search_answers_them() throws Exception {
    for (String q : List.of("refractory period spike", "membrane threshold", "heat equation frequency")) {
      SearchResponse kw = modes.search(request(q, SearchRequest.Mode.KEYWORD));
      SearchResponse hy = modes.search(request(q, SearchRequest.Mode.HYBRID));
      assertEquals("hybrid", hy.mode());
      assertEquals(shown(kw), shown(hy), q);
      assertEquals(kw.total(), hy.total(), q);
      assertEquals(kw.wordMatches(), hy.wordMatches(), q);
    }
  }

  @Test
  void the_query_language_is_answered_by_words_alone() throws Exception {
    for (String q : List.of("\"membrane potential\"", "title:fourier", "spike -fourier", "spike OR gradient",
        "refract*", "refractroy~", "chapter:anything", "\"frequency separately\" heat")) {
      SearchResponse kw = modes.search(request(q, SearchRequest.Mode.KEYWORD));
      SearchResponse hy = modes.search(request(q, SearchRequest.Mode.HYBRID));
      assertEquals(shown(kw), shown(hy), q);
      assertTrue(hy.results().stream().flatMap(v -> v.moments().stream()).noneMatch(m -> m.match().equals(Moment.MEANING)),
          q + ": " + hy);
    }
  }

  @Test
  void a_question_in_other_words_is_answered_by_meaning_and_says_so() throws Exception {
    SearchResponse r = modes.search(request("what happens when the membrane potential reaches the threshold value",
        SearchRequest.Mode.HYBRID));
    assertEquals(0L, r.wordMatches(), "no video says every word of the question");
    VideoHit top = r.results().getFirst();
    assertEquals(NEURONS, top.videoId());
    assertEquals(Moment.MEANING, top.moments().getFirst().match());
    assertTrue(top.moments().getFirst().text().contains("crosses threshold"), top.moments().getFirst().text());
  }

  @Test
  void a_moment_by_meaning_starts_at_the_passage_nearest_the_question_and_no_two_overlap() throws Exception {
    VideoHit top = modes.search(request("refractory period after the spike", SearchRequest.Mode.SEMANTIC))
        .results().getFirst();
    assertEquals(NEURONS, top.videoId());
    assertTrue(top.moments().getFirst().text().contains("refractory"), top.moments().getFirst().text());
    List<Double> starts = top.moments().stream().map(Moment::start).sorted().toList();
    for (int i = 1; i < starts.size(); i++) {
      assertTrue(starts.get(i) - starts.get(i - 1) >= 15, "moments " + starts);
    }
  }

  /** What a page shows: videos, and each moment's time, text, marks and label. */
  static List<String> shown(SearchResponse r) {
    return r.results().stream().map(v -> v.videoId() + " " + v.match() + " " + v.moments().stream()
        .map(m -> m.start() + " " + m.match() + " " + m.text() + " "
            + m.highlights().stream().map(java.util.Arrays::toString).toList()).toList()).toList();
  }

  @Test
  void nonsense_finds_nothing_in_any_mode() throws Exception {
    // a fake with room enough that made-up words rarely share a dimension with real ones
    FakeEmbedder wide = new FakeEmbedder("fake-wide", 1024).withFloor(0.2);
    PassageIndex widePassages = PassageIndex.open(tmp.resolve("vectors-wide"), wide);
    widePassages.sync(corpus, false, null, null);
    ModeSearch floored = ModeSearch.of(index, new SearchService(index), widePassages, wide);
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      SearchResponse r = floored.search(request("zzzzqqq asdfgh jklqwe", mode));
      assertEquals(List.of(), r.results(), mode + ": " + r);
      assertEquals(0, r.total(), mode.toString());
    }
    assertFalse(floored.search(request("membrane potential threshold", SearchRequest.Mode.SEMANTIC)).results().isEmpty(),
        "a query about something said still finds it above the floor");
    widePassages.close();
  }

  @Test
  void sorted_by_date_the_newest_video_comes_first_in_every_mode() throws Exception {
    for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
      for (String q : List.of("the", "how do functions and neurons change over time")) {
        SearchRequest r = new SearchRequest(q, 10, 0, null, null, null, null, SearchRequest.Sort.DATE, 5, List.of(), mode);
        List<String> dates = modes.search(r).results().stream().map(VideoHit::publishedAt).toList();
        assertTrue(dates.size() >= 2, mode + " " + q + ": " + dates);
        assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates, mode + " " + q);
      }
    }
  }

  @Test
  void hybrid_finds_videos_keyword_search_misses() throws Exception {
    String q = "neuronal spiking"; // no video says "neuronal" or "spiking" word for word...
    SearchResponse kw = modes.search(request(q, SearchRequest.Mode.KEYWORD));
    SearchResponse hy = modes.search(request(q, SearchRequest.Mode.HYBRID));
    assertTrue(hy.results().size() >= kw.results().size());
    assertEquals(NEURONS, hy.results().getFirst().videoId());
  }

  @Test
  void a_question_mark_in_hybrid_is_punctuation_not_a_wildcard() throws Exception {
    SearchResponse r = modes.search(request("what is a refractory period?", SearchRequest.Mode.HYBRID));
    assertEquals(NEURONS, r.results().getFirst().videoId());
    assertTrue(r.results().getFirst().moments().getFirst().text().toLowerCase().contains("refractory"));
  }

  @Test
  void requests_without_a_mode_run_in_the_default_mode() throws Exception {
    assertEquals(ModeSearch.DEFAULT.name().toLowerCase(), modes.search(SearchRequest.of("spike")).mode());
  }

  @Test
  void without_vectors_only_keyword_search_answers_and_says_why() throws Exception {
    ModeSearch off = ModeSearch.keywordOnly(new SearchService(index), "embeddings are off");
    assertEquals("keyword", off.search(SearchRequest.of("spike")).mode());
    InvalidQueryException e = assertThrows(InvalidQueryException.class,
        () -> off.search(request("spike", SearchRequest.Mode.SEMANTIC)));
    assertTrue(e.getMessage().contains("embeddings are off") && e.getMessage().contains("mode=keyword"), e.getMessage());
  }

  @Test
  void a_refresh_embeds_only_new_or_changed_text() throws Exception {
    int before = embedder.embedded.get();
    PassageSyncResult same = passages.sync(corpus, false, null, null);
    assertEquals(0, same.embedded());
    assertEquals(3, same.unchanged());

    // one video edited at its end: only the passages whose text changed are embedded again
    Video old = corpus.videos.get(NEURONS);
    List<Cue> cues = new ArrayList<>(old.transcripts().getFirst().cues());
    Cue last = cues.removeLast();
    cues.add(new Cue(last.startMs(), last.endMs(), "After each spike the neuron rests for a refractory period."));
    corpus.add(new Video(old.id(), old.title(), "", old.channel(), "", old.publishedAt(), old.durationSeconds(), "",
        "en", List.of(), old.playlists(), List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues))));
    corpus.videos.remove(GRADIENT);
    PassageSyncResult r = passages.sync(corpus, false, null, null);
    assertEquals(1, r.updated());
    assertEquals(1, r.deleted());
    int neuronPassages = r.passages();
    assertTrue(r.embedded() >= 1 && r.embedded() < neuronPassages,
        "embedded " + r.embedded() + " of " + neuronPassages + " passages");
    assertEquals(before + r.embedded(), embedder.embedded.get());
    index.sync(corpus, false, null);
    SearchResponse gone = modes.search(request("gradient descent learning rate", SearchRequest.Mode.SEMANTIC));
    assertTrue(gone.results().stream().noneMatch(v -> v.videoId().equals(GRADIENT)));
  }

  @Test
  void the_passage_index_survives_a_restart_and_a_rebuild_embeds_nothing() throws Exception {
    passages.close();
    FakeEmbedder fresh = new FakeEmbedder();
    passages = PassageIndex.open(tmp.resolve("vectors"), fresh);
    assertEquals(3, passages.sync(corpus, false, null, null).unchanged());
    PassageSyncResult rebuilt = passages.sync(corpus, true, null, null);
    assertEquals(3, rebuilt.added());
    assertEquals(0, fresh.embedded.get(), "every vector came from the cache");
    assertTrue(rebuilt.passages() > 3);
    SearchResponse after = new SemanticSearch(index, passages, fresh).search(
        request("what happens when the membrane potential reaches threshold", SearchRequest.Mode.SEMANTIC));
    assertEquals(NEURONS, after.results().getFirst().videoId(), "the rebuilt passages are the ones searched");
  }

  @Test
  void another_model_embeds_everything_again_in_its_own_cache() throws Exception {
    passages.close();
    FakeEmbedder other = new FakeEmbedder("another-model");
    passages = PassageIndex.open(tmp.resolve("vectors"), other);
    PassageSyncResult r = passages.sync(corpus, false, null, null);
    assertEquals(3, r.updated());
    // the two lectures open with the same small talk: its passages are embedded once
    assertEquals(r.embedded(), other.embedded.get());
    java.util.Set<String> texts = new java.util.HashSet<>();
    for (String id : corpus.fingerprints().keySet()) {
      dev.cuepoint.index.Passages.of(corpus.load(id).transcripts().getFirst().cues()).forEach(p -> texts.add(p.text()));
    }
    long distinct = texts.size();
    assertTrue(distinct < r.passages(), "some passages are the same small talk");
    assertEquals(distinct, r.embedded());
  }

  @Test
  void a_stop_request_leaves_what_was_done_committed() throws Exception {
    passages.close();
    java.nio.file.Path other = tmp.resolve("vectors2");
    try (PassageIndex p = PassageIndex.open(other, embedder)) {
      PassageSyncResult r = p.sync(corpus, false, null, () -> true);
      assertTrue(r.stopped());
      assertEquals(0, r.added());
    }
    passages = PassageIndex.open(tmp.resolve("vectors"), embedder);
  }

  @Test
  void plain_drops_the_keyword_syntax() {
    assertEquals("spike timing neuro hebbian x", SemanticSearch.plain("\"spike timing\" neuro* -hebbian~ title:x"));
  }
}
