package dev.cuepoint.crawl;

import java.util.Locale;

/** The caption sources, as {@code --captions} names them. */
public enum CaptionSourceKind {
  API("api"),
  TIMEDTEXT("timedtext"),
  YTDLP_FOLDER("ytdlp-folder"),
  YTDLP("ytdlp"),
  /** Cuepoint's own speech recognition of the audio yt-dlp fetches: the last resort. */
  ASR("asr");

  final String option;

  CaptionSourceKind(String option) {
    this.option = option;
  }

  /** The source {@code --captions} names, e.g. {@code ytdlp-folder}. */
  public static CaptionSourceKind of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (CaptionSourceKind k : values()) {
      if (k.option.equals(n)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown caption source '" + name + "': use api, timedtext, ytdlp-folder, ytdlp or asr");
  }
}
