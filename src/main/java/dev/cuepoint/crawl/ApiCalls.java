package dev.cuepoint.crawl;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The Data API as the crawler uses it: every call is first charged to the quota meter (so none is
 * made past the budget) and repeated on transient failures. Each attempt is charged, because
 * YouTube charges failed calls too.
 */
final class ApiCalls {
  private final YouTubeApi api;
  private final Retrier retrier;
  private final QuotaMeter quota;

  ApiCalls(YouTubeApi api, Retrier retrier, QuotaMeter quota) {
    this.api = api;
    this.retrier = retrier;
    this.quota = quota;
  }

  Optional<String> uploadsPlaylist(String channelId) throws IOException {
    String what = "channels.list " + channelId;
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.LIST, what);
      return api.uploadsPlaylist(channelId);
    });
  }

  Optional<String> myChannel() throws IOException {
    String what = "channels.list mine";
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.LIST, what);
      return api.myChannelId();
    });
  }

  Optional<PlaylistInfo> playlist(String playlistId, String etag) throws IOException {
    String what = "playlists.list " + playlistId;
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.LIST, what);
      return api.playlist(playlistId, etag);
    });
  }

  Optional<PlaylistItemPage> playlistItems(String playlistId, String pageToken, String etag)
      throws IOException {
    String what = "playlistItems.list " + playlistId;
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.LIST, what);
      return api.playlistItems(playlistId, pageToken, etag);
    });
  }

  List<VideoMeta> videos(List<String> ids) throws IOException {
    String what = "videos.list";
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.LIST, what);
      return api.videos(ids);
    });
  }

  Optional<CaptionTrackList> captions(String videoId, String etag) throws IOException {
    String what = "captions.list " + videoId;
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.CAPTIONS_LIST, what);
      return api.captions(videoId, etag);
    });
  }

  String download(String captionId, String format) throws IOException {
    String what = "captions.download " + captionId;
    return retrier.call(what, () -> {
      quota.charge(QuotaMeter.Cost.CAPTIONS_DOWNLOAD, what);
      return api.download(captionId, format);
    });
  }
}
