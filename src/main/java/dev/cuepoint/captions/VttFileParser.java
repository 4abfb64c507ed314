package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The W3C WebVTT parser algorithm (https://www.w3.org/TR/webvtt1/#file-parsing) from the signature
 * to the list of cues, line by line over a stream. Blocks that are not cues (the header, NOTE
 * comments, STYLE sheets, REGION definitions) produce nothing: the spec recognises STYLE and REGION
 * only to build style sheets and regions, which Cuepoint does not use, and its block rules alone
 * already keep every such block out of the cue list.
 */
final class VttFileParser {
  private static final String SIGNATURE = "WEBVTT";
  private static final String ARROW = "-->";

  private final VttLineReader lines;
  private final String source;

  VttFileParser(Reader in, String source, int maxLineChars) {
    this.lines = new VttLineReader(in, source, maxLineChars);
    this.source = source;
  }

  List<VttCue> parse() throws IOException, CaptionException {
    checkSignature(lines.next());
    List<VttCue> cues = new ArrayList<>();
    String line = lines.next();
    if (line == null) {
      return cues;
    }
    if (!line.isEmpty()) {
      // Text right below the signature is header: a block that ends at a blank line, or before a
      // timing line, which then starts the first cue ("WEBVTT\n00:00.000 --> …" is valid).
      lines.pushBack(line);
      collectBlock(true);
    }
    while (skipBlankLines()) {
      collectBlock(false).ifPresent(cues::add);
    }
    return cues;
  }

  private void checkSignature(String first) throws CaptionException {
    if (first != null && !first.isEmpty() && first.charAt(0) == '\ufeff') {
      first = first.substring(1); // the UTF-8 decoder drops one byte order mark, and only one
    }
    boolean valid =
        first != null
            && first.startsWith(SIGNATURE)
            && (first.length() == SIGNATURE.length()
                || first.charAt(SIGNATURE.length()) == ' '
                || first.charAt(SIGNATURE.length()) == '\t');
    if (!valid) {
      String found =
          first == null || first.isEmpty()
              ? "the file is empty"
              : "it starts with \"" + abbreviate(first) + "\"";
      throw new CaptionException(
          source, 1, "missing the WEBVTT signature: this is not a WebVTT file (" + found + ")");
    }
  }

  /** Skips empty lines; false at the end of the input. */
  private boolean skipBlankLines() throws IOException, CaptionException {
    String line;
    do {
      line = lines.next();
      if (line == null) {
        return false;
      }
    } while (line.isEmpty());
    lines.pushBack(line);
    return true;
  }

  /**
   * The spec's "collect a WebVTT block". A line holding "-->" is a timing line only as the first
   * line of a block, or as the second after an identifier; anywhere else it ends the block and
   * starts the next one, which is why cue text can never contain "-->". A timing line that does not
   * parse still claims its block, so the text under a bad timing line is dropped up to the next
   * blank line, as browsers drop it.
   */
  private Optional<VttCue> collectBlock(boolean inHeader) throws IOException, CaptionException {
    StringBuilder buffer = new StringBuilder();
    VttTimings timings = null;
    String id = "";
    boolean seenArrow = false;
    int lineCount = 0;
    String line;
    while ((line = lines.next()) != null) {
      lineCount++;
      if (line.contains(ARROW)) {
        if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
          seenArrow = true;
          timings = VttTimings.parse(line).orElse(null);
          if (timings != null) {
            id = buffer.toString();
            buffer.setLength(0);
          }
        } else {
          lines.pushBack(line);
          break;
        }
      } else if (line.isEmpty()) {
        break;
      } else if (timings != null || lineCount == 1) {
        // Only a cue's text, or a first line that may turn out to be its identifier, is kept:
        // comments and style sheets can be long and are never used.
        if (!buffer.isEmpty()) {
          buffer.append('\n');
        }
        buffer.append(line);
      }
    }
    if (timings == null) {
      return Optional.empty();
    }
    return Optional.of(
        new VttCue(id, timings.startMs(), timings.endMs(), timings.settings(), buffer.toString()));
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
