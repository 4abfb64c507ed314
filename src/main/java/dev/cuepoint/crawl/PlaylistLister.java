package dev.cuepoint.crawl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists a playlist completely: its title ({@code playlists.list}) and every page of items ({@code
 * playlistItems.list}, 50 a page, following {@code nextPageToken}), sending each page's last ETag so
 * an unchanged page costs an answer of no content and comes from the state. Either it returns the
 * whole listing or it throws: a partial listing is never used.
 */
final class PlaylistLister {
  /** Far beyond YouTube's 5,000-item playlist limit: a server sending tokens in a loop stops here. */
  private static final int MAX_PAGES = 1_000;

  /** A complete listing. */
  record Listing(String id, String title, String channel, List<PlaylistItem> items, int pages) {
    Listing {
      items = List.copyOf(items);
    }
  }

  private final ApiCalls calls;
  private final CrawlState state;

  PlaylistLister(ApiCalls calls, CrawlState state) {
    this.calls = calls;
    this.state = state;
  }

  Listing list(String playlistId) throws IOException {
    CrawlState.PlaylistCache cached = state.playlists.get(playlistId);
    Optional<PlaylistInfo> info = calls.playlist(playlistId, cached == null ? "" : cached.etag());
    String title = info.map(PlaylistInfo::title).orElseGet(() -> cached.title());
    String channel = info.map(PlaylistInfo::channel).orElseGet(() -> cached.channel());
    String etag = info.map(PlaylistInfo::etag).orElseGet(() -> cached.etag());
    List<CrawlState.Page> pages = new ArrayList<>();
    List<PlaylistItem> items = new ArrayList<>();
    String token = "";
    do {
      if (pages.size() >= MAX_PAGES) {
        throw new ApiException(
            "playlistItems.list " + playlistId + ": more than " + MAX_PAGES + " pages; the server"
                + " keeps sending page tokens",
            200, "tooManyPages", null);
      }
      CrawlState.Page old = cachedPage(cached, token);
      String asked = token;
      Optional<PlaylistItemPage> fresh =
          calls.playlistItems(playlistId, token, old == null ? "" : old.etag());
      if (fresh.isEmpty() && old == null) {
        throw new ApiException(
            "playlistItems.list " + playlistId + ": 304 Not Modified for a page never fetched",
            304, "notModified", null);
      }
      CrawlState.Page page =
          fresh
              .map(p -> new CrawlState.Page(asked, p.etag(), p.nextPageToken(), p.items()))
              .orElse(old);
      pages.add(page);
      items.addAll(page.items());
      token = page.nextPageToken();
    } while (!token.isEmpty());
    state.playlists.put(playlistId, new CrawlState.PlaylistCache(etag, title, channel, pages));
    return new Listing(playlistId, title, channel, items, pages.size());
  }

  private static CrawlState.Page cachedPage(CrawlState.PlaylistCache cached, String token) {
    if (cached == null) {
      return null;
    }
    return cached.pages().stream().filter(p -> p.pageToken().equals(token)).findFirst().orElse(null);
  }
}
