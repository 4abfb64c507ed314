package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The independent check of issue 18, through {@code cuepoint transcribe --json}: a local recording
 * made from real speech (LibriVox utterances joined with 1 to 2 s of silence, encoded as m4a) is
 * transcribed with at most 12% word errors, and every sentence's first three words are found in the
 * words heard, starting between 1.5 s before and 2.5 s after the sentence starts.
 */
class JoinedRecordingTest {
  /** Each utterance twice, in another order the second time. */
  private static final int[] ORDER = {0, 1, 2, 3, 4, 2, 0, 4, 1, 3};

  private static final long[] PAUSES_MS = {1200, 1800, 1000, 1500, 2000, 1100, 1700, 1300, 1900};

  @TempDir Path tmp;

  @Test
  void recording_of_joined_utterances_is_transcribed_with_sentence_starts_found_by_their_first_words() throws Exception {
    List<SpeechAudio.Utterance> utterances = SpeechAudio.librivox();
    List<SpeechAudio.Utterance> parts = new ArrayList<>();
    List<Long> pauses = new ArrayList<>();
    for (int i = 0; i < ORDER.length; i++) {
      parts.add(utterances.get(ORDER[i] % utterances.size()));
      if (i > 0) {
        pauses.add(PAUSES_MS[i - 1]);
      }
    }
    SpeechAudio.Recording rec = SpeechAudio.joined(parts, pauses, tmp.resolve("lecture recording.m4a"), false);

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"transcribe", "--json", "--data", TestRecognizer.DATA.toString(), rec.file().toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, "stderr: " + err);

    JsonNode files = new ObjectMapper().readTree(out.toString());
    assertEquals(1, files.size());
    JsonNode file = files.get(0);
    assertEquals(rec.file().toString(), file.path("file").asText());
    assertEquals(rec.durationMs() / 1000.0, file.path("duration").asDouble(), 0.1);
    List<String> heard = new ArrayList<>();
    List<Double> starts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (JsonNode cue : file.path("cues")) {
      text.append(cue.path("text").asText()).append(' ');
      List<String> cueWords = new ArrayList<>();
      for (JsonNode w : cue.path("words")) {
        cueWords.add(w.path("text").asText());
        heard.add(WordErrorRate.words(w.path("text").asText()).getFirst());
        starts.add(w.path("start").asDouble());
      }
      assertEquals(cue.path("text").asText(), String.join(" ", cueWords), "a cue's text is its words joined by spaces");
      assertEquals(cue.path("start").asDouble(), starts.get(starts.size() - cueWords.size()), 0.0005, "a cue starts with its first word");
    }

    WordErrorRate.Result wer = WordErrorRate.of(rec.reference(), text.toString());
    System.out.printf("joined LibriVox recording (%d sentences, %.1f s): WER %.1f%%%n",
        rec.sentences().size(), rec.durationMs() / 1000.0, 100 * wer.rate());
    assertTrue(wer.rate() <= 0.12, String.format("word error rate %.1f%% > 12%%; heard: %s", 100 * wer.rate(), text));

    for (SpeechAudio.Sentence s : rec.sentences()) {
      List<String> quoted = WordErrorRate.words(s.text()).subList(0, 3);
      double at = s.startMs() / 1000.0;
      double best = Double.NaN;
      for (int i = 0; i + 3 <= heard.size(); i++) {
        if (heard.subList(i, i + 3).equals(quoted) && (Double.isNaN(best) || Math.abs(starts.get(i) - at) < Math.abs(best - at))) {
          best = starts.get(i);
        }
      }
      assertTrue(!Double.isNaN(best), "\"" + String.join(" ", quoted) + "\" (said at " + at + " s) is not among the words heard: " + text);
      assertTrue(best >= at - 1.5 && best <= at + 2.5,
          "\"" + String.join(" ", quoted) + "\" said at " + at + " s, nearest found at " + best + " s");
    }
  }
}
