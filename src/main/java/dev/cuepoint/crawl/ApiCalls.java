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

  /**
   * Charges the call, and gives the units back when it never reached YouTube (no such host, no
   * connection): YouTube charges only calls it received.
   */
  private <T> T charged(QuotaMeter.Cost cost, String what, Retrier.Call<T> call) throws IOException {
    quota.charge(cost, what);
    try {
      return call.run();
    } catch (ApiException e) {
      if (ApiException.NETWORK.equals(e.reason()) && neverSent(e.getCause())) {
        quota.refund(cost);
      }
      throw e;
    }
  }

  private static boolean neverSent(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
          || c instanceof java.net.NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }

  ApiCalls(YouTubeApi api, Retrier retrier, QuotaMeter quota) {
    this.api = api;
    this.retrier = retrier;
    this.quota = quota;
  }

  Optional<String> uploadsPlaylist(String channelId) throws IOException {
    String what = "channels.list " + channelId;
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.LIST, what, () -> api.uploadsPlaylist(channelId));
    });
  }

  Optional<String> myChannel() throws IOException {
    String what = "channels.list mine";
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.LIST, what, () -> api.myChannelId());
    });
  }

  Optional<PlaylistInfo> playlist(String playlistId, String etag) throws IOException {
    String what = "playlists.list " + playlistId;
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.LIST, what, () -> api.playlist(playlistId, etag));
    });
  }

  Optional<PlaylistItemPage> playlistItems(String playlistId, String pageToken, String etag)
      throws IOException {
    String what = "playlistItems.list " + playlistId;
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.LIST, what, () -> api.playlistItems(playlistId, pageToken, etag));
    });
  }

  List<VideoMeta> videos(List<String> ids) throws IOException {
    String what = "videos.list";
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.LIST, what, () -> api.videos(ids));
    });
  }

  Optional<CaptionTrackList> captions(String videoId, String etag) throws IOException {
    String what = "captions.list " + videoId;
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.CAPTIONS_LIST, what, () -> api.captions(videoId, etag));
    });
  }

  String download(String captionId, String format) throws IOException {
    String what = "captions.download " + captionId;
    return retrier.call(what, () -> {
      return charged(QuotaMeter.Cost.CAPTIONS_DOWNLOAD, what, () -> api.download(captionId, format));
    });
  }
}
