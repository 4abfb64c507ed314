package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/videos/{id}/words}: one transcript's word timings as per-cue {@code [char, ms, …]}
 * arrays, which the page fetches to mark the word being said (issue 19).
 */
class VideoWordsApiTest {
  @TempDir static Path dir;
  static TestSite site;

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(dir, Library.standard());
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void each_word_is_where_it_starts_in_its_cue_s_text_and_when_it_is_said() {
    JsonNode full = Http.get(site.url("/api/videos/hebbLecture")).json();
    JsonNode words = Http.get(site.url("/api/videos/hebbLecture/words?lang=en")).json();
    assertEquals("auto", words.get("kind").asText());
    JsonNode cues = full.get("transcripts").get(0).get("cues");
    assertEquals(13, full.get("transcripts").get(0).get("timedWords").asInt());
    assertEquals(cues.size(), words.get("cues").size());
    for (int c = 0; c < cues.size(); c++) {
      JsonNode cue = cues.get(c);
      JsonNode flat = words.get("cues").get(c);
      assertEquals(2 * cue.get("words").size(), flat.size());
      for (int w = 0; w < cue.get("words").size(); w++) {
        JsonNode word = cue.get("words").get(w);
        int at = flat.get(2 * w).asInt();
        assertTrue(cue.get("text").asText().startsWith(word.get("text").asText(), at), word + " at " + at);
        assertEquals(Math.round(word.get("start").asDouble() * 1000 - cue.get("start").asDouble() * 1000),
            flat.get(2 * w + 1).asLong(), word.toString());
      }
    }
    // the second cue: "wire together, as …" — "as" starts at 15, said 1.3 s after the cue's 14.0 s
    assertEquals(15, words.get("cues").get(1).get(4).asInt());
    assertEquals(1300, words.get("cues").get(1).get(5).asInt());
  }

  @Test
  void a_word_missing_from_its_cue_s_text_is_left_out_and_repeated_words_keep_their_order() {
    Cue cue = new Cue(1_000, 3_000, "the cat saw the dog",
        List.of(new Word(1_000, "the"), new Word(1_200, "cat"), new Word(1_500, "bat"), new Word(1_800, "the"),
            new Word(2_000, "dog")));
    assertEquals(List.of(0, 0, 4, 200, 12, 800, 16, 1000),
        java.util.Arrays.stream(VideoView.WordsView.offsets(cue)).boxed().toList());
  }

  @Test
  void a_transcript_without_word_timings_has_empty_arrays_and_says_so() {
    JsonNode full = Http.get(site.url("/api/videos/stdpLecture?words=false")).json();
    assertEquals(0, full.get("transcripts").get(0).get("timedWords").asInt());
    JsonNode words = Http.get(site.url("/api/videos/stdpLecture/words?lang=en&kind=manual")).json();
    assertTrue(words.get("cues").size() > 60);
    words.get("cues").forEach(c -> assertEquals(0, c.size()));
  }

  @Test
  void a_wrong_language_kind_or_video_says_what_to_ask_instead() {
    Http.Response lang = Http.get(site.url("/api/videos/hebbLecture/words?lang=fr"));
    assertEquals(404, lang.status());
    assertTrue(lang.json().get("error").asText().contains("no transcript in 'fr'"), lang.text());
    Http.Response kind = Http.get(site.url("/api/videos/hebbLecture/words?lang=en&kind=robot"));
    assertEquals(400, kind.status());
    assertTrue(kind.json().get("error").asText().contains("manual or auto"), kind.text());
    assertEquals(400, Http.get(site.url("/api/videos/hebbLecture/words")).status());
    assertEquals(404, Http.get(site.url("/api/videos/noSuchVideo/words?lang=en")).status());
  }
}
