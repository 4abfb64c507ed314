package dev.cuepoint.crawl;

import java.util.List;

/**
 * One page of {@code playlistItems.list}.
 *
 * @param items the entries, in playlist order
 * @param nextPageToken the token of the next page, empty on the last
 * @param etag the page's ETag, for {@code If-None-Match} next time
 */
public record PlaylistItemPage(List<PlaylistItem> items, String nextPageToken, String etag) {
  public PlaylistItemPage {
    items = List.copyOf(items);
    nextPageToken = nextPageToken == null ? "" : nextPageToken;
    etag = etag == null ? "" : etag;
  }
}
