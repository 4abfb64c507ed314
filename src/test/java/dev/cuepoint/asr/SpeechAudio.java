package dev.cuepoint.asr;

import dev.cuepoint.realdata.RealData;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speech recordings for the recognition tests and the benchmark, made from what Debian ships: real
 * read speech (LibriVox utterances of {@code pocketsphinx-testdata}) and a lecture read by {@code
 * espeak-ng}, cut and joined with pauses by {@code sox} and encoded by {@code ffmpeg}. Where a tool or
 * the data is missing the test is skipped saying what to install (and fails under {@code CI=true}).
 */
public final class SpeechAudio {
  public static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
  private static final String INSTALL = "apt-get install ffmpeg sox espeak-ng pocketsphinx-testdata";

  private SpeechAudio() {}

  /** A stretch of speech with what is said in it. */
  public record Utterance(Path audio, String text) {}

  /** A sentence of a made recording and where it starts in it (where its speech begins). */
  public record Sentence(String text, long startMs) {}

  /** A made recording: the file, its sentences with their start times, and its length. */
  public record Recording(Path file, List<Sentence> sentences, long durationMs) {
    public String reference() {
      return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }
  }

  /** Skips (or, under CI=true, fails) the test when one of {@code tools} is not on the PATH. */
  public static void requireTools(String... tools) {
    for (String tool : tools) {
      RealData.present(onPath(tool), tool + " is not installed: speech recognition tests skipped (" + INSTALL + ")");
    }
  }

  static boolean onPath(String tool) {
    for (String dir : Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The LibriVox utterances with their reference transcripts. */
  public static List<Utterance> librivox() throws IOException {
    requireTools("ffmpeg", "ffprobe");
    Path transcription = LIBRIVOX.resolve("transcription");
    RealData.present(Files.isRegularFile(transcription),
        transcription + " not found: LibriVox speech tests skipped (" + INSTALL + ")");
    Pattern line = Pattern.compile("<s>(.*)</s>\\s*\\((\\S+)\\)");
    List<Utterance> out = new ArrayList<>();
    for (String l : Files.readAllLines(transcription, StandardCharsets.UTF_8)) {
      Matcher m = line.matcher(l.strip());
      if (m.matches()) {
        Path wav = LIBRIVOX.resolve(m.group(2) + ".wav");
        if (Files.isRegularFile(wav)) {
          out.add(new Utterance(wav, m.group(1).strip()));
        }
      }
    }
    RealData.present(!out.isEmpty(), transcription + " names no .wav beside it: LibriVox speech tests skipped");
    return out;
  }

  /** The lecture text of the tests (one sentence a line, paragraphs apart), by paragraph. */
  public static List<List<String>> lecture() throws IOException {
    List<List<String>> paragraphs = new ArrayList<>();
    List<String> current = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(SpeechAudio.class.getResourceAsStream("/asr/lecture.txt"), "asr/lecture.txt")) {
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        if (l.startsWith("#")) {
          continue;
        }
        if (l.isBlank()) {
          if (!current.isEmpty()) {
            paragraphs.add(current);
            current = new ArrayList<>();
          }
        } else {
          current.add(l.strip());
        }
      }
    }
    if (!current.isEmpty()) {
      paragraphs.add(current);
    }
    return paragraphs;
  }

  /**
   * The lecture read by espeak-ng, sentence by sentence, with {@code sentencePauseMs} between
   * sentences and {@code paragraphPauseMs} between paragraphs, encoded as {@code file} (its extension
   * picks the format).
   */
  public static Recording synthetic(List<List<String>> paragraphs, long sentencePauseMs, long paragraphPauseMs, Path file)
      throws IOException, InterruptedException {
    requireTools("espeak-ng", "sox", "ffmpeg", "ffprobe");
    Path work = Files.createTempDirectory(file.toAbsolutePath().getParent(), "speech");
    List<Utterance> parts = new ArrayList<>();
    List<Long> pauses = new ArrayList<>();
    int n = 0;
    for (List<String> paragraph : paragraphs) {
      for (int i = 0; i < paragraph.size(); i++) {
        Path raw = work.resolve("said" + n++ + ".wav");
        run(List.of("espeak-ng", "-v", "en-us", "-w", raw.toString(), paragraph.get(i)));
        parts.add(new Utterance(raw, paragraph.get(i)));
        pauses.add(i == paragraph.size() - 1 ? paragraphPauseMs : sentencePauseMs);
      }
    }
    pauses.removeLast();
    return joined(parts, pauses, file, true);
  }

  /**
   * The utterances one after another with the given pauses between them (one fewer than
   * utterances), 16 kHz mono, encoded as {@code file}. With {@code trim}, the silence each utterance
   * starts and ends with is cut first, so a sentence starts exactly where its speech does.
   */
  public static Recording joined(List<Utterance> parts, List<Long> pausesMs, Path file, boolean trim)
      throws IOException, InterruptedException {
    requireTools("sox", "ffmpeg", "ffprobe");
    if (pausesMs.size() != parts.size() - 1) {
      throw new IllegalArgumentException(parts.size() + " utterances need " + (parts.size() - 1) + " pauses, got " + pausesMs.size());
    }
    Path work = Files.createTempDirectory(file.toAbsolutePath().getParent(), "join");
    List<String> sox = new ArrayList<>(List.of("sox"));
    List<Sentence> sentences = new ArrayList<>();
    long samples = 0;
    for (int i = 0; i < parts.size(); i++) {
      Path seg = work.resolve("part" + i + ".wav");
      List<String> convert = new ArrayList<>(List.of("sox", parts.get(i).audio().toString(), "-r", "16000", "-c", "1", "-b", "16", seg.toString()));
      if (trim) {
        convert.addAll(List.of("silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"));
      }
      run(convert);
      sentences.add(new Sentence(parts.get(i).text(), samples / 16));
      samples += Long.parseLong(output(List.of("soxi", "-s", seg.toString())).strip());
      sox.add(seg.toString());
      if (i < pausesMs.size()) {
        Path silence = work.resolve("pause" + i + ".wav");
        run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", silence.toString(), "trim", "0", pausesMs.get(i) / 1000.0 + ""));
        samples += Long.parseLong(output(List.of("soxi", "-s", silence.toString())).strip());
        sox.add(silence.toString());
      }
    }
    Path wav = work.resolve("joined.wav");
    sox.add(wav.toString());
    run(sox);
    if (file.toString().endsWith(".wav")) {
      Files.move(wav, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      run(List.of("ffmpeg", "-nostdin", "-y", "-v", "error", "-i", wav.toString(), "-c:a", file.toString().endsWith(".m4a") ? "aac" : "libopus", "-b:a", "64k", file.toString()));
    }
    return new Recording(file, sentences, samples / 16);
  }

  static void run(List<String> command) throws IOException, InterruptedException {
    output(command);
  }

  static String output(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
    return out;
  }
}
