package dev.cuepoint.bench;

import dev.cuepoint.asr.Recognizers;
import dev.cuepoint.asr.SpeechAudio;
import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.asr.TestRecognizer;
import dev.cuepoint.asr.Transcription;
import dev.cuepoint.asr.WordErrorRate;
import dev.cuepoint.asr.WordTiming;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Speech recognition figures (issue 18): word error rate on Debian's LibriVox utterances, on those
 * utterances joined with pauses into an m4a, and on a lecture read by espeak-ng; real-time factor with
 * one and with two recordings transcribed at once; peak memory; and how far a quoted phrase's time
 * (a sentence's first three words) is from where the sentence starts.
 *
 * <pre>./mvnw -B -o -Pbench-asr verify   (or -Dasr.args="--repeat 5")</pre>
 *
 * Writes target/bench-report/asr.md. Needs ffmpeg, sox, espeak-ng and pocketsphinx-testdata.
 */
public final class AsrBench {
  private AsrBench() {}

  public static void main(String[] args) throws Exception {
    int repeat = 3;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--repeat")) {
        repeat = Integer.parseInt(args[++i]);
      }
    }
    Path work = Files.createTempDirectory("asr-bench");
    Path data = TestRecognizer.DATA;
    StringBuilder md = new StringBuilder("# Speech recognition benchmark\n\n");
    md.append(String.format(Locale.ROOT, "%d cores, Java %s, %s; repeat %d (medians)%n%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("os.name"), repeat));

    long t0 = System.nanoTime();
    try (SpeechToText warm = Recognizers.open(data, 1)) {
      md.append(String.format(Locale.ROOT, "- model open (unpacked before or now, then loaded): %.1f s%n", (System.nanoTime() - t0) / 1e9));
    }

    try (SpeechToText stt = Recognizers.open(data, 2)) {
      // 1. LibriVox utterances one by one
      WordErrorRate.Result libri = new WordErrorRate.Result(0, 0);
      for (SpeechAudio.Utterance u : SpeechAudio.librivox()) {
        libri = libri.plus(WordErrorRate.of(u.text(), text(stt.transcribe(u.audio(), SpeechToText.Progress.NONE))));
      }
      md.append(String.format(Locale.ROOT, "- LibriVox utterances (%d): WER %.1f%% (%d errors in %d words)%n",
          SpeechAudio.librivox().size(), 100 * libri.rate(), libri.errors(), libri.words()));

      // 2. the same utterances joined with 1-2 s pauses, as m4a (the shape of the independent check)
      List<SpeechAudio.Utterance> u = SpeechAudio.librivox();
      int[] order = {0, 1, 2, 3, 4, 2, 0, 4, 1, 3};
      long[] pauses = {1200, 1800, 1000, 1500, 2000, 1100, 1700, 1300, 1900};
      List<SpeechAudio.Utterance> parts = new ArrayList<>();
      List<Long> gaps = new ArrayList<>();
      for (int i = 0; i < order.length; i++) {
        parts.add(u.get(order[i] % u.size()));
        if (i > 0) {
          gaps.add(pauses[i - 1]);
        }
      }
      SpeechAudio.Recording joined = SpeechAudio.joined(parts, gaps, work.resolve("joined.m4a"), false);
      Transcription jt = stt.transcribe(joined.file(), SpeechToText.Progress.NONE);
      line(md, "LibriVox joined, m4a", joined, jt);

      // 3. the synthetic lecture
      SpeechAudio.Recording lecture = SpeechAudio.synthetic(SpeechAudio.lecture(), 700, 1600, work.resolve("lecture.m4a"));
      Transcription lt = stt.transcribe(lecture.file(), SpeechToText.Progress.NONE);
      line(md, "espeak-ng lecture, m4a", lecture, lt);
      Path copy = Files.copy(lecture.file(), work.resolve("lecture-copy.m4a"));

      // 4. real-time factor: one recording alone, then two at once (threads = 2)
      List<Double> one = new ArrayList<>();
      List<Double> two = new ArrayList<>();
      // CPU seconds per audio second as well: on a shared machine wall time includes waiting for a core
      List<Double> oneCpu = new ArrayList<>();
      List<Double> twoCpu = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int r = 0; r < repeat; r++) {
          long s = System.nanoTime();
          long c = cpuNanos();
          stt.transcribe(lecture.file(), SpeechToText.Progress.NONE);
          one.add((System.nanoTime() - s) / 1e6 / lecture.durationMs());
          oneCpu.add((cpuNanos() - c) / 1e6 / lecture.durationMs());
          s = System.nanoTime();
          c = cpuNanos();
          Future<Transcription> a = pool.submit(() -> stt.transcribe(lecture.file(), SpeechToText.Progress.NONE));
          Future<Transcription> b = pool.submit(() -> stt.transcribe(copy, SpeechToText.Progress.NONE));
          a.get();
          b.get();
          two.add((System.nanoTime() - s) / 1e6 / lecture.durationMs());
          twoCpu.add((cpuNanos() - c) / 1e6 / lecture.durationMs() / 2);
        }
      } finally {
        pool.shutdownNow();
      }
      md.append(String.format(Locale.ROOT, "- real-time factor, one recording (%.0f s): median %.3f wall (runs %s), "
          + "%.3f CPU seconds per audio second (this JVM; ffmpeg runs apart)%n",
          lecture.durationMs() / 1000.0, median(one), fmt(one), median(oneCpu)));
      md.append(String.format(Locale.ROOT, "- real-time factor, two recordings at once (threads 2): median %.3f wall per recording, "
          + "%.3f per audio second of both (runs %s), %.3f CPU seconds per audio second%n",
          median(two), median(two) / 2, fmt(two), median(twoCpu)));
    }
    long heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    md.append(String.format(Locale.ROOT, "- peak RSS %s, peak Java heap %d MB (the model lives outside the heap)%n",
        peakRss(), heapPeak >> 20));
    md.append("\nThe machine was shared with other builds: timings are noisy; compare within one run.\n");
    System.out.print(md);
    Path report = Path.of("target", "bench-report", "asr.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, md);
    System.out.println("report: " + report.toAbsolutePath());
  }

  private static void line(StringBuilder md, String what, SpeechAudio.Recording rec, Transcription t) {
    WordErrorRate.Result wer = WordErrorRate.of(rec.reference(), text(t));
    WordTiming.Timing timing = WordTiming.of(rec, t);
    md.append(String.format(Locale.ROOT,
        "- %s (%d sentences, %.0f s): WER %.1f%%; quoted first three words found for %d/%d sentences, "
            + "time error median %d ms, p90 %d ms, max %d ms; first word (aligned) median %d ms, p90 %d ms; "
            + "cues starting at a sentence %d/%d%n",
        what, timing.sentences(), rec.durationMs() / 1000.0, 100 * wer.rate(),
        timing.phraseErrorsMs().size(), timing.sentences(),
        WordTiming.Timing.percentile(timing.phraseErrorsMs(), 0.5), WordTiming.Timing.percentile(timing.phraseErrorsMs(), 0.9),
        WordTiming.Timing.percentile(timing.phraseErrorsMs(), 1.0),
        WordTiming.Timing.percentile(timing.firstWordErrorsMs(), 0.5), WordTiming.Timing.percentile(timing.firstWordErrorsMs(), 0.9),
        timing.cueStartsAtSentence(), timing.sentences()));
  }

  private static String text(Transcription t) {
    return TestRecognizer.text(t);
  }

  private static double median(List<Double> xs) {
    List<Double> s = xs.stream().sorted().toList();
    return s.get(s.size() / 2);
  }

  private static String fmt(List<Double> xs) {
    return String.join(", ", xs.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String peakRss() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (Files.isReadable(status)) {
      for (String l : Files.readAllLines(status)) {
        if (l.startsWith("VmHWM:")) {
          return (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MB";
        }
      }
    }
    return "unknown";
  }
}
