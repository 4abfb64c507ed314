package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcription interrupted part way keeps its finished stretches; the next run continues after the
 * last of them. With a recogniser whose output depends only on its audio the result equals an
 * uninterrupted run's exactly; with Vosk, the kept stretches are taken as they were and the rest
 * agrees with an uninterrupted run as closely as two uninterrupted runs agree.
 */
class ResumeTest {
  @TempDir Path tmp;

  /** What the interrupted run left behind. */
  private record Interrupted(long resumeMs, List<Checkpoint.Stretch> kept) {}

  @Test
  void interrupted_transcription_resumes_at_its_checkpoint_and_equals_an_uninterrupted_one() throws Exception {
    SpeechAudio.requireTools("sox", "ffmpeg", "ffprobe");
    Path audio = tones(tmp.resolve("beeps.m4a"), 40);
    LoudnessEngine engine = new LoudnessEngine();
    try (VoskSpeechToText stt = new VoskSpeechToText(engine, "loudness", new Ffmpeg(), tmp.resolve("work"), 1, 5_000, 60_000)) {
      Path work = Checkpoint.fileFor(tmp.resolve("work"), audio, stt.name());
      Transcription whole = stt.transcribe(audio, SpeechToText.Progress.NONE);
      int wholeSessions = engine.sessions;
      assertTrue(wholeSessions >= 4, "several stretches: " + wholeSessions);
      assertTrue(whole.cues().size() >= 20, "the tones were heard: " + whole.cues().size());
      assertFalse(Files.exists(work), "the work file goes once the transcription is whole");

      Interrupted stop = interrupt(stt, audio, work, 2);
      engine.sessions = 0;
      List<Long> reported = new ArrayList<>();
      Transcription resumed = stt.transcribe(audio, (doneMs, totalMs) -> reported.add(doneMs));

      assertEquals(stop.resumeMs(), reported.getFirst(), "the second run starts at the checkpoint");
      assertEquals(wholeSessions - stop.kept().size(), engine.sessions, "only the stretches not kept are heard again");
      assertEquals(whole, resumed, "a resumed transcription equals an uninterrupted one");
      assertFalse(Files.exists(work));
    }
  }

  @Test
  void interrupted_vosk_transcription_keeps_its_finished_stretches_and_agrees_with_an_uninterrupted_run() throws Exception {
    // real speech: Vosk is sure of most words, so two runs differ little (on espeak's voice, 4-7% of words)
    List<SpeechAudio.Utterance> u = SpeechAudio.librivox();
    List<SpeechAudio.Utterance> parts = new ArrayList<>();
    List<Long> pauses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      parts.add(u.get((i * 2) % u.size()));
      if (i > 0) {
        pauses.add(1000L + 150 * i);
      }
    }
    SpeechAudio.Recording rec = SpeechAudio.joined(parts, pauses, tmp.resolve("talk.m4a"), false);
    try (VoskSpeechToText stt = TestRecognizer.open(1, 5_000, 60_000)) {
      Path work = Checkpoint.fileFor(TestRecognizer.DATA.resolve("transcribing"), rec.file(), stt.name());
      Files.deleteIfExists(work);
      Transcription whole = stt.transcribe(rec.file(), SpeechToText.Progress.NONE);

      Interrupted stop = interrupt(stt, rec.file(), work, 1);
      List<Long> reported = new ArrayList<>();
      Transcription resumed = stt.transcribe(rec.file(), (doneMs, totalMs) -> reported.add(doneMs));
      assertEquals(stop.resumeMs(), reported.getFirst(), "the second run starts at the checkpoint");
      assertTrue(reported.stream().allMatch(ms -> ms >= stop.resumeMs()), "and never goes back before it: " + reported);

      // the words of the kept stretches are in the result as they were heard, not heard again
      List<String> kept = stop.kept().stream().flatMap(s -> s.words().stream())
          .map(w -> w.startMs() + " " + w.text()).toList();
      List<String> resumedWords = TestRecognizer.words(resumed).stream()
          .map(w -> w.startMs() + " " + w.text().toLowerCase(java.util.Locale.ROOT)).toList();
      assertEquals(kept, resumedWords.subList(0, kept.size()));
      assertTrue(TestRecognizer.words(resumed).get(kept.size()).startMs() >= stop.resumeMs());

      double apart = WordErrorRate.of(TestRecognizer.text(whole), TestRecognizer.text(resumed)).rate();
      System.out.printf("resumed at %d ms of %d: %.1f%% of words differ from the uninterrupted run%n", stop.resumeMs(), rec.durationMs(), 100 * apart);
      assertTrue(apart <= 0.05, String.format("%.1f%% of words differ from an uninterrupted run", 100 * apart));
      assertEquals(whole.durationMs(), resumed.durationMs());
      assertFalse(Files.exists(work));
    }
  }

  /** Transcribes until {@code stretches} stretches are on disk, then interrupts the transcribing thread. */
  private static Interrupted interrupt(VoskSpeechToText stt, Path media, Path work, int stretches) throws IOException {
    long[] interruptedAt = {-1};
    assertThrows(InterruptedException.class, () -> stt.transcribe(media, (doneMs, totalMs) -> {
      if (interruptedAt[0] < 0 && Files.exists(work) && stretchesIn(work) >= stretches) {
        interruptedAt[0] = doneMs;
        Thread.currentThread().interrupt();
      }
    }));
    assertFalse(Thread.interrupted(), "the interrupt was consumed by the transcription");
    assertTrue(interruptedAt[0] > 0, "interrupted part way");
    try (Checkpoint c = Checkpoint.open(work.getParent(), media, stt.name())) {
      long resumeMs = c.resumeByte() / PcmChunks.BYTES_PER_MS;
      assertTrue(c.done().size() >= stretches, "finished stretches are kept: " + c.done().size());
      assertTrue(resumeMs > 0 && resumeMs < interruptedAt[0] + 1000, "stopped mid-file, at " + resumeMs + " ms");
      return new Interrupted(resumeMs, c.done());
    }
  }

  /** {@code count} tones of rising pitch, 0.3 to 0.9 s long, with pauses of 0.3 to 0.9 s. */
  static Path tones(Path file, int count) throws IOException, InterruptedException {
    List<SpeechAudio.Utterance> parts = new ArrayList<>();
    List<Long> pauses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path tone = file.resolveSibling("tone" + i + ".wav");
      SpeechAudio.run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", tone.toString(),
          "synth", String.valueOf(0.3 + 0.1 * (i % 7)), "sine", String.valueOf(300 + 20 * i), "vol", "0.5"));
      parts.add(new SpeechAudio.Utterance(tone, "tone " + i));
      if (i > 0) {
        pauses.add(300L + 100 * ((i * 3) % 7));
      }
    }
    return SpeechAudio.joined(parts, pauses, file, false).file();
  }

  private static int stretchesIn(Path work) {
    // the first line names the recording; each whole line after it is a finished stretch
    try {
      return (int) Files.readString(work).chars().filter(c -> c == '\n').count() - 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
