package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX plumbing shared by the XML caption parsers (YouTube timedtext, TTML). */
final class Xml {
  private Xml() {}

  /**
   * A streaming reader that is safe for untrusted input: caption files come from the internet, so
   * no DTD is processed and no external entity or DTD is ever fetched (XXE, "billion laughs").
   */
  static XMLStreamReader open(Reader in, String source) throws CaptionException, IOException {
    // the JDK's own StAX, whatever else is on the class path: its settings and messages are known
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      return factory.createXMLStreamReader(Bom.skip(in));
    } catch (XMLStreamException e) {
      throw failure(source, e);
    }
  }

  /** Moves to the root element and returns its local name. */
  static String root(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        return xml.getLocalName();
      }
    }
    throw new XMLStreamException("no root element: the XML is empty", xml.getLocation());
  }

  /**
   * The value of an attribute of the current element by local name, whatever its prefix; or null.
   */
  static String attribute(XMLStreamReader xml, String localName) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (xml.getAttributeLocalName(i).equals(localName)) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  static int line(XMLStreamReader xml) {
    return Math.max(0, xml.getLocation().getLineNumber());
  }

  /** Skips the current element with everything inside it. */
  static void skipElement(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  /** A parse error as the user should see it: where, and the parser's own words for what. */
  static CaptionException failure(String source, XMLStreamException e) {
    int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
    String message = e.getMessage() == null ? "" : e.getMessage();
    // the JDK prefixes "ParseError at [row,col]:[5,1]\nMessage: ", which the line number replaces
    int at = message.indexOf("Message: ");
    if (at >= 0) {
      message = message.substring(at + "Message: ".length());
    }
    return new CaptionException(
        source, line, "XML is malformed or truncated: " + message.strip(), e);
  }
}
