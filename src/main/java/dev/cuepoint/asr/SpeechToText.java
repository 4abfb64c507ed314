package dev.cuepoint.asr;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns the speech in a media file into timed cues. One instance holds a loaded model; it may be
 * used from several threads, and {@link #close()} releases the model.
 */
public interface SpeechToText extends AutoCloseable {

  /**
   * Transcribes one media file (any container ffmpeg reads), streaming it: memory does not grow
   * with the length of the recording.
   *
   * @param media the file to transcribe
   * @param progress told how far the transcription has come, from the calling thread
   * @throws IOException when the file cannot be read or decoded; the message names the file and
   *     what to do (e.g. "ffmpeg is not installed: apt-get install ffmpeg")
   * @throws InterruptedException when the thread is interrupted; nothing half-done is returned
   */
  Transcription transcribe(Path media, Progress progress) throws IOException, InterruptedException;

  /** The recogniser and model, for people and for the transcript's source, e.g. {@code vosk-model-en-us-0.3.45}. */
  String name();

  @Override
  void close();

  /** How far a transcription has come. */
  @FunctionalInterface
  interface Progress {
    /** Nothing is reported. */
    Progress NONE = (doneMs, totalMs) -> {};

    /**
     * @param doneMs audio transcribed so far
     * @param totalMs the recording's length, 0 when not known
     */
    void update(long doneMs, long totalMs);
  }
}
