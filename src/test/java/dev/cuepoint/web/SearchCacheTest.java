package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search cache on a real index: a repeated search is answered from it (the very same result
 * list), a refresh that changes the index is never answered with the old answer, and the request's
 * every part is in the key.
 */
class SearchCacheTest {
  @TempDir Path dir;
  Library library;
  SearchIndex index;
  ModeSearch search;

  @BeforeEach
  void setUp() throws IOException {
    library = Library.standard();
    index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(library, false, null);
    search = ModeSearch.keywordOnly(new SearchService(index), "no vectors in this test");
  }

  @AfterEach
  void tearDown() throws IOException {
    index.close();
  }

  private SearchCache cache(int capacity) {
    return new SearchCache(search::search, request -> {
      try {
        return search.state(request);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, capacity);
  }

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheWithItsOwnTime() throws IOException {
    SearchCache cache = cache(10);
    SearchResponse first = cache.search(SearchRequest.of("spike timing"));
    SearchResponse again = cache.search(SearchRequest.of("spike timing"));
    assertSame(first.results(), again.results(), "the second answer comes from the cache");
    assertEquals(first.total(), again.total());
    assertEquals(first.suggestion(), again.suggestion());
    assertEquals(first.mode(), again.mode());
    assertEquals(1, cache.size());
  }

  @Test
  void everyPartOfTheRequestIsInTheKey() throws IOException {
    SearchCache cache = cache(10);
    SearchRequest plain = SearchRequest.of("timing");
    SearchResponse relevance = cache.search(plain);
    SearchResponse byDate = cache.search(new SearchRequest(plain.query(), plain.limit(), plain.offset(),
        plain.playlist(), plain.lang(), plain.from(), plain.to(), SearchRequest.Sort.DATE, plain.momentsPerVideo(),
        plain.preferredLanguages(), plain.mode()));
    SearchResponse oneMoment = cache.search(new SearchRequest(plain.query(), plain.limit(), plain.offset(),
        plain.playlist(), plain.lang(), plain.from(), plain.to(), plain.sort(), 1, plain.preferredLanguages(),
        plain.mode()));
    assertEquals(3, cache.size());
    assertEquals(List.of("stdpLecture", "hebbLecture"), ids(relevance));
    assertEquals(List.of("hebbLecture", "stdpLecture"), ids(byDate), "newest first, not the cached relevance order");
    assertEquals(1, oneMoment.results().getFirst().moments().size());
  }

  @Test
  void aRefreshThatChangesTheIndexIsNeverAnsweredFromBefore() throws IOException {
    SearchCache cache = cache(10);
    SearchRequest q = SearchRequest.of("axon guidance");
    assertEquals(0, cache.search(q).total());
    assertEquals(0, cache.search(q).total());

    library.add(new Video("axonVideo01", "Growth cones", "", "Cuepoint tests", "UCtest",
        Instant.parse("2024-01-01T12:00:00Z"), 60, "", "en", List.of(), List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test",
            List.of(new Cue(2_000, 5_000, "Axon guidance steers growth cones."))))));
    index.sync(library, false, null);
    SearchResponse after = cache.search(q);
    assertEquals(1, after.total());
    assertEquals(List.of("axonVideo01"), ids(after));
    assertEquals(1, cache.size(), "the answer of the old index was replaced");

    index.sync(library, false, null); // nothing changed: the kept answers stay good
    assertSame(after.results(), cache.search(q).results());
  }

  @Test
  void withoutAStateOrWithNoRoomNothingIsKept() throws IOException {
    AtomicReference<Object> state = new AtomicReference<>(null);
    SearchCache unknown = new SearchCache(search::search, request -> state.get(), 10);
    SearchResponse a = unknown.search(SearchRequest.of("spike timing"));
    assertNotSame(a.results(), unknown.search(SearchRequest.of("spike timing")).results());
    assertEquals(0, unknown.size());

    SearchCache off = cache(0);
    SearchResponse b = off.search(SearchRequest.of("spike timing"));
    assertNotSame(b.results(), off.search(SearchRequest.of("spike timing")).results());
    assertEquals(0, off.size());
  }

  @Test
  void theLeastRecentlyUsedAnswerGoesFirst() throws IOException {
    SearchCache cache = cache(2);
    SearchResponse spike = cache.search(SearchRequest.of("spike"));
    cache.search(SearchRequest.of("hebbian"));
    cache.search(SearchRequest.of("spike")); // used again: now the most recent
    cache.search(SearchRequest.of("waves")); // pushes out "hebbian"
    assertEquals(2, cache.size());
    assertSame(spike.results(), cache.search(SearchRequest.of("spike")).results());
  }

  @Test
  void passagesEmbeddedInTheBackgroundKeepKeywordAnswersButNotHybridOnes() throws IOException {
    FakeEmbedder embedder = new FakeEmbedder();
    try (PassageIndex passages = PassageIndex.open(dir.resolve("vectors"), embedder)) {
      passages.sync(library, false, null, null);
      search = ModeSearch.of(index, new SearchService(index), passages, embedder);
      SearchCache cache = cache(10);
      SearchRequest keyword = mode(SearchRequest.of("spike timing"), SearchRequest.Mode.KEYWORD);
      SearchRequest hybrid = mode(SearchRequest.of("spike timing"), SearchRequest.Mode.HYBRID);
      SearchResponse k = cache.search(keyword);
      SearchResponse h = cache.search(hybrid);
      assertSame(h.results(), cache.search(hybrid).results());

      library.add(new Video("axonVideo02", "Growth cones", "", "Cuepoint tests", "UCtest",
          Instant.parse("2024-01-01T12:00:00Z"), 60, "", "en", List.of(), List.of(),
          List.of(new Transcript("en", Transcript.Kind.MANUAL, "test",
              List.of(new Cue(2_000, 5_000, "Axon guidance steers growth cones."))))));
      passages.sync(library, false, null, null); // only the passage index changes
      assertSame(k.results(), cache.search(keyword).results(), "a keyword answer does not depend on passages");
      assertNotSame(h.results(), cache.search(hybrid).results(), "a hybrid answer does");
    }
  }

  private static SearchRequest mode(SearchRequest r, SearchRequest.Mode mode) {
    return new SearchRequest(r.query(), r.limit(), r.offset(), r.playlist(), r.lang(), r.from(), r.to(), r.sort(),
        r.momentsPerVideo(), r.preferredLanguages(), mode);
  }

  private static List<String> ids(SearchResponse r) {
    return r.results().stream().map(h -> h.videoId()).toList();
  }
}
