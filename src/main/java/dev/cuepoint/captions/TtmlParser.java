package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads W3C Timed Text (TTML, and its older name DFXP) as YouTube and other tools write it: one cue
 * per {@code <p>}, timed by {@code begin} and {@code end} or {@code dur}, with the text of nested
 * {@code <span>}s and a space for each {@code <br/>}. Times are TTML clock times or offsets (see
 * {@link TtmlTime}) under the document's {@code ttp:frameRate}, {@code ttp:subFrameRate}, {@code
 * ttp:frameRateMultiplier} and {@code ttp:tickRate}; times on {@code <body>} and {@code <div>}
 * offset the times inside them, as in TTML's default parallel timing. Timing on a {@code <span>}
 * does not split its paragraph: a cue is the unit Cuepoint searches and links to. Streams with
 * StAX, with DTDs and external entities off.
 */
public final class TtmlParser implements CaptionParser {
  /** End of an element whose end the document leaves open. */
  private static final long OPEN = Long.MAX_VALUE;

  @Override
  public List<Cue> parse(Reader in, String source) throws CaptionException, IOException {
    // the reader holds nothing but the Reader, which the caller closes
    XMLStreamReader xml = Xml.open(in, source);
    try {
      String root = Xml.root(xml);
      if (!root.equals("tt")) {
        throw new CaptionException(
            source, Xml.line(xml), "XML root element <" + root + "> is not TTML (<tt>)");
      }
      TtmlTime time = timeParameters(xml, source);
      CueList cues = new CueList();
      Deque<Interval> open = new ArrayDeque<>();
      open.push(new Interval(0, OPEN));
      while (xml.hasNext()) {
        switch (xml.next()) {
          case XMLStreamConstants.START_ELEMENT -> {
            switch (xml.getLocalName()) {
              case "head" -> Xml.skipElement(xml); // styles, regions, metadata: nothing said
              case "p" -> readParagraph(xml, interval(xml, open.peek(), time, source), cues);
              default -> open.push(interval(xml, open.peek(), time, source));
            }
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
          default -> {}
        }
      }
      return cues.inTimeOrder();
    } catch (XMLStreamException e) {
      throw Xml.failure(source, e);
    }
  }

  private static TtmlTime timeParameters(XMLStreamReader xml, String source)
      throws CaptionException {
    try {
      return TtmlTime.of(
          Xml.attribute(xml, "frameRate"),
          Xml.attribute(xml, "frameRateMultiplier"),
          Xml.attribute(xml, "subFrameRate"),
          Xml.attribute(xml, "tickRate"));
    } catch (IllegalArgumentException e) {
      throw new CaptionException(source, Xml.line(xml), "<tt> " + e.getMessage(), e);
    }
  }

  /**
   * The absolute interval of the current element, from its attributes and its parent's interval.
   */
  private static Interval interval(
      XMLStreamReader xml, Interval parent, TtmlTime time, String source) throws CaptionException {
    String begin = Xml.attribute(xml, "begin");
    String end = Xml.attribute(xml, "end");
    String dur = Xml.attribute(xml, "dur");
    try {
      long beginMs = parent.beginMs + (begin == null ? 0 : time.millis(begin));
      long endMs = parent.endMs;
      if (end != null) {
        endMs = Math.min(endMs, parent.beginMs + time.millis(end));
      }
      if (dur != null) {
        endMs = Math.min(endMs, beginMs + time.millis(dur));
      }
      return new Interval(beginMs, endMs);
    } catch (IllegalArgumentException e) {
      throw new CaptionException(
          source, Xml.line(xml), "<" + xml.getLocalName() + "> " + e.getMessage(), e);
    }
  }

  /** Reads one {@code <p>} up to its end tag and adds its cue, if it has text. */
  private static void readParagraph(XMLStreamReader xml, Interval interval, CueList cues)
      throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (depth > 0) {
      switch (xml.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          switch (xml.getLocalName()) {
            case "br" -> {
              text.append('\n');
              depth++;
            }
            case "metadata" -> Xml.skipElement(xml); // notes for editors, not shown on screen
            default -> depth++;
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(xml.getText());
        default -> {}
      }
    }
    long endMs = interval.endMs == OPEN ? interval.beginMs : interval.endMs;
    cues.addText(interval.beginMs, endMs, text.toString());
  }

  private record Interval(long beginMs, long endMs) {}
}
