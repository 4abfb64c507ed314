package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real read speech (LibriVox, from Debian's pocketsphinx-testdata) against its reference transcripts. */
class LibriVoxRecognitionTest {
  @Test
  void librivox_utterances_are_recognised_with_a_low_word_error_rate() throws Exception {
    List<SpeechAudio.Utterance> utterances = SpeechAudio.librivox();
    WordErrorRate.Result total = new WordErrorRate.Result(0, 0);
    StringBuilder report = new StringBuilder();
    try (SpeechToText stt = TestRecognizer.open(1)) {
      for (SpeechAudio.Utterance u : utterances) {
        Transcription t = stt.transcribe(u.audio(), SpeechToText.Progress.NONE);
        String heard = TestRecognizer.text(t);
        WordErrorRate.Result r = WordErrorRate.of(u.text(), heard);
        total = total.plus(r);
        report.append(String.format("%n%s: %d/%d  ref: %s%n  heard: %s", u.audio().getFileName(), r.errors(), r.words(), u.text(), heard));
        assertEquals("en", t.language());
        long fileMs = Math.round(Double.parseDouble(SpeechAudio.output(List.of("soxi", "-D", u.audio().toString())).strip()) * 1000);
        assertTrue(Math.abs(t.durationMs() - fileMs) <= 20, "duration " + t.durationMs() + " ms vs the file's " + fileMs + " ms");
        long last = 0;
        for (Cue c : t.cues()) {
          assertEquals(c.text(), String.join(" ", c.words().stream().map(Word::text).toList()), "a cue's text is its words");
          assertEquals(c.startMs(), c.words().getFirst().startMs());
          for (Word w : c.words()) {
            assertTrue(w.startMs() >= last && w.startMs() <= t.durationMs(), "word times rise within the recording: " + w);
            last = w.startMs();
          }
        }
      }
    }
    System.out.printf("LibriVox WER %.1f%% (%d errors in %d words)%s%n", 100 * total.rate(), total.errors(), total.words(), report);
    // measured 5.7% elsewhere; the independent check allows 12%
    assertTrue(total.rate() <= 0.10, String.format("word error rate %.1f%% > 10%%:%s", 100 * total.rate(), report));
  }
}
