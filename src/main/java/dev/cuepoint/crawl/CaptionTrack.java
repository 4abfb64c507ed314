package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Transcript;
import java.util.Objects;

/**
 * One caption track as {@code captions.list} describes it.
 *
 * @param id the caption id, for {@code captions.download}
 * @param language its BCP 47 language
 * @param kind MANUAL for YouTube's {@code standard} tracks, AUTO for {@code asr}
 * @param lastUpdated when it last changed, as YouTube writes it (RFC 3339), or empty
 * @param etag the track's ETag, or empty
 * @param usable false for drafts, {@code forced} tracks (they cover only parts of the audio) and
 *     tracks YouTube is not serving
 */
public record CaptionTrack(
    String id, String language, Transcript.Kind kind, String lastUpdated, String etag, boolean usable) {
  public CaptionTrack {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("caption id must not be blank");
    }
    language = language == null || language.isBlank() ? "und" : language;
    Objects.requireNonNull(kind, "kind");
    lastUpdated = lastUpdated == null ? "" : lastUpdated;
    etag = etag == null ? "" : etag;
  }

  /** Same track, same version: nothing to download again. */
  boolean sameVersion(CaptionTrack other) {
    return other != null
        && id.equals(other.id)
        && lastUpdated.equals(other.lastUpdated)
        && etag.equals(other.etag);
  }
}
