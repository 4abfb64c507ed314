package dev.cuepoint.asr;

import static dev.cuepoint.Await.awaitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code threads} bounds how many recordings are recognised at once; the rest wait their turn. */
class BoundedRecognisersTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  // threads of its own: the common pool may have a single thread on a 2-core machine
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void with_one_thread_a_second_transcription_waits_until_the_first_is_done() throws Exception {
    List<SpeechAudio.Utterance> u = SpeechAudio.librivox();
    try (VoskSpeechToText stt = TestRecognizer.open(1)) {
      CountDownLatch firstRunning = new CountDownLatch(1);
      CountDownLatch letFirstGo = new CountDownLatch(1);
      CompletableFuture<Transcription> first = CompletableFuture.supplyAsync(() -> call(() -> stt.transcribe(u.get(0).audio(), (d, t) -> {
        firstRunning.countDown();
        await(letFirstGo);
      })), pool);
      assertTrue(firstRunning.await(60, TimeUnit.SECONDS), "the first transcription started");
      AtomicBoolean secondStarted = new AtomicBoolean();
      CompletableFuture<Transcription> second = CompletableFuture.supplyAsync(() -> call(() ->
          stt.transcribe(u.get(1).audio(), (d, t) -> secondStarted.set(true))), pool);
      awaitUntil("the second transcription queues for the recogniser", () -> stt.waiting() == 1, WAIT);
      assertTrue(!secondStarted.get(), "the second has not started while the first holds the only recogniser");
      letFirstGo.countDown();
      assertTrue(first.get(120, TimeUnit.SECONDS).cues().size() > 0);
      assertTrue(second.get(120, TimeUnit.SECONDS).cues().size() > 0);
      assertTrue(secondStarted.get());
      assertEquals(0, stt.waiting());
    }
  }

  @Test
  void with_two_threads_two_transcriptions_run_at_once() throws Exception {
    List<SpeechAudio.Utterance> u = SpeechAudio.librivox();
    try (VoskSpeechToText stt = TestRecognizer.open(2)) {
      CountDownLatch firstRunning = new CountDownLatch(1);
      CountDownLatch letFirstGo = new CountDownLatch(1);
      CompletableFuture<Transcription> first = CompletableFuture.supplyAsync(() -> call(() -> stt.transcribe(u.get(0).audio(), (d, t) -> {
        firstRunning.countDown();
        await(letFirstGo);
      })), pool);
      assertTrue(firstRunning.await(60, TimeUnit.SECONDS), "the first transcription started");
      // the first is held inside its recogniser; the second finishes all the same
      Transcription second = stt.transcribe(u.get(1).audio(), SpeechToText.Progress.NONE);
      assertTrue(second.cues().size() > 0);
      assertTrue(!first.isDone(), "the first was still held while the second ran");
      letFirstGo.countDown();
      assertTrue(first.get(120, TimeUnit.SECONDS).cues().size() > 0);
    }
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  private static <T> T call(Work<T> w) {
    try {
      return w.run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never let the transcription go on");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
