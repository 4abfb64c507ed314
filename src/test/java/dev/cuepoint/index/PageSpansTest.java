package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spans a view finds for a page of hits all at once, in doc-id order with each word reading its
 * postings forward ({@link ForwardTermQuery}), are the spans Lucene's own {@code Weight.matches}
 * finds hit by hit: same fields, offsets, order and groups. Checked on an index on disk written by
 * three syncs (three segments), for words, phrases, prefixes, fuzzy words and several groups.
 */
class PageSpansTest {
  private static final List<String> WORDS = List.of("neuron", "spike", "cortex", "signal", "membrane",
      "potential", "synapse", "voltage", "current", "dendrite", "axon", "channel", "threshold", "firing");
  private static final String TEXT = Fields.text("en");

  /** The analysis the index does ({@link SearchIndex#analyzers}). */
  private static final Analyzers ANALYZERS = new Analyzers();

  @TempDir static Path dir;
  private static SearchIndex index;

  @BeforeAll
  static void threeSegments() throws IOException {
    index = SearchIndex.open(dir.resolve("lucene"));
    Random random = new Random(21);
    Map<String, Video> corpus = new LinkedHashMap<>();
    for (int sync = 0; sync < 3; sync++) {
      for (int i = 0; i < 12; i++) {
        String id = String.format("vid%08d", sync * 100 + i);
        corpus.put(id, video(id, random));
      }
      index.sync(CorpusSnapshot.inMemory(Map.copyOf(corpus)), false, null);
    }
    IndexSearcher searcher = index.acquire();
    try {
      assertTrue(searcher.getIndexReader().leaves().size() >= 3,
          "three syncs wrote " + searcher.getIndexReader().leaves().size() + " segments");
    } finally {
      index.release(searcher);
    }
  }

  @AfterAll
  static void close() throws IOException {
    index.close();
  }

  /** Words drawn from a small vocabulary, so each is in many videos of every segment, some not at all. */
  private static Video video(String id, Random random) {
    List<String> vocabulary = new ArrayList<>(WORDS);
    Collections.shuffle(vocabulary, random);
    List<String> own = vocabulary.subList(0, 6 + random.nextInt(8));
    List<Cue> cues = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      StringBuilder line = new StringBuilder();
      for (int w = 0; w < 6; w++) {
        line.append(w == 0 ? "" : " ").append(own.get(random.nextInt(own.size())));
      }
      cues.add(new Cue(c * 3_000L, c * 3_000L + 2_500, line.toString()));
    }
    List<Chapter> chapters = List.of(new Chapter(0, own.get(0) + " " + own.get(1)),
        new Chapter(30_000, own.get(2) + " and " + own.get(0)));
    return new Video(id, own.get(random.nextInt(own.size())) + " " + own.get(random.nextInt(own.size())), "", "",
        "", null, 90, "", "en", chapters, List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues)));
  }

  private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.CHAPTERS, TEXT);

  /** A group: the word as a term in each field, as analysed there. */
  private static SearchQuery word(String word) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    for (String field : FIELDS) {
      b.add(new SearchQuery.Term(field, ANALYZERS.tokens(field, word).getFirst().text()),
          SearchQuery.Occur.SHOULD);
    }
    return b.build();
  }

  private static SearchQuery phrase(String words, int slop) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    for (String field : FIELDS) {
      List<String> terms = new ArrayList<>();
      List<Integer> positions = new ArrayList<>();
      for (Analyzers.Token t : ANALYZERS.tokens(field, words)) {
        terms.add(t.text());
        positions.add(t.position());
      }
      b.add(new SearchQuery.Phrase(field, terms, positions, slop), SearchQuery.Occur.SHOULD);
    }
    return b.build();
  }

  private static SearchQuery prefix(String prefix) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    for (String field : FIELDS) {
      b.add(new SearchQuery.Prefix(field, prefix), SearchQuery.Occur.SHOULD);
    }
    return b.build();
  }

  private static SearchQuery fuzzy(String word) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    for (String field : FIELDS) {
      b.add(new SearchQuery.Fuzzy(field, word, 1), SearchQuery.Occur.SHOULD);
    }
    return b.build();
  }

  private static final List<List<SearchQuery>> QUERIES = List.of(
      List.of(word("neuron")),
      List.of(word("spike"), word("cortex")),
      List.of(phrase("membrane potential", 0)),
      List.of(phrase("spike voltage", 0), word("axon"), word("spike")),
      List.of(prefix("syn"), word("signal")),
      List.of(fuzzy("dendrit"), prefix("thr"), phrase("current channel", 2)),
      List.of(word("firing"), word("threshold"), word("current"), word("neuron"), prefix("volt"), fuzzy("axom")));

  /** Each hit's spans as Lucene's own weight finds them for that document alone. */
  private static List<List<KeywordIndex.Span>> oneByOne(List<SearchQuery> groups, List<KeywordIndex.Hit> hits)
      throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      LuceneQueryTranslator.Groups g = new LuceneQueryTranslator().groups(groups);
      Weight weight = searcher.createWeight(searcher.rewrite(g.query()), ScoreMode.COMPLETE_NO_SCORES, 1f);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      List<List<KeywordIndex.Span>> out = new ArrayList<>();
      for (KeywordIndex.Hit hit : hits) {
        TopDocs byId = searcher.search(new TermQuery(new Term(Fields.ID, hit.meta().get(Fields.ID))), 1);
        int doc = byId.scoreDocs[0].doc;
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        out.add(g.spans(weight.matches(leaf, doc - leaf.docBase)));
      }
      return out;
    } finally {
      index.release(searcher);
    }
  }

  private static SearchQuery any(List<SearchQuery> groups) {
    SearchQuery.BoolBuilder b = SearchQuery.bool();
    groups.forEach(g -> b.add(g, SearchQuery.Occur.SHOULD));
    return b.build();
  }

  @Test
  void a_page_asked_hit_by_hit_in_rank_order_gets_the_spans_of_each_hit_alone() throws IOException {
    int spans = 0;
    long groupsSeen = 0;
    for (List<SearchQuery> groups : QUERIES) {
      try (KeywordIndex.View view = index.view()) {
        List<KeywordIndex.Hit> hits = view.top(any(groups), any(groups), false, 20).hits();
        assertTrue(hits.size() >= 10, groups + " matched " + hits.size() + " videos");
        List<List<KeywordIndex.Span>> expected = oneByOne(groups, hits);
        for (int i = 0; i < hits.size(); i++) {
          List<KeywordIndex.Span> got = view.spans(hits.get(i), groups);
          assertEquals(expected.get(i), got, "hit " + i + " of " + groups);
          spans += got.size();
          for (KeywordIndex.Span s : got) {
            groupsSeen |= s.groups();
          }
        }
      }
    }
    // what was compared is not nothing: many spans, of groups up to the sixth
    assertTrue(spans > 1_000, "only " + spans + " spans");
    assertEquals(0b111111, groupsSeen);
  }

  @Test
  void a_later_page_a_hit_asked_again_and_hits_out_of_order_get_the_same_spans() throws IOException {
    for (List<SearchQuery> groups : QUERIES) {
      try (KeywordIndex.View view = index.view()) {
        List<KeywordIndex.Hit> hits = view.top(any(groups), any(groups), false, 20).hits();
        List<List<KeywordIndex.Span>> expected = oneByOne(groups, hits);
        // a second page: asked from rank 10 on
        for (int i = 10; i < hits.size(); i++) {
          assertEquals(expected.get(i), view.spans(hits.get(i), groups), "hit " + i + " of " + groups);
        }
        // the first page after it, then every hit again in a shuffled order, each twice
        for (int i = 0; i < 10; i++) {
          assertEquals(expected.get(i), view.spans(hits.get(i), groups), "hit " + i + " of " + groups);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        for (int i : order) {
          assertEquals(expected.get(i), view.spans(hits.get(i), groups), "hit " + i + " again, " + groups);
          assertEquals(expected.get(i), view.spans(hits.get(i), groups), "hit " + i + " twice, " + groups);
        }
      }
    }
  }

  @Test
  void another_list_of_groups_in_the_same_view_gets_its_own_spans() throws IOException {
    try (KeywordIndex.View view = index.view()) {
      List<SearchQuery> first = QUERIES.get(1);
      List<SearchQuery> second = QUERIES.get(5);
      List<KeywordIndex.Hit> hits = view.top(any(first), any(first), false, 20).hits();
      List<List<KeywordIndex.Span>> expectedFirst = oneByOne(first, hits);
      List<List<KeywordIndex.Span>> expectedSecond = oneByOne(second, hits);
      // the first hit's spans found the rest of the page's for the first groups: not handed out for others
      assertEquals(expectedFirst.get(0), view.spans(hits.get(0), first));
      for (int i = 1; i < hits.size(); i++) {
        assertEquals(expectedSecond.get(i), view.spans(hits.get(i), second), "hit " + i);
        assertEquals(expectedFirst.get(i), view.spans(hits.get(i), first), "hit " + i);
      }
    }
  }
}
