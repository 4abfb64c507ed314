package dev.cuepoint.search;

import java.util.List;

/**
 * A video that matched, with its best moments. Field names are the HTTP API's.
 *
 * @param match {@value Moment#WORDS} when the video holds every required word or phrase of the query
 *     (anywhere: title, description, channel, chapters, transcripts), {@value Moment#SOME_WORDS} when
 *     it holds only some, {@value Moment#MEANING} when it was found by meaning alone
 */
public record VideoHit(
    String videoId,
    String title,
    String channel,
    String url,
    String thumbnailUrl,
    String publishedAt,
    long durationSeconds,
    List<String> playlistIds,
    double score,
    int momentsTotal,
    List<Moment> moments,
    String match) {
  public VideoHit {
    playlistIds = List.copyOf(playlistIds);
    moments = List.copyOf(moments);
    if (!Moment.MATCHES.contains(match)) {
      throw new IllegalArgumentException("match must be one of " + Moment.MATCHES + ", got " + match);
    }
  }
}
