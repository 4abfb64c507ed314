package dev.cuepoint.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 135 real English 3Blue1Brown transcripts: a quoted search of a sentence finds its video first,
 * with a moment at the start of the caption cue where the sentence begins (SRT has cue timings only:
 * that cue start is the earliest moment a listener hears the sentence's first word).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentenceSearchTest {
  static final int SENTENCES_PER_VIDEO = 4;

  @TempDir static Path tmp;
  SearchIndex index;
  SearchService search;
  final Map<String, Video> videos = new LinkedHashMap<>();
  final Map<String, JsonNode> sentences = new LinkedHashMap<>();

  @BeforeAll
  void indexAll() throws Exception {
    Path root = RealData.require("3b1b");
    ObjectMapper json = new ObjectMapper();
    Captions captions = Captions.standard();
    for (JsonNode v : json.readTree(root.resolve("manifest.json").toFile())) {
      Path english = root.resolve(v.get("path").asText()).resolve("english");
      Path srt = english.resolve("captions.srt");
      Path timings = english.resolve("sentence_timings.json");
      if (!Files.exists(srt) || !Files.exists(timings)) {
        continue;
      }
      String id = v.get("videoId").asText();
      List<Cue> cues = captions.read(srt).cues();
      videos.put(id, new Video(id, v.path("title").asText(""), "", "3Blue1Brown", "", null, 0, "", "en",
          List.of(), List.of(), List.of(new Transcript("en", Transcript.Kind.MANUAL, "srt", cues))));
      sentences.put(id, json.readTree(timings.toFile()));
    }
    index = SearchIndex.open(tmp.resolve("lucene"));
    index.sync(CorpusSnapshot.inMemory(videos), false, null);
    search = new SearchService(index);
  }

  @AfterAll
  void close() throws Exception {
    if (index != null) {
      index.close();
    }
  }

  @Test
  void quoted_sentences_land_on_their_video_at_the_cue_where_they_start() throws Exception {
    Random random = new Random(42);
    int asked = 0, firstVideo = 0, atCue = 0, withinOneSecondOfSentence = 0, timingDisagrees = 0;
    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : sentences.entrySet()) {
      JsonNode all = e.getValue();
      List<Cue> cues = videos.get(e.getKey()).transcripts().getFirst().cues();
      for (int k = 0; k < SENTENCES_PER_VIDEO && all.size() > 0; k++) {
        JsonNode s = all.get(random.nextInt(all.size()));
        String sentence = s.get(0).asText();
        if (sentence.split("\\s+").length < 6 || sentence.length() > 900) {
          continue;
        }
        double start = s.get(1).asDouble();
        double cueStart = cueHolding(cues, start);
        asked++;
        SearchRequest everyMoment = new SearchRequest("\"" + sentence.replace("\"", " ") + "\"", 10, 0, null, null,
            null, null, null, 100);
        SearchResponse r = search.search(everyMoment);
        if (r.results().isEmpty() || !r.results().getFirst().videoId().equals(e.getKey())) {
          misses.add(e.getKey() + " not first for: " + sentence);
          continue;
        }
        firstVideo++;
        List<Double> starts = r.results().getFirst().moments().stream().map(Moment::start).toList();
        if (starts.stream().anyMatch(t -> Math.abs(t - start) <= 1.0)) {
          withinOneSecondOfSentence++;
        }
        if (starts.stream().anyMatch(t -> Math.abs(t - cueStart) <= 1.0)) {
          atCue++;
        } else if (starts.stream().anyMatch(t -> cueTextStartsSentenceAt(cues, sentence, t))) {
          // the upstream sentence timing disagrees with the SRT (3 known rows: a reversed timing, and
          // cues whose times collapsed to 13:58 in hanoi-and-sierpinski); the SRT cue holding the
          // sentence's first words is where a listener hears it
          atCue++;
          timingDisagrees++;
        } else {
          misses.add(e.getKey() + " moments " + starts + ", cue starts " + cueStart + " s: " + sentence);
        }
      }
    }
    System.out.printf("3b1b sentences: %d asked, %d video first, %d at their cue (%d where the upstream sentence"
            + " timing disagrees with the SRT), %d within 1 s of the sentence start%n",
        asked, firstVideo, atCue, timingDisagrees, withinOneSecondOfSentence);
    misses.stream().limit(10).forEach(m -> System.out.println("  miss: " + m));
    assertTrue(asked > 300, "too few sentences sampled: " + asked);
    assertEquals(asked, firstVideo, "every sentence's video ranks first: " + misses);
    assertEquals(asked, atCue, "every moment at its cue: " + misses);
    assertTrue(timingDisagrees <= 5, "the SRT disagrees with sentence timings too often: " + timingDisagrees);
  }

  /** Whether a cue starting at {@code t} s begins with the first words of {@code sentence}'s text. */
  static boolean cueTextStartsSentenceAt(List<Cue> cues, String sentence, double t) {
    String[] words = sentence.toLowerCase(java.util.Locale.ROOT).split("\\s+");
    String head = String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length)));
    return cues.stream().anyMatch(c -> Math.abs(c.startMs() / 1000.0 - t) < 0.001
        && c.text().toLowerCase(java.util.Locale.ROOT).contains(head));
  }

  /** The start of the cue being shown at {@code t} (the last cue starting at or before it). */
  static double cueHolding(List<Cue> cues, double t) {
    long ms = Math.round(t * 1000);
    long best = cues.getFirst().startMs();
    for (Cue c : cues) {
      if (c.startMs() <= ms + 5) {
        best = c.startMs();
      }
    }
    return best / 1000.0;
  }
}
