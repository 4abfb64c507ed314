package dev.cuepoint.corpus;

import java.util.List;
import java.util.Objects;

/**
 * A playlist as last fetched: its videos in playlist order.
 *
 * @param id YouTube playlist id
 * @param title playlist title, or empty when unknown
 * @param channel the owning channel's name, or empty
 * @param videoIds the playlist's videos, in order
 */
public record Playlist(String id, String title, String channel, List<String> videoIds) {
  public Playlist {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    channel = channel == null ? "" : channel;
    videoIds = videoIds == null ? List.of() : List.copyOf(videoIds);
  }
}
