package dev.cuepoint.web;

import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.index.PassageProgress;
import dev.cuepoint.search.IndexStats;
import dev.cuepoint.search.ModeSearch;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What is in the library: {@code /api/videos/{id}}, {@code /api/playlists}, {@code /api/status}. */
final class LibraryApi {
  private final KeywordIndex index;
  private final VideoSource videos;
  private final Instant startedAt;
  private final WebServer.Operations ops;
  private final ModeSearch search;
  private final Availability availability;

  LibraryApi(KeywordIndex index, ModeSearch search, VideoSource videos, Instant startedAt, WebServer.Operations ops,
      Availability availability) {
    this.availability = availability;
    this.index = index;
    this.search = search;
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
    JsonOut.send(ctx, VideoView.of(video.get(), Params.bool(ctx, "words", true)));
  }

  /**
   * {@code GET /api/videos/{id}/words?lang=…&kind=…}: one transcript's word timings, compactly (see
   * {@link VideoView.WordsView}); what the page fetches to mark the word being said. Without {@code
   * kind}, the first transcript in that language, in the order {@code /api/videos/{id}} lists them.
   */
  void words(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Optional<Video> video = Video.ID.matcher(id).matches() ? videos.video(id) : Optional.empty();
    if (video.isEmpty()) {
      throw new NotFoundResponse("no video '" + Params.echo(id) + "' in the index");
    }
    String lang = Params.required(ctx, "lang", "the transcript's language, e.g. lang=en");
    String kind = Params.text(ctx, "kind");
    if (kind != null && !kind.equals("manual") && !kind.equals("auto")) {
      throw new io.javalin.http.BadRequestResponse("kind must be manual or auto, got '" + Params.echo(kind) + "'");
    }
    Transcript t = video.get().transcripts().stream()
        .filter(tr -> tr.language().equals(lang) && (kind == null || VideoView.kind(tr).equals(kind)))
        .findFirst()
        .orElseThrow(() -> new NotFoundResponse("video '" + id + "' has no " + (kind == null ? "" : kind + " ")
            + "transcript in '" + Params.echo(lang) + "'; /api/videos/" + id + " lists its transcripts"));
    JsonOut.send(ctx, VideoView.WordsView.of(id, t));
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
        ops.quotaUsedToday().get(),
        semantic(search),
        availability.status()));
  }

  /**
   * The status's {@code semantic} object, from the counters the passage sync keeps (nothing counted here):
   * {@code {"passages", "embedded", "ready", "model", "embedding"}} plus {@code "passagesPerSecond"} and
   * {@code "etaSeconds"} while embedding; {@code {"ready": false, "off": reason}} when embeddings are off.
   */
  static Map<String, Object> semantic(ModeSearch search) {
    Map<String, Object> out = new LinkedHashMap<>();
    PassageProgress p = search.progress();
    if (p == null) {
      out.put("ready", false);
      out.put("off", search.offReason());
      return out;
    }
    out.put("passages", p.passages() < 0 ? null : p.passages()); // null until counted, moments after a start
    out.put("embedded", p.embedded() < 0 ? null : p.embedded());
    out.put("ready", p.ready());
    out.put("model", p.model());
    out.put("embedding", p.running());
    if (p.running()) {
      out.put("passagesPerSecond", Math.round(p.passagesPerSecond() * 10) / 10.0);
      out.put("etaSeconds", p.etaSeconds() < 0 ? null : p.etaSeconds());
    }
    java.nio.file.Path aside = search.passagesMovedAside();
    if (aside != null) {
      out.put("rebuilding", !p.ready());
      out.put("movedAside", aside.toString());
    }
    return out;
  }

  /**
   * @param transcripts transcripts indexed, over all languages
   * @param transcriptsByLanguage language → videos with a transcript in it
   * @param cues caption cues indexed: the places a moment can be found
   * @param lastRefresh the last refresh that ended, null when none (or no refresher)
   * @param runningRefresh the refresh running now, null when none
   * @param nextRefresh when the next scheduled refresh starts, null when none is scheduled
   * @param quotaUsedToday YouTube Data API units spent today (Pacific time), null when unknown
   * @param semantic how far the passages of semantic search are embedded (see {@link #semantic})
   * @param rebuilding while the keyword index is rebuilt at start (searches answer 503):
   *     {@code {"reason", "videos", "of", "message", "retryAfterSeconds"}}; null otherwise
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
      Long quotaUsedToday,
      Map<String, Object> semantic,
      Map<String, Object> rebuilding) {}

}
