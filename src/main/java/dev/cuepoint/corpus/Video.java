package dev.cuepoint.corpus;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything Cuepoint knows about one video: its metadata and every transcript. One of these is one
 * file under {@code <data>/corpus/}.
 *
 * @param id the 11-character YouTube video id
 * @param title video title
 * @param description video description, may be empty
 * @param channel channel name, may be empty
 * @param channelId channel id, may be empty
 * @param publishedAt when the video was published (or uploaded), null when unknown
 * @param durationSeconds length of the video, 0 when unknown
 * @param thumbnailUrl a thumbnail image URL, may be empty
 * @param defaultLanguage the video's language as its metadata states it, may be empty
 * @param chapters chapters in time order
 * @param playlists the playlists the video was found in
 * @param transcripts every caption track, at most one per (language, kind)
 * @param media the local recording the page plays instead of YouTube's player (an absolute path,
 *     served only from the data directory or the configured media folder), empty when none
 */
public record Video(
    String id,
    String title,
    String description,
    String channel,
    String channelId,
    Instant publishedAt,
    long durationSeconds,
    String thumbnailUrl,
    String defaultLanguage,
    List<Chapter> chapters,
    List<PlaylistEntry> playlists,
    List<Transcript> transcripts,
    String media) {

  /** YouTube video ids: 11 characters of {@code [A-Za-z0-9_-]}. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{11}");

  /**
   * The last character of every YouTube id: an id is 64 bits in base64url, so its 11th character
   * carries 4 bits and is one of these 16. The ids Cuepoint makes for recordings end in another.
   */
  private static final String YOUTUBE_LAST = "AEIMQUYcgkosw048";

  /** Whether an id can name a YouTube video (false for the ids Cuepoint makes for recordings). */
  public static boolean onYouTube(String id) {
    return id.length() == 11 && YOUTUBE_LAST.indexOf(id.charAt(10)) >= 0;
  }

  public Video {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "video id must be 11 characters of A-Z, a-z, 0-9, _ or -, got '" + id + "'");
    }
    title = title == null ? "" : title;
    description = description == null ? "" : description;
    channel = channel == null ? "" : channel;
    channelId = channelId == null ? "" : channelId;
    if (durationSeconds < 0) {
      throw new IllegalArgumentException("duration must be >= 0 s, got " + durationSeconds);
    }
    thumbnailUrl = thumbnailUrl == null ? "" : thumbnailUrl;
    defaultLanguage = defaultLanguage == null ? "" : defaultLanguage;
    chapters = chapters == null ? List.of() : List.copyOf(chapters);
    playlists = playlists == null ? List.of() : List.copyOf(playlists);
    transcripts = transcripts == null ? List.of() : List.copyOf(transcripts);
    media = media == null ? "" : media;
  }

  /** A video with no local recording. */
  public Video(
      String id,
      String title,
      String description,
      String channel,
      String channelId,
      Instant publishedAt,
      long durationSeconds,
      String thumbnailUrl,
      String defaultLanguage,
      List<Chapter> chapters,
      List<PlaylistEntry> playlists,
      List<Transcript> transcripts) {
    this(id, title, description, channel, channelId, publishedAt, durationSeconds, thumbnailUrl,
        defaultLanguage, chapters, playlists, transcripts, "");
  }

  /** This video with another local recording ({@code ""}: none). */
  public Video withMedia(String media) {
    return new Video(id, title, description, channel, channelId, publishedAt, durationSeconds,
        thumbnailUrl, defaultLanguage, chapters, playlists, transcripts, media);
  }

  /** Whether a local recording of it is known. */
  public boolean hasMedia() {
    return !media.isEmpty();
  }

  /**
   * Whether this video is a recording that exists only here (imported from a file whose name holds
   * no YouTube id): its links are Cuepoint's own watch page and it has no YouTube thumbnail.
   */
  public boolean localOnly() {
    return hasMedia() && !onYouTube(id);
  }

  /** The YouTube watch URL of this video; Cuepoint's own watch page for a {@linkplain #localOnly local} recording. */
  public String url() {
    return localOnly() ? "/watch/" + id : "https://www.youtube.com/watch?v=" + id;
  }
}
