package dev.cuepoint.captions;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises a caption format from the first few kilobytes of a file. Content decides; the file's
 * extension only breaks a tie the content leaves open, since yt-dlp, browsers and users often save
 * captions under the wrong extension or none ({@code .xml}, {@code .txt}, {@code timedtext}).
 */
final class FormatSniffer {
  private static final Pattern SBV_TIMING =
      Pattern.compile("\\d{1,5}:\\d{2}:\\d{2}\\.\\d{1,3},\\d{1,5}:\\d{2}:\\d{2}\\.\\d{1,3}");
  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  private static final Set<CaptionFormat> XML_FORMATS =
      EnumSet.of(CaptionFormat.SRV1, CaptionFormat.SRV2, CaptionFormat.SRV3, CaptionFormat.TTML);
  private static final Pattern FORMAT_3 = Pattern.compile("\\sformat\\s*=\\s*[\"']3[\"']");

  private FormatSniffer() {}

  /**
   * @param head the start of the file as text (a BOM may be there)
   * @param fileName the file's name, for the extension and for error messages
   */
  static CaptionFormat detect(String head, String fileName) throws CaptionException {
    String start =
        head.length() > CaptionFile.HEAD_BYTES ? head.substring(0, CaptionFile.HEAD_BYTES) : head;
    String s = Bom.strip(start).stripLeading();
    if (s.isEmpty()) {
      throw notCaptions(fileName, "it is empty");
    }
    if (s.startsWith("WEBVTT") && (s.length() == 6 || Character.isWhitespace(s.charAt(6)))) {
      return CaptionFormat.WEBVTT;
    }
    Optional<CaptionFormat> byName = extension(fileName);
    return switch (s.charAt(0)) {
      case '{' -> json(s, fileName, byName);
      case '<' -> xml(s, fileName, byName);
      default -> text(s, fileName, byName);
    };
  }

  private static CaptionFormat json(String s, String fileName, Optional<CaptionFormat> byName)
      throws CaptionException {
    if (s.contains("\"events\"") || byName.orElse(null) == CaptionFormat.JSON3) {
      return CaptionFormat.JSON3;
    }
    throw notCaptions(fileName, "JSON without an \"events\" array (YouTube json3 has one)");
  }

  private static CaptionFormat xml(String s, String fileName, Optional<CaptionFormat> byName)
      throws CaptionException {
    String tag = rootTag(s);
    if (tag == null) {
      // the prolog fills the whole head: only the name can tell
      return byName
          .filter(XML_FORMATS::contains)
          .orElseThrow(
              () ->
                  notCaptions(
                      fileName,
                      "no XML root element in the first " + CaptionFile.HEAD_BYTES / 1024 + " KB"));
    }
    String name = tag.split("[\\s/>]", 2)[0];
    String local = name.substring(name.indexOf(':') + 1);
    return switch (local) {
      case "transcript" -> CaptionFormat.SRV1;
      case "timedtext" -> FORMAT_3.matcher(tag).find() ? CaptionFormat.SRV3 : CaptionFormat.SRV2;
      case "tt" -> CaptionFormat.TTML;
      default ->
          throw notCaptions(
              fileName,
              "XML root element <"
                  + name
                  + "> is not YouTube timedtext (<transcript>,"
                  + " <timedtext>) or TTML (<tt>)");
    };
  }

  /**
   * The root element's start tag without its '<' (name and attributes), skipping the XML
   * declaration, processing instructions, comments and a DOCTYPE; null when the head ends first.
   */
  private static String rootTag(String s) {
    int i = 0;
    while (true) {
      i = s.indexOf('<', i);
      if (i < 0 || i + 1 >= s.length()) {
        return null;
      }
      String close;
      if (s.startsWith("<?", i)) {
        close = "?>";
      } else if (s.startsWith("<!--", i)) {
        close = "-->";
      } else if (s.startsWith("<!", i)) {
        // a DOCTYPE, perhaps with an internal subset in [...]
        int bracket = s.indexOf('[', i);
        int gt = s.indexOf('>', i);
        close = bracket >= 0 && gt >= 0 && bracket < gt ? "]>" : ">";
      } else {
        int end = s.indexOf('>', i);
        return end < 0 ? null : s.substring(i + 1, end);
      }
      int end = s.indexOf(close, i + 2);
      if (end < 0) {
        return null;
      }
      i = end + close.length();
    }
  }

  private static CaptionFormat text(String s, String fileName, Optional<CaptionFormat> byName)
      throws CaptionException {
    String previous = "";
    for (String line : LINE_BREAK.split(s)) {
      String t = line.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (SrtParser.isTimingLine(t)) {
        String start = t.substring(0, t.indexOf("-->"));
        if (start.indexOf(',') >= 0 || isNumber(previous)) {
          return CaptionFormat.SRT;
        }
        // "00:00:01.000 --> …" with no number and no header: SRT or a headless WebVTT
        return byName.filter(f -> f == CaptionFormat.WEBVTT).orElse(CaptionFormat.SRT);
      }
      if (SBV_TIMING.matcher(t).matches()) {
        return CaptionFormat.SBV;
      }
      previous = t;
    }
    throw notCaptions(
        fileName,
        "no WebVTT header, no timing line such as '00:00:01,000 --> 00:00:03,000' or"
            + " '0:00:01.000,0:00:03.000', and no JSON or XML in the first "
            + CaptionFile.HEAD_BYTES / 1024
            + " KB");
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static Optional<CaptionFormat> extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return dot > slash
        ? CaptionFormat.fromExtension(fileName.substring(dot + 1))
        : Optional.empty();
  }

  private static CaptionException notCaptions(String fileName, String why) {
    return new CaptionException(fileName, 0, "not a caption file: " + why);
  }
}
