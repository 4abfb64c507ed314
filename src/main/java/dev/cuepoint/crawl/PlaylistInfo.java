package dev.cuepoint.crawl;

import java.util.Objects;

/**
 * A playlist's own fields from {@code playlists.list}.
 *
 * @param id the playlist id
 * @param title its title
 * @param channel the owning channel's name
 * @param etag the response's ETag
 */
public record PlaylistInfo(String id, String title, String channel, String etag) {
  public PlaylistInfo {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    channel = channel == null ? "" : channel;
    etag = etag == null ? "" : etag;
  }
}
