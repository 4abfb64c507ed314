package dev.cuepoint.asr;

import java.io.IOException;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The recogniser that hears each stretch: Vosk here; tests use a deterministic one to check that
 * resuming stitches stretches exactly. Results are Vosk's JSON ({@code {"result": [{"word", "start",
 * "end", "conf"}…]}}, times in seconds from the start of the session).
 */
interface Engine extends AutoCloseable {
  /** A fresh recogniser with no memory of earlier audio. */
  Session session() throws IOException;

  @Override
  void close();

  interface Session extends AutoCloseable {
    /** Hears {@code length} bytes of 16 kHz mono s16le; true when an utterance just ended. */
    boolean accept(byte[] pcm, int length);

    /** The words of the utterance that just ended. */
    String result();

    /** The words heard since the last result, at the end of the audio. */
    String finalResult();

    @Override
    void close();
  }

  /** Vosk with a loaded model, shared by its sessions (Vosk allows that across threads). */
  static Engine vosk(Model model) {
    return new Engine() {
      @Override
      public Session session() throws IOException {
        Recognizer r = new Recognizer(model, 16_000f);
        r.setWords(true);
        return new Session() {
          @Override
          public boolean accept(byte[] pcm, int length) {
            return r.acceptWaveForm(pcm, length);
          }

          @Override
          public String result() {
            return r.getResult();
          }

          @Override
          public String finalResult() {
            return r.getFinalResult();
          }

          @Override
          public void close() {
            r.close();
          }
        };
      }

      @Override
      public void close() {
        model.close();
      }
    };
  }
}
