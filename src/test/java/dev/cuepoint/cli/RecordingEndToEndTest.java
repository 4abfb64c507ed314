package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.asr.Recognizers;
import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.crawl.Media;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with the real recogniser, as issue 18 will be checked: real speech (Debian's
 * LibriVox utterances, joined with pauses by sox, encoded as m4a by ffmpeg, no caption file beside
 * it), {@code cuepoint import}, then each sentence's first three words, quoted, must find the
 * recording at a moment from 1.5 s before to 2.5 s after the sentence starts.
 *
 * <p>Skipped, saying so, while the build has no recogniser ({@link Recognizers#open} answers "not
 * available in this build"); anything else that stops it from running (sox, ffmpeg, the utterances
 * missing) skips it locally and fails it under CI=true.
 */
class RecordingEndToEndTest {
  static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
  static final double PAUSE_S = 1.5;
  static final Pattern LINE = Pattern.compile("<s>\\s*(.*?)\\s*</s>\\s*\\((\\S+)\\)");

  @TempDir Path tmp;

  record Sentence(String words, double startS) {}

  @Test
  void each_sentence_quoted_finds_the_recording_where_it_is_said() throws Exception {
    Path data = tmp.resolve("data");
    SpeechToText speech = recogniserOrSkip(data);
    speech.close(); // only asked whether there is one: the import loads its own, as 'cuepoint import' does
    if (!Files.isRegularFile(LIBRIVOX.resolve("transcription"))) {
      unavailable("the LibriVox utterances of Debian's pocketsphinx-testdata are not installed ("
          + LIBRIVOX + "): apt-get install pocketsphinx-testdata");
    }
    Media.require("sox");
    Media.require("ffmpeg");
    Path folder = Files.createDirectories(tmp.resolve("recordings"));
    List<Sentence> sentences = record(folder.resolve("Sense and Sensibility, chapter 1.m4a"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(new String[] {"import", "--data", data.toString(), folder.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, out + "\n" + err);

    ObjectMapper json = new ObjectMapper();
    List<String> misses = new ArrayList<>();
    for (Sentence s : sentences) {
      String quoted = "\"" + String.join(" ", List.of(s.words().split(" ")).subList(0, 3)) + "\"";
      StringWriter found = new StringWriter();
      int st = Main.run(new String[] {"search", "--data", data.toString(), "--json", "--moments", "50", quoted},
          new PrintWriter(found, true), new PrintWriter(err, true));
      assertEquals(0, st, err.toString());
      JsonNode results = json.readTree(found.toString()).get("results");
      List<Double> starts = new ArrayList<>();
      results.forEach(r -> r.get("moments").forEach(m -> starts.add(m.get("start").asDouble())));
      boolean near = starts.stream().anyMatch(t -> t >= s.startS() - 1.5 && t <= s.startS() + 2.5);
      if (!near) {
        misses.add(quoted + " said at " + String.format(Locale.ROOT, "%.2f", s.startS()) + " s, found at " + starts);
      }
    }
    assertTrue(misses.isEmpty(), misses.size() + " of " + sentences.size() + " sentences not found where said: "
        + misses);
  }

  /** The recogniser, or the test skipped when this build has none. */
  static SpeechToText recogniserOrSkip(Path data) throws IOException {
    try {
      return Recognizers.open(data, 1);
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("not available in this build")) {
        Assumptions.abort("the speech recogniser is not built into this branch yet (" + e.getMessage()
            + "): this test runs once the recogniser half of issue 18 is merged");
      }
      unavailable("the speech recogniser cannot be opened: " + e.getMessage());
      throw e;
    }
  }

  static void unavailable(String why) {
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(why + " (CI=true: this test must run)");
    }
    Assumptions.abort(why);
  }

  /** The utterances joined with pauses into one m4a; each sentence with where it starts. */
  static List<Sentence> record(Path m4a) throws IOException {
    List<Sentence> out = new ArrayList<>();
    List<String> join = new ArrayList<>(List.of("sox"));
    Path silence = m4a.resolveSibling(".pause.wav");
    Media.run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", silence.toString(), "trim", "0",
        String.valueOf(PAUSE_S)));
    double at = PAUSE_S;
    join.add(silence.toString());
    for (String line : Files.readAllLines(LIBRIVOX.resolve("transcription"), StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      Path wav = LIBRIVOX.resolve(m.group(2) + ".wav");
      out.add(new Sentence(m.group(1), at));
      join.add(wav.toString());
      join.add(silence.toString());
      at += Double.parseDouble(Media.run(List.of("soxi", "-D", wav.toString())).strip()) + PAUSE_S;
    }
    Path joined = m4a.resolveSibling(".joined.wav");
    join.add(joined.toString());
    Media.run(join);
    Media.run(List.of("ffmpeg", "-v", "error", "-y", "-i", joined.toString(), "-c:a", "aac", "-b:a", "64k",
        m4a.toString()));
    Files.delete(joined);
    Files.delete(silence);
    assertEquals(5, out.size(), "the utterances read from " + LIBRIVOX);
    return out;
  }
}
