package dev.cuepoint.corpus;

import java.util.Objects;

/**
 * A video's membership in a playlist.
 *
 * @param playlistId YouTube playlist id
 * @param playlistTitle the playlist's title, or empty when unknown
 * @param position 1-based position of the video in the playlist, 0 when unknown
 */
public record PlaylistEntry(String playlistId, String playlistTitle, int position) {
  public PlaylistEntry {
    Objects.requireNonNull(playlistId, "playlistId");
    if (playlistId.isBlank()) {
      throw new IllegalArgumentException("playlist id must not be blank");
    }
    playlistTitle = playlistTitle == null ? "" : playlistTitle;
    if (position < 0) {
      throw new IllegalArgumentException("playlist position must be >= 0, got " + position);
    }
  }
}
