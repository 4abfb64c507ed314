package dev.cuepoint.cli;

import dev.cuepoint.asr.Recognizers;
import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.asr.Transcription;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint transcribe FILE… [--json]}: speech recognition of media files, printed as timed cues
 * and words in the shape of {@code cuepoint captions --json}. A file that cannot be transcribed is
 * reported in one line and the others are still done; the exit status is 1 when any failed. A
 * transcription that is stopped continues where it stopped the next time (work files under
 * {@code <data>/transcribing/}).
 */
@Command(
    name = "transcribe",
    description = "Recognise the speech in media files (any format ffmpeg reads) and print timed cues and words.",
    mixinStandardHelpOptions = true)
final class TranscribeCommand implements Callable<Integer> {
  /** How often a long transcription says how far it has come. */
  private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

  @Mixin DataDir data; // the model is unpacked into <data>/models, work files go to <data>/transcribing

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "audio or video files")
  List<Path> files;

  @Option(names = "--json", description = "print [{file, format, language, model, duration, cues: [{start, end, text, words}]}]")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Map<String, Object>> done = new ArrayList<>();
    int failed = 0;
    try (SpeechToText stt = Recognizers.open(data.dir, 1)) {
      for (Path file : files) {
        try {
          Transcription t = stt.transcribe(file, progressOn(err, file));
          if (json) {
            done.add(toJson(file, stt.name(), t));
          } else {
            printText(file, stt.name(), t, out);
          }
        } catch (IOException e) {
          failed++;
          err.println("cuepoint transcribe: " + Failures.reason(e));
        }
      }
    }
    if (json) {
      out.println(Json.write(done));
    }
    if (failed > 0) {
      err.printf("cuepoint transcribe: %d of %d file%s could not be transcribed%n", failed, files.size(), files.size() == 1 ? "" : "s");
    }
    return failed == 0 ? 0 : 1;
  }

  /** Reports on stderr every ten seconds or so; a short file finishes before saying anything. */
  private static SpeechToText.Progress progressOn(PrintWriter err, Path file) {
    long[] last = {System.nanoTime()};
    return (doneMs, totalMs) -> {
      long now = System.nanoTime();
      if (now - last[0] >= PROGRESS_EVERY_NANOS) {
        last[0] = now;
        String of = totalMs > 0
            ? String.format(Locale.ROOT, " of %s (%d%%)", clock(totalMs), Math.min(100, doneMs * 100 / totalMs)) : "";
        err.println("cuepoint transcribe: " + file.getFileName() + ": " + clock(doneMs) + of);
        err.flush();
      }
    };
  }

  static Map<String, Object> toJson(Path file, String model, Transcription t) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", file.toString());
    f.put("format", "asr");
    f.put("language", t.language());
    f.put("model", model);
    f.put("duration", t.durationMs() / 1000.0);
    List<Map<String, Object>> cues = new ArrayList<>(t.cues().size());
    for (Cue c : t.cues()) {
      Map<String, Object> cue = new LinkedHashMap<>();
      cue.put("start", c.startMs() / 1000.0);
      cue.put("end", c.endMs() / 1000.0);
      cue.put("text", c.text());
      List<Map<String, Object>> words = new ArrayList<>(c.words().size());
      for (Word w : c.words()) {
        Map<String, Object> word = new LinkedHashMap<>();
        word.put("start", w.startMs() / 1000.0);
        word.put("text", w.text());
        words.add(word);
      }
      cue.put("words", words);
      cues.add(cue);
    }
    f.put("cues", cues);
    return f;
  }

  private static void printText(Path file, String model, Transcription t, PrintWriter out) {
    out.printf("%s (%s, %s, %d cues)%n", file, model, clock(t.durationMs()), t.cues().size());
    for (Cue c : t.cues()) {
      out.printf(Locale.ROOT, "%s --> %s  %s%n", CaptionsCommand.stamp(c.startMs()), CaptionsCommand.stamp(c.endMs()), c.text());
    }
    out.flush();
  }

  private static String clock(long ms) {
    long s = ms / 1000;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
