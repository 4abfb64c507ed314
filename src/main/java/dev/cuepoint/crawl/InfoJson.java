package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.PlaylistEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields Cuepoint uses from a yt-dlp {@code .info.json}; yt-dlp writes dozens more.
 *
 * @param type yt-dlp's {@code _type}: {@code video} (or empty, as older versions write) for a video
 * @param id the video id, empty when absent
 * @param publishedAt from {@code timestamp}, else {@code upload_date}, else {@code
 *     release_timestamp}; null when none is there
 * @param chapters yt-dlp's chapters, or when it has none the chapter list in the description
 * @param playlistIndex 1-based position in {@code playlistId}, 0 when unknown
 * @param manualLanguages the keys of {@code subtitles}: tracks people made
 * @param autoLanguages the keys of {@code automatic_captions}: tracks YouTube generated
 */
record InfoJson(
    String type,
    String id,
    String title,
    String description,
    String channel,
    String channelId,
    Instant publishedAt,
    long durationSeconds,
    String thumbnailUrl,
    String language,
    List<Chapter> chapters,
    String playlistId,
    String playlistTitle,
    int playlistIndex,
    String playlistChannel,
    Set<String> manualLanguages,
    Set<String> autoLanguages) {

  InfoJson {
    chapters = List.copyOf(chapters);
    manualLanguages = Set.copyOf(manualLanguages);
    autoLanguages = Set.copyOf(autoLanguages);
  }

  /** Whether this describes one video (yt-dlp also writes info.json files for playlists). */
  boolean isVideo() {
    return (type.isEmpty() || type.equals("video")) && !id.isEmpty();
  }

  /** The playlist this video was downloaded as part of, if any. */
  Optional<PlaylistEntry> playlistEntry() {
    return playlistId.isBlank()
        ? Optional.empty()
        : Optional.of(new PlaylistEntry(playlistId, playlistTitle, playlistIndex));
  }
}
