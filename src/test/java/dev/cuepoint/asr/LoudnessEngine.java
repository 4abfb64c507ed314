package dev.cuepoint.asr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in for Vosk, for checking how stretches are cut, saved and stitched: every run
 * of loud 100 ms frames is a "word" named after its samples, and two quiet frames after a word end an
 * utterance. Its output depends only on the audio a session hears, which Vosk's does not quite (its
 * floating point varies a little from one recogniser to the next).
 */
final class LoudnessEngine implements Engine {
  private static final int FRAME = 1600 * 2;
  private static final double LOUD = 300;

  int sessions;

  @Override
  public Session session() {
    sessions++;
    return new Session() {
      long samples;
      long wordStart = -1;
      long wordSum;
      int quietFrames;
      final List<String> pending = new ArrayList<>();
      final byte[] frame = new byte[FRAME];
      int filled;

      @Override
      public boolean accept(byte[] pcm, int length) {
        boolean ended = false;
        for (int i = 0; i < length; i++) {
          frame[filled++] = pcm[i];
          if (filled == FRAME) {
            ended |= frame();
            filled = 0;
          }
        }
        return ended;
      }

      private boolean frame() {
        double sq = 0;
        long sum = 0;
        for (int i = 0; i < FRAME; i += 2) {
          int s = (short) ((frame[i] & 0xff) | (frame[i + 1] << 8));
          sq += (double) s * s;
          sum += Math.abs(s);
        }
        boolean loud = Math.sqrt(sq / (FRAME / 2)) > LOUD;
        long at = samples;
        samples += FRAME / 2;
        if (loud) {
          if (wordStart < 0) {
            wordStart = at;
            wordSum = 0;
          }
          wordSum += sum;
          quietFrames = 0;
          return false;
        }
        if (wordStart >= 0) {
          pending.add(word(wordStart, at, wordSum));
          wordStart = -1;
        }
        return ++quietFrames == 2 && !pending.isEmpty();
      }

      private String word(long from, long to, long sum) {
        return String.format(Locale.ROOT, "{\"word\":\"w%d\",\"start\":%.3f,\"end\":%.3f,\"conf\":1.0}",
            sum / 100_000 % 1000, from / 16000.0, to / 16000.0);
      }

      @Override
      public String result() {
        String r = "{\"result\":[" + String.join(",", pending) + "]}";
        pending.clear();
        return r;
      }

      @Override
      public String finalResult() {
        if (wordStart >= 0) {
          pending.add(word(wordStart, samples, wordSum));
          wordStart = -1;
        }
        return result();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
