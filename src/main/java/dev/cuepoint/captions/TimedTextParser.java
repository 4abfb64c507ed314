package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads YouTube's timedtext XML in its three shapes, streaming:
 *
 * <ul>
 *   <li>srv1: {@code <transcript><text start="1.23" dur="2.5">…</text>} with times in seconds and
 *       text that is HTML-escaped once more inside the XML ({@code &amp;#39;}, {@code &lt;i>});
 *   <li>srv2: {@code <timedtext><text t="1230" d="2500">…</text>} with times in milliseconds;
 *   <li>srv3: {@code <timedtext format="3"><body><p t="1230" d="2500"><s>word</s><s t="300">
 *       next</s></p>} where {@code s@t} is the word's offset in milliseconds from its {@code p}.
 * </ul>
 *
 * <p>A line whose {@code <s>} carry {@code t} offsets or {@code ac} (auto-captions) gives a cue
 * with word timings. YouTube's auto-captions add paragraphs that only break the line ({@code a="1"}
 * appends or empty {@code <p>}); they hold no words and give no cue, and a word repeated at the
 * same moment by an overlapping line is kept once.
 */
public final class TimedTextParser implements CaptionParser {
  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    // the reader holds nothing but the Reader, which the caller closes
    XMLStreamReader xml = Xml.open(in, source);
    try {
      String root = Xml.root(xml);
      if (!root.equals("transcript") && !root.equals("timedtext")) {
        throw new CaptionException(
            source,
            Xml.line(xml),
            "XML root element <"
                + root
                + "> is not YouTube timedtext (<transcript> or <timedtext>)");
      }
      CueList cues = new CueList();
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "text", "p" -> readLine(xml, source, cues);
            case "head" -> Xml.skipElement(xml); // srv3 pens and window styles: no text
            default -> {}
          }
        }
      }
      return cues.inTimeOrder();
    } catch (XMLStreamException e) {
      throw Xml.failure(source, e);
    }
  }

  /** Reads one {@code <text>} or {@code <p>} up to its end tag and adds its cue, if it has text. */
  private static void readLine(XMLStreamReader xml, String source, CueList cues)
      throws XMLStreamException, CaptionException {
    Span span = span(xml, source);
    StringBuilder text = new StringBuilder();
    TimedWords words = new TimedWords();
    boolean timed = false;
    long wordMs = span.startMs;
    int depth = 1;
    while (depth > 0) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (xml.getLocalName().equals("s")) {
            // t is the word's offset; ac (the recogniser's confidence) marks a word at offset 0 too
            String offset = Xml.attribute(xml, "t");
            if (offset != null) {
              wordMs = span.startMs + millis(offset, 1, "<s> t", source, Xml.line(xml));
            }
            timed |= offset != null || Xml.attribute(xml, "ac") != null;
          } else if (xml.getLocalName().equals("br")) {
            text.append('\n');
            words.add(wordMs, "\n");
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          text.append(xml.getText());
          words.add(wordMs, xml.getText());
        }
        default -> {}
      }
    }
    if (timed) {
      cues.addWords(span.startMs, span.endMs, words.words());
    } else {
      cues.addText(span.startMs, span.endMs, text.toString());
    }
  }

  /** The times of the current line: srv1's start/dur in seconds, or srv2/srv3's t/d in ms. */
  private static Span span(XMLStreamReader xml, String source) throws CaptionException {
    String element = "<" + xml.getLocalName() + ">";
    int line = Xml.line(xml);
    String seconds = Xml.attribute(xml, "start");
    String millis = Xml.attribute(xml, "t");
    if (seconds != null) {
      long start = millis(seconds, 1000, element + " start", source, line);
      String dur = Xml.attribute(xml, "dur");
      return new Span(
          start, start + (dur == null ? 0 : millis(dur, 1000, element + " dur", source, line)));
    }
    if (millis != null) {
      long start = millis(millis, 1, element + " t", source, line);
      String d = Xml.attribute(xml, "d");
      return new Span(start, start + (d == null ? 0 : millis(d, 1, element + " d", source, line)));
    }
    throw new CaptionException(
        source, line, element + " has no start time (start=\"seconds\" or t=\"ms\")");
  }

  /**
   * Milliseconds from a decimal number of {@code unitMs} units (1000 for seconds, 1 for
   * milliseconds), rounded to the nearest millisecond.
   */
  private static long millis(String value, double unitMs, String what, String source, int line)
      throws CaptionException {
    double number;
    try {
      number = Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new CaptionException(source, line, what + " '" + value + "' is not a number", e);
    }
    // a ceiling far above any video keeps the sums of start and duration from overflowing
    if (!(number >= 0) || number * unitMs > 1e15) {
      throw new CaptionException(source, line, what + " '" + value + "' is not a time >= 0");
    }
    return Math.round(number * unitMs);
  }

  private record Span(long startMs, long endMs) {}
}
