package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.Word;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trivial caption format, so importer tests do not depend on the real parsers: one cue per
 * line, {@code startMs endMs text…}; a token {@code word@ms} is a word with its timing, as
 * auto-captions carry. Blank lines are skipped; anything else is a {@link CaptionException}.
 */
final class FakeCaptionReader implements CaptionReader {
  final List<Path> read = java.util.Collections.synchronizedList(new ArrayList<>());

  @Override
  public ParsedFile read(Path file) throws CaptionException, IOException {
    read.add(file);
    String name = file.getFileName().toString();
    CaptionFormat format =
        CaptionFormat.fromExtension(name.substring(name.lastIndexOf('.') + 1)).orElseThrow();
    List<Cue> cues = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] t = line.split(" ");
      if (t.length < 3 || !t[0].matches("\\d+") || !t[1].matches("\\d+")) {
        throw new CaptionException(name, n + 1, "expected 'startMs endMs text', got '" + line + "'");
      }
      List<Word> words = new ArrayList<>();
      List<String> text = new ArrayList<>();
      for (int i = 2; i < t.length; i++) {
        int at = t[i].lastIndexOf('@');
        if (at > 0) {
          words.add(new Word(Long.parseLong(t[i].substring(at + 1)), t[i].substring(0, at)));
          text.add(t[i].substring(0, at));
        } else {
          text.add(t[i]);
        }
      }
      cues.add(new Cue(Long.parseLong(t[0]), Long.parseLong(t[1]), String.join(" ", text), words));
    }
    return new ParsedFile(format, cues);
  }
}
