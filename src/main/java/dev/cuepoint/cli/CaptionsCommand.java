package dev.cuepoint.cli;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.ParsedCaptions;
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
 * {@code cuepoint captions FILE… [--json]}: parse caption files and print their clean cues. A file
 * that cannot be read is reported in one line and the others are still printed; the exit status is 1
 * when any failed.
 */
@Command(
    name = "captions",
    description = "Parse caption files (WebVTT, SRT, srv1/srv2/srv3, json3, TTML, SBV) and print the clean cues.",
    mixinStandardHelpOptions = true)
final class CaptionsCommand implements Callable<Integer> {
  @Mixin DataDir data; // every command takes --data; this one needs none

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "caption files")
  List<Path> files;

  @Option(names = "--json", description = "print [{file, format, cues: [{start, end, text, words}]}]")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Captions captions = Captions.standard();
    List<Map<String, Object>> parsed = new ArrayList<>();
    int failed = 0;
    for (Path file : files) {
      try {
        ParsedCaptions p = captions.read(file);
        if (json) {
          parsed.add(toJson(p));
        } else {
          printText(p, out);
        }
      } catch (CaptionException e) {
        failed++;
        err.println("cuepoint captions: " + e.getMessage());
      } catch (IOException e) {
        failed++;
        err.println("cuepoint captions: " + file + ": " + Failures.reason(e));
      }
    }
    if (json) {
      out.println(Json.write(parsed));
    }
    if (failed > 0) {
      err.printf("cuepoint captions: %d of %d file%s could not be read%n", failed, files.size(), files.size() == 1 ? "" : "s");
    }
    return failed == 0 ? 0 : 1;
  }

  private static Map<String, Object> toJson(ParsedCaptions p) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("file", p.file().toString());
    f.put("format", p.format().extension());
    List<Map<String, Object>> cues = new ArrayList<>(p.cues().size());
    for (Cue c : p.cues()) {
      Map<String, Object> cue = new LinkedHashMap<>();
      cue.put("start", c.startMs() / 1000.0);
      cue.put("end", c.endMs() / 1000.0);
      cue.put("text", c.text());
      if (!c.words().isEmpty()) {
        List<Map<String, Object>> words = new ArrayList<>(c.words().size());
        for (Word w : c.words()) {
          words.add(Map.of("start", w.startMs() / 1000.0, "text", w.text()));
        }
        cue.put("words", words);
      }
      cues.add(cue);
    }
    f.put("cues", cues);
    return f;
  }

  private static void printText(ParsedCaptions p, PrintWriter out) {
    out.printf("%s (%s, %d cues)%n", p.file(), p.format().extension(), p.cues().size());
    for (Cue c : p.cues()) {
      out.printf(Locale.ROOT, "%s --> %s  %s%n", stamp(c.startMs()), stamp(c.endMs()), c.text());
    }
  }

  static String stamp(long ms) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
