package dev.cuepoint.asr;

import java.io.IOException;
import java.nio.file.Path;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;

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
    return open(dataDir, threads, VoskModelFiles.standard(), new Ffmpeg());
  }

  static VoskSpeechToText open(Path dataDir, int threads, VoskModelFiles files, Ffmpeg ffmpeg) throws IOException {
    return open(dataDir, threads, files, ffmpeg, VoskSpeechToText.MIN_STRETCH_MS, VoskSpeechToText.MAX_STRETCH_MS);
  }

  static VoskSpeechToText open(Path dataDir, int threads, VoskModelFiles files, Ffmpeg ffmpeg, long minStretchMs, long maxStretchMs)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    Path dir = files.modelDir(dataDir);
    Model model;
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      model = new Model(dir.toString());
    } catch (IOException e) {
      throw new IOException("the speech model in " + dir + " cannot be loaded (" + e.getMessage()
          + "); delete that folder and run again to unpack it afresh", e);
    } catch (LinkageError e) {
      throw new IOException("Vosk's native library cannot be loaded on this system ("
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + e.getMessage(), e);
    }
    return new VoskSpeechToText(Engine.vosk(model), VoskModelFiles.NAME, ffmpeg, dataDir.resolve("transcribing"), threads, minStretchMs, maxStretchMs);
  }
}
