package dev.cuepoint.asr;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the speech recogniser Cuepoint ships. */
public final class Recognizers {
  private Recognizers() {}

  /**
   * Loads the English model (unpacked once into {@code <dataDir>/models/}) and returns a recogniser
   * that uses at most {@code threads} cores at once.
   *
   * @throws IOException when the model cannot be found or unpacked; the message says what to do
   */
  public static SpeechToText open(Path dataDir, int threads) throws IOException {
    // replaced by the Vosk recogniser (issue 18); until then callers get a clear error
    throw new IOException("speech recognition is not available in this build");
  }
}
