package dev.cuepoint.captions;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads caption files of every supported format: recognises the format from the file's content (see
 * {@link #detect(String, String)}), decodes the file as UTF-8 and streams it to the parser
 * registered for that format. Files over a size limit are refused before they are read, so one huge
 * or hostile file cannot exhaust memory.
 *
 * <pre>{@code
 * ParsedCaptions captions = Captions.standard().read(Path.of("lecture.en.srt"));
 * }</pre>
 */
public final class Captions {
  /** The size limit of {@link #standard()}: far above any real caption track. */
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  private final Map<CaptionFormat, CaptionParser> parsers;
  private final long maxBytes;

  /**
   * @param parsers the parser for each format that can be read; a format without one is refused
   * @param maxBytes files larger than this are refused
   */
  public Captions(Map<CaptionFormat, CaptionParser> parsers, long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0, got " + maxBytes);
    }
    EnumMap<CaptionFormat, CaptionParser> copy = new EnumMap<>(CaptionFormat.class);
    Objects.requireNonNull(parsers, "parsers")
        .forEach(
            (format, parser) -> copy.put(format, Objects.requireNonNull(parser, format.name())));
    this.parsers = Collections.unmodifiableMap(copy);
    this.maxBytes = maxBytes;
  }

  /** Every parser Cuepoint has, with the {@link #DEFAULT_MAX_BYTES} limit. */
  public static Captions standard() {
    return standard(DEFAULT_MAX_BYTES);
  }

  /** Every parser Cuepoint has, refusing files over {@code maxBytes}. */
  public static Captions standard(long maxBytes) {
    Map<CaptionFormat, CaptionParser> parsers = new EnumMap<>(CaptionFormat.class);
    parsers.put(CaptionFormat.WEBVTT, new WebVttParser());
    parsers.put(CaptionFormat.SRT, new SrtParser());
    parsers.put(CaptionFormat.SBV, new SbvParser());
    TimedTextParser timedText = new TimedTextParser();
    parsers.put(CaptionFormat.SRV1, timedText);
    parsers.put(CaptionFormat.SRV2, timedText);
    parsers.put(CaptionFormat.SRV3, timedText);
    parsers.put(CaptionFormat.JSON3, new Json3Parser());
    parsers.put(CaptionFormat.TTML, new TtmlParser());
    return new Captions(parsers, maxBytes);
  }

  /**
   * The format of a file, from the first 8 KB of its content.
   *
   * @throws CaptionException naming the file when it is not UTF-8 text or not captions
   */
  public CaptionFormat detect(Path file) throws CaptionException, IOException {
    try (CaptionFile input = CaptionFile.open(file, Long.MAX_VALUE)) {
      return detect(input.head(), file.toString());
    }
  }

  /**
   * The format of captions from the start of their text. By content: a {@code WEBVTT} signature
   * (after an optional BOM); JSON with {@code "events"} (json3); an XML root {@code <transcript>}
   * (srv1), {@code <timedtext format="3">} (srv3), other {@code <timedtext>} (srv2) or {@code <tt>}
   * (TTML); a {@code -->} timing line with comma milliseconds or a cue number above it (SRT); a
   * {@code 0:00:01.000,0:00:03.500} line (SBV). The extension of {@code fileName} is used only when
   * the content leaves the choice open.
   *
   * @param head the first few kilobytes of the file (more is ignored)
   * @param fileName the file's name, for its extension and error messages
   * @throws CaptionException "not a caption file: …" naming the file, when no format matches
   */
  public CaptionFormat detect(String head, String fileName) throws CaptionException {
    return FormatSniffer.detect(head, fileName);
  }

  /**
   * Reads a caption file: checks its size, detects its format, decodes it as UTF-8 (with or without
   * a BOM) and streams it through the format's parser.
   *
   * @throws CaptionException naming the file (and line, where one applies) when the file is too
   *     large, not UTF-8 text, not in a known format, in a format without a parser, or broken
   */
  public ParsedCaptions read(Path file) throws CaptionException, IOException {
    String name = file.toString();
    try (CaptionFile input = CaptionFile.open(file, maxBytes)) {
      CaptionFormat format = detect(input.head(), name);
      try {
        return new ParsedCaptions(file, format, parse(input.reader(), format, name));
      } catch (CaptionException | IOException e) {
        CaptionException notUtf8 = input.decodingFailure();
        if (notUtf8 != null) {
          throw notUtf8; // the real cause, whatever the parser made of it
        }
        throw e;
      }
    }
  }

  /**
   * Parses captions of a known format from any source, such as a download held in memory.
   *
   * @param source the name to use in error messages
   */
  public List<Cue> parse(Reader in, CaptionFormat format, String source)
      throws CaptionException, IOException {
    CaptionParser parser = parsers.get(format);
    if (parser == null) {
      throw new CaptionException(source, 0, "no parser for " + displayName(format));
    }
    return parser.parse(in, source);
  }

  static String displayName(CaptionFormat format) {
    return switch (format) {
      case WEBVTT -> "WebVTT";
      case SRT -> "SRT";
      case SRV1 -> "YouTube timedtext srv1";
      case SRV2 -> "YouTube timedtext srv2";
      case SRV3 -> "YouTube timedtext srv3";
      case JSON3 -> "YouTube json3";
      case TTML -> "TTML";
      case SBV -> "SBV";
    };
  }
}
