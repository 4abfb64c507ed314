package dev.cuepoint.web;

import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.SearchIndex;
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
  private final SearchIndex index;
  private final VideoSource videos;
  private final Instant startedAt;

  LibraryApi(SearchIndex index, VideoSource videos, Instant startedAt) {
    this.index = index;
    this.videos = videos;
    this.startedAt = startedAt;
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
    JsonOut.send(ctx, new StatusBody(
        stats.videos(),
        stats.transcriptsByLanguage().values().stream().mapToInt(Integer::intValue).sum(),
        stats.transcriptsByLanguage().keySet().stream().sorted().toList(),
        stats.transcriptsByLanguage(),
        stats.sizeBytes(),
        startedAt.toString(),
        null,
        null,
        null,
        null));
  }

  /**
   * The refresh fields stay null until scheduled refreshes exist.
   *
   * @param transcripts transcripts indexed, over all languages
   * @param transcriptsByLanguage language → videos with a transcript in it
   */
  record StatusBody(
      int videos,
      int transcripts,
      List<String> languages,
      Map<String, Integer> transcriptsByLanguage,
      long indexSizeBytes,
      String startedAt,
      String lastRefresh,
      String nextRefresh,
      String lastResult,
      Integer quotaUsedToday) {}
}
