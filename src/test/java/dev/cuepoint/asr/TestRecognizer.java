package dev.cuepoint.asr;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The recogniser the tests use: the real model, unpacked once into {@code target/asr-test-data}
 * (kept between runs, like a user's data directory).
 */
public final class TestRecognizer {
  public static final Path DATA = Path.of("target", "asr-test-data").toAbsolutePath();

  private TestRecognizer() {}

  public static VoskSpeechToText open(int threads) throws IOException {
    return Recognizers.open(DATA, threads, VoskModelFiles.standard(), new Ffmpeg());
  }

  static VoskSpeechToText open(int threads, long minStretchMs, long maxStretchMs) throws IOException {
    return Recognizers.open(DATA, threads, VoskModelFiles.standard(), new Ffmpeg(), minStretchMs, maxStretchMs);
  }

  /** All the words of a transcription, in order, with their start times. */
  public static java.util.List<dev.cuepoint.captions.Word> words(Transcription t) {
    return t.cues().stream().flatMap(c -> c.words().stream()).toList();
  }

  /** The text of a transcription, its cues joined by spaces. */
  public static String text(Transcription t) {
    return String.join(" ", t.cues().stream().map(dev.cuepoint.captions.Cue::text).toList());
  }
}
