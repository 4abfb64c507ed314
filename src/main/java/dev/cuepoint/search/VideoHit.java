package dev.cuepoint.search;

import java.util.List;

/** A video that matched, with its best moments. Field names are the HTTP API's. */
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
    List<Moment> moments) {
  public VideoHit {
    playlistIds = List.copyOf(playlistIds);
    moments = List.copyOf(moments);
  }
}
