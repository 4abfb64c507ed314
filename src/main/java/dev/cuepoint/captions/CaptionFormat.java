package dev.cuepoint.captions;

import java.util.Locale;
import java.util.Optional;

/** The caption file formats Cuepoint reads. */
public enum CaptionFormat {
  /** WebVTT, including YouTube's rolling auto-caption flavour with word timing tags. */
  WEBVTT("vtt"),
  /** SubRip. */
  SRT("srt"),
  /** YouTube timedtext format 1: {@code <transcript><text start= dur=>}. */
  SRV1("srv1"),
  /** YouTube timedtext format 2: {@code <timedtext><text t= d=>} in milliseconds. */
  SRV2("srv2"),
  /** YouTube timedtext format 3: {@code <timedtext format="3"><body><p t= d=><s t=>}. */
  SRV3("srv3"),
  /** YouTube's JSON timedtext: {@code events[].segs[].utf8} with {@code tOffsetMs}. */
  JSON3("json3"),
  /** W3C Timed Text Markup Language (also DFXP). */
  TTML("ttml"),
  /** YouTube's SubViewer format. */
  SBV("sbv");

  private final String extension;

  CaptionFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension yt-dlp and YouTube use for this format, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format a file extension names ({@code vtt}, {@code srt}, {@code xml} is not one), if any. */
  public static Optional<CaptionFormat> fromExtension(String ext) {
    String e = ext.toLowerCase(Locale.ROOT);
    for (CaptionFormat f : values()) {
      if (f.extension.equals(e)) {
        return Optional.of(f);
      }
    }
    // ".xml" and ".dfxp" can be several formats: only the content tells (Captions.detect)
    return e.equals("webvtt") ? Optional.of(WEBVTT) : Optional.empty();
  }
}
