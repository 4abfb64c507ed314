package dev.cuepoint.opensearch;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SyncResult;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A node of a two-node cluster stops in the middle of a refresh, with one replica of every shard:
 * searches running all along never fail and never see fewer videos than before, and the refresh
 * completes — by itself, or on the next try — with nothing lost.
 */
@Tag("opensearch")
class NodeFailureTest {
  static Video video(int i) {
    List<Cue> cues = new ArrayList<>();
    for (int c = 0; c < 40; c++) {
      cues.add(new Cue(c * 5_000L, c * 5_000L + 4_000, "lecture " + i + " says membrane potential and word" + i
          + " in sentence " + c));
    }
    return new Video("failVid" + String.format("%04d", i), "Lecture " + i, "", "Tests", "UCtest",
        Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 86_400L), 600, "", "en", List.of(),
        List.of(new PlaylistEntry("PLfail", "Failover", i)), List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues)));
  }

  static Map<String, Video> videos(int from, int to) {
    Map<String, Video> out = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      Video v = video(i);
      out.put(v.id(), v);
    }
    return out;
  }

  @Test
  void a_node_stopping_mid_refresh_fails_no_search_and_loses_nothing() throws Exception {
    TestCluster cluster = TestCluster.start("cuepoint-failover", 9250);
    try {
      // two nodes cannot both vote (a cluster needs a majority); as in any two-node cluster, the
      // second one holds data but has no vote, so losing it leaves the cluster working
      cluster.call("POST", "/_cluster/voting_config_exclusions?node_names=Node%202&timeout=30s");
      OpenSearchSettings settings = new OpenSearchSettings(
          cluster.urls().stream().map(URI::create).toList(), "failover", 2, 1, null, null);
      try (OpenSearchIndex index = OpenSearchIndex.open(settings)) {
        Map<String, Video> before = videos(0, 60);
        assertEquals(60, index.sync(CorpusSnapshot.inMemory(before), false, null).added());
        cluster.runner().ensureGreen();
        SearchService search = new SearchService(index);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> searchers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          searchers.add(Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
              try {
                SearchResponse r = search.search(SearchRequest.of("\"membrane potential\""));
                if (r.total() < 60) {
                  failures.add("saw " + r.total() + " videos");
                }
                searches.incrementAndGet();
              } catch (Exception e) {
                failures.add(e.toString());
              }
            }
          }));
        }

        Map<String, Video> after = videos(0, 180);
        CountDownLatch halfway = new CountDownLatch(1);
        SyncResult[] result = new SyncResult[1];
        Exception[] error = new Exception[1];
        Thread refresh = Thread.ofPlatform().start(() -> {
          try {
            result[0] = index.sync(new CorpusSnapshot() {
              @Override
              public Map<String, String> fingerprints() throws java.io.IOException {
                return CorpusSnapshot.inMemory(after).fingerprints();
              }

              @Override
              public Video load(String id) throws java.io.IOException {
                if (id.equals("failVid0090")) {
                  // the refresh is under way: its bulk requests go to a cluster that just lost a node
                  cluster.stopNode(1);
                  halfway.countDown();
                }
                return CorpusSnapshot.inMemory(after).load(id);
              }
            }, false, null);
          } catch (Exception e) {
            error[0] = e;
          }
        });
        halfway.await();
        refresh.join();
        if (error[0] != null || !result[0].failures().isEmpty()) {
          // the refresh could not finish while the shards moved: the next one completes it
          System.out.println("refresh during the failure: " + (error[0] != null ? error[0] : result[0].summary()));
          SyncResult again = index.sync(CorpusSnapshot.inMemory(after), false, null);
          assertTrue(again.failures().isEmpty(), again.summary());
        } else {
          System.out.println("refresh during the failure: " + result[0].summary());
        }
        // keep searching while the shards settle after the refresh: replicas of the new documents are
        // still being allocated on the node left; then a few more searches on the settled cluster
        int atRefreshEnd = searches.get();
        cluster.call("GET", "/_cluster/health?wait_for_no_initializing_shards=true"
            + "&wait_for_no_relocating_shards=true&timeout=60s");
        awaitUntil("20 searches after the refresh and the shards settled",
            () -> searches.get() >= atRefreshEnd + 20 || !failures.isEmpty(), Duration.ofSeconds(60));
        stop.set(true);
        for (Thread t : searchers) {
          t.join();
        }
        System.out.printf("%d searches during the node failure, %d failed%n", searches.get(), failures.size());
        assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())));
        assertTrue(searches.get() > 10, "too few searches ran: " + searches.get());
        assertEquals(1, cluster.call("GET", "/_cat/nodes").strip().lines().count(), "one node left");
        assertEquals(180, search.search(SearchRequest.of("\"membrane potential\"")).total());
        assertEquals("failVid0123",
            search.search(SearchRequest.of("word123")).results().getFirst().videoId());
      }
    } finally {
      cluster.stop();
    }
  }
}
