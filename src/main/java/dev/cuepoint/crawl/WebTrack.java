package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Transcript;
import java.util.Objects;

/**
 * A caption track as youtube.com's player lists it ({@code captionTracks[]} of the player answer).
 *
 * @param language its {@code languageCode}
 * @param kind AUTO when {@code kind} is {@code asr} (YouTube's recogniser), else MANUAL
 * @param vssId YouTube's track id, e.g. {@code .en} or {@code a.en}: stable across requests
 * @param name what the player shows, e.g. {@code English (auto-generated)}
 * @param baseUrl where to download it; signed and short-lived, so never stored
 */
record WebTrack(String language, Transcript.Kind kind, String vssId, String name, String baseUrl) {
  WebTrack {
    language = language == null || language.isBlank() ? "und" : language;
    Objects.requireNonNull(kind, "kind");
    vssId = vssId == null || vssId.isBlank() ? (kind == Transcript.Kind.AUTO ? "a." : ".") + language : vssId;
    name = name == null ? "" : name;
    Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /**
   * YouTube marks tracks that it serves only with a proof-of-origin token ("PO token", made by the
   * browser player's scripts) with {@code exp=xpe}; without one it answers with an empty body.
   */
  boolean needsToken() {
    return baseUrl.contains("&exp=xpe") || baseUrl.contains("?exp=xpe");
  }

  /** How a transcript names a track fetched here: {@code youtube-timedtext:a.en}. */
  String source() {
    return TimedTextCaptions.SOURCE_PREFIX + vssId;
  }

  /** {@code en/AUTO}: one track per language and kind. */
  String key() {
    return ApiCaptions.key(language, kind);
  }
}
