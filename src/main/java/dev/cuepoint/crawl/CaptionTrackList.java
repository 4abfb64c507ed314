package dev.cuepoint.crawl;

import java.util.List;

/** A video's caption tracks from {@code captions.list}, with the response's ETag. */
public record CaptionTrackList(List<CaptionTrack> tracks, String etag) {
  public CaptionTrackList {
    tracks = List.copyOf(tracks);
    etag = etag == null ? "" : etag;
  }
}
