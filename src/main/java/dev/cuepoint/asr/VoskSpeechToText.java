package dev.cuepoint.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * Speech recognition with Vosk in this process. The audio, decoded by ffmpeg, is streamed through the
 * recogniser one chunk at a time and cut into stretches at pauses the recogniser finds (the first
 * end of an utterance after {@link #MIN_STRETCH_MS}, or at {@link #MAX_STRETCH_MS} when nobody pauses).
 * Each stretch gets a fresh recogniser, so its words depend only on its own audio: a finished stretch
 * is written to a {@link Checkpoint}, and a transcription that was killed continues after the last
 * finished stretch with the same result it would have had. At most {@code threads} recordings are
 * recognised at once; the others wait their turn.
 */
final class VoskSpeechToText implements SpeechToText {
  static final long MIN_STRETCH_MS = 30_000;
  static final long MAX_STRETCH_MS = 180_000;
  private static final long PROGRESS_EVERY_MS = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Engine engine;
  private final String name;
  private final Ffmpeg ffmpeg;
  private final Path workDir;
  private final int threads;
  private final Semaphore recognisers;
  private final long minStretchMs;
  private final long maxStretchMs;
  private volatile boolean closed;

  VoskSpeechToText(Engine engine, String name, Ffmpeg ffmpeg, Path workDir, int threads) {
    this(engine, name, ffmpeg, workDir, threads, MIN_STRETCH_MS, MAX_STRETCH_MS);
  }

  /** With other stretch lengths: tests use short ones to see several stretches in a short recording. */
  VoskSpeechToText(Engine engine, String name, Ffmpeg ffmpeg, Path workDir, int threads, long minStretchMs, long maxStretchMs) {
    if (minStretchMs <= 0 || maxStretchMs < minStretchMs) {
      throw new IllegalArgumentException("stretches must be 0 < min <= max ms, got " + minStretchMs + " and " + maxStretchMs);
    }
    this.minStretchMs = minStretchMs;
    this.maxStretchMs = maxStretchMs;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.engine = engine;
    this.name = name;
    this.ffmpeg = ffmpeg;
    this.workDir = workDir;
    this.threads = threads;
    this.recognisers = new Semaphore(threads, true);
  }

  @Override
  public Transcription transcribe(Path media, Progress progress) throws IOException, InterruptedException {
    Ffmpeg.Probe probe = ffmpeg.probe(media);
    recognisers.acquire();
    try {
      checkOpen();
      return transcribe(media, probe.durationMs(), progress);
    } finally {
      recognisers.release();
    }
  }

  private Transcription transcribe(Path media, long totalMs, Progress progress) throws IOException, InterruptedException {
    try (Checkpoint checkpoint = Checkpoint.open(workDir, media, name)) {
      long endByte;
      try (Ffmpeg.Decoding decoding = ffmpeg.decode(media)) {
        PcmChunks pcm = new PcmChunks(decoding.pcm());
        long resume = checkpoint.resumeByte();
        if (resume > 0 && !pcm.skip(resume)) {
          throw new IOException(media + ": its audio is shorter than the transcription begun before ("
              + checkpoint.file() + "); delete that file to start again");
        }
        progress.update(resume / PcmChunks.BYTES_PER_MS, totalMs);
        boolean end;
        do {
          Stretch s = recogniseStretch(pcm, totalMs, progress);
          checkpoint.add(s.done());
          end = s.endOfAudio();
        } while (!end);
        decoding.checkFinished();
        endByte = pcm.position();
      }
      List<HeardWord> words = new ArrayList<>();
      for (Checkpoint.Stretch s : checkpoint.done()) {
        words.addAll(s.words());
      }
      long durationMs = endByte / PcmChunks.BYTES_PER_MS;
      Transcription t = new Transcription("en", CueMaker.cues(words), durationMs);
      progress.update(durationMs, totalMs);
      checkpoint.finish();
      return t;
    }
  }

  private record Stretch(Checkpoint.Stretch done, boolean endOfAudio) {}

  /** Recognises from the stream's position to the next cut; the recogniser sees nothing before it. */
  private Stretch recogniseStretch(PcmChunks pcm, long totalMs, Progress progress) throws IOException, InterruptedException {
    long from = pcm.position();
    long offsetMs = from / PcmChunks.BYTES_PER_MS;
    List<HeardWord> words = new ArrayList<>();
    long reported = from;
    try (Engine.Session r = engine.session()) {
      while (true) {
        if (Thread.interrupted()) {
          throw new InterruptedException("transcription interrupted; finished stretches are kept for the next run");
        }
        checkOpen();
        int n = pcm.next();
        if (n == 0) {
          heard(r.finalResult(), offsetMs, words);
          return new Stretch(new Checkpoint.Stretch(from, pcm.position(), words), true);
        }
        boolean utteranceEnded = r.accept(pcm.buffer(), n);
        long fedMs = (pcm.position() - from) / PcmChunks.BYTES_PER_MS;
        if (utteranceEnded) {
          heard(r.result(), offsetMs, words);
        }
        if ((utteranceEnded && fedMs >= minStretchMs) || fedMs >= maxStretchMs) {
          if (!utteranceEnded) {
            heard(r.finalResult(), offsetMs, words);
          }
          return new Stretch(new Checkpoint.Stretch(from, pcm.position(), words), false);
        }
        if (pcm.position() - reported >= PROGRESS_EVERY_MS * PcmChunks.BYTES_PER_MS) {
          reported = pcm.position();
          progress.update(reported / PcmChunks.BYTES_PER_MS, totalMs);
        }
      }
    }
  }

  /** Adds the words of one Vosk result ({@code {"result": [{"word", "start", "end", "conf"}…]}}). */
  static void heard(String resultJson, long offsetMs, List<HeardWord> into) throws IOException {
    JsonNode result = JSON.readTree(resultJson).path("result");
    for (JsonNode w : result) {
      String text = w.path("word").asText("").strip();
      if (text.isEmpty() || text.equals("[unk]")) {
        continue;
      }
      long start = offsetMs + Math.round(w.path("start").asDouble() * 1000);
      long end = Math.max(start, offsetMs + Math.round(w.path("end").asDouble() * 1000));
      into.add(new HeardWord(text, start, end, w.path("conf").asDouble(1)));
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("the speech recogniser was closed");
    }
  }

  /** Transcriptions waiting for a free recogniser. */
  int waiting() {
    return recognisers.getQueueLength();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    closed = true;
    // running transcriptions stop at their next chunk; the native model goes once none uses it
    recognisers.acquireUninterruptibly(threads);
    engine.close();
  }
}
