package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.ManyLectures;
import dev.cuepoint.crawl.OAuthStore;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of real {@code cuepoint import}, {@code crawl} and {@code index --rebuild} processes
 * at random moments (seeded: {@code -Dcuepoint.crash.seed}, {@code -Dcuepoint.crash.rounds}, 6 rounds
 * by default), round after round on one data directory. After each kill, as after a restart: every
 * corpus file reads, every video that was in the corpus before is still there, the index opens and
 * finds at least every video it found before, and bringing it up to date makes it find them all.
 */
class KillAtRandomPointsTest {
  static final String PLAYLIST = "PLmanyLectures0001";

  @TempDir Path tmp;

  enum Step { IMPORT, CRAWL, INDEX }

  @Test
  void nothing_committed_is_lost_when_import_crawl_or_indexing_is_killed_at_random() throws Exception {
    long seed = Long.getLong("cuepoint.crash.seed", 20_260_415L);
    int rounds = Integer.getInteger("cuepoint.crash.rounds", 6);
    Random random = new Random(seed);
    Path data = tmp.resolve("data");
    int killedMidway = 0;
    try (FakeYouTube fake = new FakeYouTube()) {
      new OAuthStore(data.resolve("state")).save(new ApiCredentials.OAuth(FakeYouTube.CLIENT_ID,
          FakeYouTube.CLIENT_SECRET, FakeYouTube.REFRESH_TOKEN, fake.tokenUrl()));
      int lectures = 0;
      int imported = 0;
      for (int round = 0; round < rounds; round++) {
        Step step = Step.values()[round % 3];
        Set<String> corpusBefore = new HashSet<>(new CorpusStore(data).ids());
        long foundBefore = found(data, false);
        String[] args = switch (step) {
          case IMPORT -> {
            Path folder = tmp.resolve("import-" + round);
            for (int i = 0; i < 250; i++, imported++) {
              Folders.video(folder, String.format("importd%04d", imported), "Imported " + imported,
                  "The neurons of lecture " + imported + " fire.", "Glia support them.");
            }
            yield new String[] {"import", "--data", data.toString(), folder.toString()};
          }
          case CRAWL -> {
            ManyLectures.add(fake, PLAYLIST, lectures, 120);
            lectures += 120;
            yield new String[] {"crawl", "--data", data.toString(), "--playlist", PLAYLIST,
                "--youtube-api-root", fake.root(), "--youtube-web-root", fake.root()};
          }
          case INDEX -> new String[] {"index", "--rebuild", "--data", data.toString()};
        };
        // a random moment from just after the JVM starts to well into the work
        long delay = 300 + random.nextInt(2_700);
        try (ChildJvm child = ChildJvm.start(List.of(), Map.of(), args)) {
          // the kill lands `delay` ms in, or at once when the command has already ended by then
          boolean alive = !child.process.waitFor(delay, java.util.concurrent.TimeUnit.MILLISECONDS);
          child.kill9();
          killedMidway += alive ? 1 : 0;
          System.out.printf("round %d: %s killed after %d ms%s%n", round, step, delay,
              alive ? "" : " (it had already ended: " + child.process.exitValue() + ")");
        }

        // as after a restart
        CorpusStore corpus = new CorpusStore(data);
        long readable = corpus.all().count(); // throws if any corpus file is torn
        Set<String> corpusAfter = new HashSet<>(corpus.ids());
        assertEquals(readable, corpusAfter.size());
        assertTrue(corpusAfter.containsAll(corpusBefore),
            "round " + round + " (" + step + "): corpus files lost: " + diff(corpusBefore, corpusAfter));
        long foundAfter = found(data, false);
        assertTrue(foundAfter >= foundBefore, "round " + round + " (" + step + "): the index found " + foundBefore
            + " videos before the kill and " + foundAfter + " after");
        assertEquals(corpusAfter.size(), found(data, true),
            "round " + round + " (" + step + "): brought up to date, the index finds every corpus video");
      }
    }
    System.out.printf("seed %d: %d of %d kills landed while the process was working%n", seed, killedMidway, rounds);
    assertTrue(killedMidway >= rounds / 2, "most kills must land mid-work to test anything: " + killedMidway);
  }

  /** Videos saying "neurons" that the index finds; with {@code sync}, after bringing it up to date. */
  static long found(Path data, boolean sync) throws Exception {
    try (SearchIndex index = SearchIndex.open(data.resolve("lucene"))) {
      if (sync) {
        index.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null);
      }
      return new SearchService(index).search(SearchRequest.of("neurons")).total();
    }
  }

  static Set<String> diff(Set<String> before, Set<String> after) {
    Set<String> lost = new HashSet<>(before);
    lost.removeAll(after);
    return lost;
  }
}
