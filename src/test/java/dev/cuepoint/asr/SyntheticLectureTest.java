package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A longer lecture read by espeak-ng (five paragraphs, pauses between sentences and longer ones
 * between paragraphs, encoded as m4a): word error rate, where each sentence's first word is heard
 * against where it was put in the audio, and cues that begin at sentences.
 */
class SyntheticLectureTest {
  @TempDir Path tmp;

  /** Where each sentence's first word was heard, against where it starts in the audio. */
  public record Timing(int sentences, List<Long> errorsMs, int cueStartsAtSentence) {
    public long percentile(double p) {
      List<Long> abs = errorsMs.stream().map(Math::abs).sorted().toList();
      return abs.get((int) Math.min(abs.size() - 1, Math.ceil(p * abs.size()) - 1));
    }
  }

  /** Lines each reference sentence's first word up with a heard word, by a cheapest alignment. */
  public static Timing timing(SpeechAudio.Recording rec, Transcription t) {
    List<Word> heard = TestRecognizer.words(t);
    List<String> hyp = heard.stream().map(w -> WordErrorRate.words(w.text()).getFirst()).toList();
    List<String> ref = new ArrayList<>();
    List<Integer> firstWord = new ArrayList<>();
    for (SpeechAudio.Sentence s : rec.sentences()) {
      firstWord.add(ref.size());
      ref.addAll(WordErrorRate.words(s.text()));
    }
    int[] at = WordErrorRate.align(ref, hyp);
    List<Long> errors = new ArrayList<>();
    int cueStarts = 0;
    for (int i = 0; i < rec.sentences().size(); i++) {
      int h = at[firstWord.get(i)];
      long start = rec.sentences().get(i).startMs();
      if (h >= 0) {
        errors.add(heard.get(h).startMs() - start);
      }
      for (Cue c : t.cues()) {
        if (Math.abs(c.startMs() - start) <= 500) {
          cueStarts++;
          break;
        }
      }
    }
    return new Timing(rec.sentences().size(), errors, cueStarts);
  }

  @Test
  void synthetic_lecture_is_recognised_and_sentences_start_where_they_were_put() throws Exception {
    SpeechAudio.Recording rec = SpeechAudio.synthetic(SpeechAudio.lecture(), 700, 1600, tmp.resolve("lecture.m4a"));
    Transcription t;
    try (SpeechToText stt = TestRecognizer.open(1)) {
      t = stt.transcribe(rec.file(), SpeechToText.Progress.NONE);
    }
    WordErrorRate.Result wer = WordErrorRate.of(rec.reference(), TestRecognizer.text(t));
    Timing timing = timing(rec, t);
    System.out.printf("synthetic lecture (%d sentences, %.1f s): WER %.1f%%, first words located %d/%d, "
            + "time error median %d ms, p90 %d ms, max %d ms; cues starting at a sentence %d/%d%n",
        timing.sentences(), rec.durationMs() / 1000.0, 100 * wer.rate(), timing.errorsMs().size(), timing.sentences(),
        timing.percentile(0.5), timing.percentile(0.9), timing.percentile(1.0), timing.cueStartsAtSentence(), timing.sentences());

    // espeak-ng's voice is far from the speech the model learned from: errors are many more than on
    // real speech (measured about 40%), yet the timing of what is heard stays close
    assertTrue(wer.rate() <= 0.55, String.format("word error rate %.1f%% > 55%%: %s", 100 * wer.rate(), TestRecognizer.text(t)));
    assertTrue(timing.errorsMs().size() >= 0.8 * timing.sentences(),
        timing.errorsMs().size() + " of " + timing.sentences() + " sentences' first words located");
    assertTrue(timing.percentile(0.5) <= 300, "median first-word time error " + timing.percentile(0.5) + " ms");
    assertTrue(timing.percentile(0.9) <= 1000, "p90 first-word time error " + timing.percentile(0.9) + " ms " + timing.errorsMs());
    assertTrue(timing.cueStartsAtSentence() >= 0.9 * timing.sentences(),
        "only " + timing.cueStartsAtSentence() + " of " + timing.sentences() + " sentences begin a cue (pauses of 0.7 s and more end cues)");
  }
}
