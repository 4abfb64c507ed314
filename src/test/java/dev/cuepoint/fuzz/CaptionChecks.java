package dev.cuepoint.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.captions.Word;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What every caption fuzz target promises for any input: the parser answers within
 * {@link Bounded#PER_CALL}; the only exception it throws is {@link CaptionException}, with a message
 * that names the input; and what it returns is bounded by what it was given (no more cue text, and no
 * more cues, than the input had characters), so memory is bounded by the input.
 */
final class CaptionChecks {
  static final Captions CAPTIONS = Captions.standard();

  private CaptionChecks() {}

  /** {@code Captions.parse} of the input, decoded as UTF-8, as the given format. */
  static void parse(CaptionFormat format, byte[] input) throws Exception {
    String text = new String(input, UTF_8);
    String name = "fuzz." + format.extension();
    List<Cue> cues;
    try {
      cues = Bounded.call("parsing " + input.length + " bytes as " + format,
          () -> CAPTIONS.parse(new StringReader(text), format, name));
    } catch (CaptionException e) {
      checkMessage(e, name);
      return;
    }
    checkBounded(cues, text.length(), format.toString());
  }

  /** The file extensions {@link #read} gives its temp files, chosen by the input's first byte. */
  static final List<String> EXTENSIONS =
      List.of(".vtt", ".srt", ".sbv", ".xml", ".srv1", ".srv3", ".json3", ".ttml", ".dfxp", ".txt");

  /**
   * {@code Captions.read} of a file holding the input after its first byte (the raw bytes: a BOM,
   * invalid UTF-8 and NULs included), named by the first byte's extension.
   */
  static void read(byte[] input, Path dir) throws Exception {
    String ext = input.length == 0 ? ".vtt" : EXTENSIONS.get(Math.floorMod(input[0], EXTENSIONS.size()));
    byte[] content = input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length);
    Path file = dir.resolve("captions" + ext);
    Files.write(file, content);
    ParsedCaptions parsed;
    try {
      parsed = Bounded.call("reading " + content.length + " bytes", () -> CAPTIONS.read(file));
    } catch (CaptionException e) {
      checkMessage(e, file.toString());
      return;
    }
    // one byte of UTF-8 is at most one char of text
    checkBounded(parsed.cues(), content.length, parsed.format().toString());
  }

  private static void checkMessage(CaptionException e, String name) {
    if (e.getMessage() == null || !e.getMessage().startsWith(name) || e.getMessage().length() <= name.length() + 2) {
      throw new AssertionError("a caption error must name the input and say what is wrong, got: " + e.getMessage(), e);
    }
  }

  private static void checkBounded(List<Cue> cues, int inputChars, String format) {
    long textChars = 0;
    for (Cue c : cues) {
      textChars += c.text().length();
      long wordChars = 0;
      for (Word w : c.words()) {
        wordChars += w.text().length();
      }
      if (wordChars > c.text().length()) {
        throw new AssertionError(format + ": the words of a cue hold more text than the cue: " + c);
      }
    }
    if (cues.size() > inputChars || textChars > inputChars) {
      throw new AssertionError(format + ": " + inputChars + " characters of input gave " + cues.size()
          + " cues holding " + textChars + " characters of text");
    }
  }
}
