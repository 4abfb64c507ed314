package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Chapters;
import dev.cuepoint.corpus.PlaylistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A video's metadata from {@code videos.list} ({@code snippet}, {@code contentDetails}).
 *
 * @param publishedAt null when YouTube gives none
 * @param durationSeconds 0 for live streams and when unknown
 * @param thumbnailUrl the largest thumbnail, or empty
 * @param defaultLanguage the snippet's {@code defaultLanguage}, else {@code defaultAudioLanguage}
 */
public record VideoMeta(
    String id,
    String title,
    String description,
    String channel,
    String channelId,
    Instant publishedAt,
    long durationSeconds,
    String thumbnailUrl,
    String defaultLanguage) {
  public VideoMeta {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    channel = channel == null ? "" : channel;
    channelId = channelId == null ? "" : channelId;
    if (durationSeconds < 0) {
      throw new IllegalArgumentException("duration must be >= 0 s, got " + durationSeconds);
    }
    thumbnailUrl = thumbnailUrl == null ? "" : thumbnailUrl;
    defaultLanguage = defaultLanguage == null ? "" : defaultLanguage;
  }

  /** Chapters as YouTube finds them: in the description. */
  public List<Chapter> chapters() {
    return Chapters.fromDescription(description);
  }

  /**
   * The same metadata in the importer's terms, so a crawl and an import build and merge corpus
   * entries with one code path ({@link VideoMerge}).
   *
   * @param playlist the playlist the video was listed in, with its 1-based position, or null
   * @param playlistChannel the playlist owner's name
   */
  InfoJson toInfoJson(PlaylistEntry playlist, String playlistChannel) {
    return new InfoJson(
        "video", id, title, description, channel, channelId, publishedAt, durationSeconds,
        thumbnailUrl, defaultLanguage, chapters(),
        playlist == null ? "" : playlist.playlistId(),
        playlist == null ? "" : playlist.playlistTitle(),
        playlist == null ? 0 : playlist.position(),
        playlistChannel == null ? "" : playlistChannel,
        Set.of(), Set.of());
  }
}
