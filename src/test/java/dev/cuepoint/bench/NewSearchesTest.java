package dev.cuepoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.realdata.RealData;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query mix of the new-search load: its size, its kinds, and that it is drawn the same each time. */
class NewSearchesTest {
  @TempDir Path tmp;

  @Test
  void fourHundredDifferentQueriesOfEveryKindDrawnFromTheCorpus() throws Exception {
    CorpusMaker maker = new CorpusMaker(RealVideos.load(RealData.require("3b1b")));
    Path captions = tmp.resolve("captions");
    maker.writeRecombined(captions, 40);
    List<String> queries = NewSearches.queries(captions, 400, 40);

    assertEquals(400, queries.size());
    assertEquals(400, new HashSet<>(queries).size(), "all different");
    Map<String, Integer> kinds = new TreeMap<>();
    for (int i = 0; i < queries.size(); i++) {
      kinds.merge(QueryTimes.kindOf(queries.get(i), i, 60), 1, Integer::sum);
    }
    assertEquals(Map.of("common word", 60, "one word", 100, "two words", 100, "quoted phrase", 80, "prefix", 60), kinds);
    assertEquals("the", queries.getFirst(), "the commonest word of English speech comes first");
    for (String q : queries.subList(60, 400)) {
      assertTrue(q.matches("\"\\S+ \\S+ \\S+\"|\\S+ \\S+|\\S+|\\p{L}{4,5}\\*"), q);
    }
    assertEquals(queries, NewSearches.queries(captions, 400, 40), "the same corpus gives the same queries");
  }
}
