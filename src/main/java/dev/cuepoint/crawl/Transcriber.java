package dev.cuepoint.crawl;

import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.asr.Transcription;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The speech recogniser for the importer and the crawler, loaded the first time a file needs it (so
 * a folder without recordings loads no model), then shared by every thread of the run. A recogniser
 * that cannot be loaded fails each file that needs it with the same message, without trying again.
 */
public final class Transcriber implements AutoCloseable {
  /** Loads the recogniser: {@code Recognizers.open(dataDir, threads)} in production, a fake in tests. */
  @FunctionalInterface
  public interface Opener {
    SpeechToText open() throws IOException;
  }

  private final Opener opener;
  private SpeechToText speech;
  private IOException failed;

  public Transcriber(Opener opener) {
    this.opener = opener;
  }

  /** A transcriber that refuses every file, saying why. */
  public static Transcriber off(String why) {
    return new Transcriber(() -> {
      throw new IOException(why);
    });
  }

  /** The recogniser, loaded on first use. */
  synchronized SpeechToText speech() throws IOException {
    if (speech == null && failed == null) {
      try {
        speech = opener.open();
      } catch (IOException e) {
        failed = e;
      }
    }
    if (failed != null) {
      throw new IOException("cannot transcribe: " + failed.getMessage(), failed);
    }
    return speech;
  }

  /** Transcribes one recording; the whole transcription, or an exception. */
  Transcription transcribe(Path media, SpeechToText.Progress progress) throws IOException, InterruptedException {
    return speech().transcribe(media, progress);
  }

  /** Whether the recogniser was loaded. */
  synchronized boolean loaded() {
    return speech != null;
  }

  @Override
  public synchronized void close() {
    if (speech != null) {
      speech.close();
      speech = null;
    }
  }
}
