package dev.cuepoint.web;

import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.search.IndexStats;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What is in the library: {@code /api/videos/{id}}, {@code /api/playlists}, {@code /api/status}. */
final class LibraryApi {
  private final KeywordIndex index;
  private final VideoSource videos;
  private final Instant startedAt;
  private final WebServer.Operations ops;

  LibraryApi(KeywordIndex index, VideoSource videos, Instant startedAt, WebServer.Operations ops) {
    this.index = index;
    this.videos = videos;
    this.startedAt = startedAt;
    this.ops = ops;
  }

  void video(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<Video> video = Video.ID.matcher(id).matches() ? videos.video(id) : Optional.empty();
    if (video.isEmpty()) {
      throw new NotFoundResponse("no video '" + Params.echo(id) + "' in the index");
    }
    JsonOut.send(ctx, VideoView.of(video.get()));
  }

  void playlists(Context ctx) throws IOException {
    List<PlaylistView> out =
        videos.playlists().stream().map(LibraryApi::playlist).toList();
    JsonOut.send(ctx, new PlaylistsBody(out));
  }

  record PlaylistsBody(List<PlaylistView> playlists) {}

  record PlaylistView(String id, String title, String channel, int videos, List<String> videoIds) {}

  private static PlaylistView playlist(Playlist p) {
    return new PlaylistView(p.id(), p.title(), p.channel(), p.videoIds().size(), p.videoIds());
  }

  void status(Context ctx) throws IOException {
    IndexStats stats = IndexStats.of(index);
    Refresher refresher = ops.refresher();
    JsonOut.send(ctx, new StatusBody(
        stats.videos(),
        stats.transcriptsByLanguage().values().stream().mapToInt(Integer::intValue).sum(),
        stats.transcriptsByLanguage().keySet().stream().sorted().toList(),
        stats.transcriptsByLanguage(),
        stats.cues(),
        stats.sizeBytes(),
        startedAt.toString(),
        refresher == null ? null : refresher.last().map(RefreshView::of).orElse(null),
        refresher == null ? null : refresher.current().map(RefreshView::of).orElse(null),
        refresher == null ? null : refresher.nextScheduled().map(Instant::toString).orElse(null),
        ops.quotaUsedToday().get()));
  }

  /**
   * @param transcripts transcripts indexed, over all languages
   * @param transcriptsByLanguage language → videos with a transcript in it
   * @param cues caption cues indexed: the places a moment can be found
   * @param lastRefresh the last refresh that ended, null when none (or no refresher)
   * @param runningRefresh the refresh running now, null when none
   * @param nextRefresh when the next scheduled refresh starts, null when none is scheduled
   * @param quotaUsedToday YouTube Data API units spent today (Pacific time), null when unknown
   */
  record StatusBody(
      int videos,
      int transcripts,
      List<String> languages,
      Map<String, Integer> transcriptsByLanguage,
      long cues,
      long indexSizeBytes,
      String startedAt,
      RefreshView lastRefresh,
      RefreshView runningRefresh,
      String nextRefresh,
      Long quotaUsedToday) {}

}
