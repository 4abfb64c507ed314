package dev.cuepoint.crawl;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the crawler remembers between runs, in {@code <data>/state/crawl.json}: the targets of the
 * last run, the quota spent today, each playlist's pages with their ETags, each video's caption
 * tracks with the versions downloaded, and the last run's result. Losing it costs quota, never
 * data: the next crawl fetches everything again.
 */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
final class CrawlState {
  static final int SCHEMA = 1;

  int schema = SCHEMA;
  Targets targets = new Targets(List.of(), List.of());
  QuotaDay quota = new QuotaDay("", 0);

  /** Channel id → its uploads playlist (never changes, so asked once). */
  Map<String, String> uploads = new TreeMap<>();

  /** Playlist id → what its last complete listing returned. */
  Map<String, PlaylistCache> playlists = new TreeMap<>();

  /** Video id → its caption tracks on YouTube and what was downloaded of them. */
  Map<String, VideoCaptions> captions = new TreeMap<>();

  /** Video id → what the web player listed for it ({@code timedtext} source). */
  Map<String, WebCaptions> timedtext = new TreeMap<>();

  LastRun lastRun;

  /**
   * What the {@code timedtext} source last learnt of a video; while its metadata stays the same and
   * the tracks fetched are in the corpus, the video costs no request at all.
   *
   * @param metadata a fingerprint of the metadata it was asked with ({@link TimedTextCaptions})
   * @param checkedAt when the player was asked (ISO-8601); empty when a block interrupted it
   * @param tracks the vssIds of the tracks listed, e.g. {@code .en}, {@code a.en}
   * @param fetched the sources of the transcripts taken into the corpus
   * @param why the {@link NoTranscript} name when there was no transcript, else empty
   */
  record WebCaptions(String metadata, String checkedAt, List<String> tracks, List<String> fetched, String why) {
    WebCaptions {
      metadata = metadata == null ? "" : metadata;
      checkedAt = checkedAt == null ? "" : checkedAt;
      tracks = tracks == null ? List.of() : List.copyOf(tracks);
      fetched = fetched == null ? List.of() : List.copyOf(fetched);
      why = why == null ? "" : why;
    }
  }

  /** What {@code cuepoint crawl} without targets crawls: the targets of the last run. */
  record Targets(List<String> playlists, List<String> channels) {
    Targets {
      playlists = playlists == null ? List.of() : List.copyOf(playlists);
      channels = channels == null ? List.of() : List.copyOf(channels);
    }
  }

  /** Units spent on a Pacific-time day ({@code yyyy-MM-dd}). */
  record QuotaDay(String day, long units) {
    QuotaDay {
      day = day == null ? "" : day;
      if (units < 0) {
        throw new IllegalArgumentException("quota units must be >= 0, got " + units);
      }
    }
  }

  /** A playlist's {@code playlists.list} answer and its {@code playlistItems.list} pages. */
  record PlaylistCache(String etag, String title, String channel, List<Page> pages) {
    PlaylistCache {
      etag = etag == null ? "" : etag;
      title = title == null ? "" : title;
      channel = channel == null ? "" : channel;
      pages = pages == null ? List.of() : List.copyOf(pages);
    }
  }

  /** One page, asked for with {@code pageToken} (empty for the first). */
  record Page(String pageToken, String etag, String nextPageToken, List<PlaylistItem> items) {
    Page {
      pageToken = pageToken == null ? "" : pageToken;
      etag = etag == null ? "" : etag;
      nextPageToken = nextPageToken == null ? "" : nextPageToken;
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /**
   * @param etag the ETag of the last {@code captions.list} answer
   * @param checkedAt when the tracks were last listed (ISO-8601); videos checked longest ago go
   *     first, so a crawl stopped by the quota resumes where it stopped
   * @param tracks the tracks that answer listed
   * @param fetched {@code language/KIND} → the track version now in the corpus
   * @param forbidden ids of tracks YouTube refused to download (not the account's video); not tried
   *     again while listed unchanged
   */
  record VideoCaptions(
      String etag,
      String checkedAt,
      List<CaptionTrack> tracks,
      Map<String, CaptionTrack> fetched,
      List<String> forbidden) {
    VideoCaptions {
      etag = etag == null ? "" : etag;
      checkedAt = checkedAt == null ? "" : checkedAt;
      tracks = tracks == null ? List.of() : List.copyOf(tracks);
      fetched = fetched == null ? Map.of() : Map.copyOf(new TreeMap<>(fetched));
      forbidden = forbidden == null ? List.of() : List.copyOf(forbidden);
    }
  }

  /**
   * @param result {@code complete}, {@code stopped} (quota or budget) or {@code failed}
   * @param summary the summary line printed
   */
  record LastRun(String startedAt, String finishedAt, String result, String summary, long unitsUsed) {}
}
