package dev.cuepoint.crawl;

import java.util.Objects;

/**
 * One entry of a playlist as {@code playlistItems.list} gives it.
 *
 * @param videoId the video's id
 * @param position 0-based position in the playlist, as YouTube counts
 * @param privacy {@code public}, {@code unlisted}, {@code private}, or empty when YouTube gives none
 *     (deleted videos)
 * @param title the item's title: {@code Private video} and {@code Deleted video} for those
 */
public record PlaylistItem(String videoId, long position, String privacy, String title) {
  public PlaylistItem {
    Objects.requireNonNull(videoId, "videoId");
    if (position < 0) {
      throw new IllegalArgumentException("playlist position must be >= 0, got " + position);
    }
    privacy = privacy == null ? "" : privacy;
    title = title == null ? "" : title;
  }

  /** Whether the video can be watched by others: not private, not deleted. */
  public boolean available() {
    return !privacy.equals("private")
        && !privacy.equals("privacyStatusUnspecified")
        && !title.equals("Deleted video")
        && !title.equals("Private video");
  }
}
