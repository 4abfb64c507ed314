package dev.cuepoint.asr;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * How well word times match where the words are in the audio, for recordings whose sentence starts
 * are known: the heard time of each sentence's first word (lined up by a cheapest alignment), the
 * time a quoted phrase of its first three words is found at (the nearest exact occurrence, as a
 * phrase search would find it), and whether a cue begins at the sentence.
 */
public final class WordTiming {
  private WordTiming() {}

  /**
   * @param sentences sentences in the recording
   * @param firstWordErrorsMs heard minus true start of each sentence whose first word was lined up
   * @param phraseErrorsMs found minus true start of each sentence whose quoted first three words were found
   * @param cueStartsAtSentence sentences with a cue starting within 0.5 s of them
   */
  public record Timing(int sentences, List<Long> firstWordErrorsMs, List<Long> phraseErrorsMs, int cueStartsAtSentence) {
    /** The {@code p}-quantile (nearest rank) of the absolute errors, -1 when there are none. */
    public static long percentile(List<Long> errors, double p) {
      if (errors.isEmpty()) {
        return -1;
      }
      List<Long> abs = errors.stream().map(Math::abs).sorted().toList();
      return abs.get((int) Math.max(0, Math.min(abs.size() - 1, Math.ceil(p * abs.size()) - 1)));
    }
  }

  public static Timing of(SpeechAudio.Recording rec, Transcription t) {
    List<Word> heard = TestRecognizer.words(t);
    List<String> hyp = heard.stream().map(w -> WordErrorRate.words(w.text()).getFirst()).toList();
    List<String> ref = new ArrayList<>();
    List<Integer> firstWord = new ArrayList<>();
    for (SpeechAudio.Sentence s : rec.sentences()) {
      firstWord.add(ref.size());
      ref.addAll(WordErrorRate.words(s.text()));
    }
    int[] at = WordErrorRate.align(ref, hyp);
    List<Long> first = new ArrayList<>();
    List<Long> phrase = new ArrayList<>();
    int cueStarts = 0;
    for (int i = 0; i < rec.sentences().size(); i++) {
      long start = rec.sentences().get(i).startMs();
      int h = at[firstWord.get(i)];
      if (h >= 0) {
        first.add(heard.get(h).startMs() - start);
      }
      List<String> quoted = WordErrorRate.words(rec.sentences().get(i).text());
      quoted = quoted.subList(0, Math.min(3, quoted.size()));
      Long best = null;
      for (int j = 0; j + quoted.size() <= hyp.size(); j++) {
        if (hyp.subList(j, j + quoted.size()).equals(quoted)) {
          long e = heard.get(j).startMs() - start;
          if (best == null || Math.abs(e) < Math.abs(best)) {
            best = e;
          }
        }
      }
      if (best != null) {
        phrase.add(best);
      }
      for (Cue c : t.cues()) {
        if (Math.abs(c.startMs() - start) <= 500) {
          cueStarts++;
          break;
        }
      }
    }
    return new Timing(rec.sentences().size(), first, phrase, cueStarts);
  }
}
