package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * What one caption source made of one video.
 *
 * @param status whether it found tracks, found the stored ones current, had none, or failed
 * @param transcripts the tracks fetched ({@link Status#FETCHED} only)
 * @param note why there is nothing, or what failed (possibly alongside fetched tracks)
 */
record CaptionOutcome(Status status, List<Transcript> transcripts, String note) {
  enum Status {
    /** New or changed tracks: use them, try no further source. */
    FETCHED,
    /** The tracks in the corpus are the current ones: try no further source. */
    UNCHANGED,
    /** This source has no captions for the video: try the next one. */
    NONE,
    /** This source should have had captions and failed: try the next one; count it if none has. */
    FAILED
  }

  CaptionOutcome {
    Objects.requireNonNull(status, "status");
    transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
    note = note == null ? "" : note;
    if (status == Status.FETCHED && transcripts.isEmpty()) {
      throw new IllegalArgumentException("a FETCHED outcome needs at least one transcript");
    }
  }

  static CaptionOutcome fetched(List<Transcript> transcripts, String note) {
    return new CaptionOutcome(Status.FETCHED, transcripts, note);
  }

  static CaptionOutcome unchanged() {
    return new CaptionOutcome(Status.UNCHANGED, List.of(), "");
  }

  static CaptionOutcome none(String why) {
    return new CaptionOutcome(Status.NONE, List.of(), why);
  }

  static CaptionOutcome failed(String why) {
    return new CaptionOutcome(Status.FAILED, List.of(), why);
  }
}
