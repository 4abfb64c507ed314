package dev.cuepoint.web;

import dev.cuepoint.corpus.Video;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.VideoHit;
import dev.cuepoint.search.Suggestions;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/search}, {@code GET /api/videos/{id}/moments} and {@code GET /api/suggest}. */
final class SearchApi {
  static final int DEFAULT_LIMIT = 10;
  static final int DEFAULT_MOMENTS = 5;
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 20;

  /** Moments of one video at most: a lecture rarely says a word more often. */
  static final int MAX_VIDEO_MOMENTS = 100;

  private final SearchCache search;
  private final Suggestions suggestions;
  private final ModeSearch modes;
  private final Moments moments;
  private final VideoSource videos;

  /** Finds one video's moments ({@link ModeSearch#moments}), through the search gate when there is one. */
  interface Moments {
    VideoHit find(SearchRequest request, String videoId) throws IOException;
  }

  SearchApi(SearchCache search, Suggestions suggestions, ModeSearch modes, Moments moments, VideoSource videos) {
    this.search = search;
    this.suggestions = suggestions;
    this.modes = modes;
    this.moments = moments;
    this.videos = videos;
  }

  void search(Context ctx) throws IOException {
    String q = Params.required(ctx, "q", "the words to search for, e.g. q=spike+timing");
    SearchRequest request = new SearchRequest(
        q,
        Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT),
        Params.integer(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET),
        Params.text(ctx, "playlist"),
        Params.text(ctx, "lang"),
        Params.date(ctx, "from"),
        Params.date(ctx, "to"),
        Params.choice(ctx, "sort", SearchRequest.Sort.class, SearchRequest.Sort.RELEVANCE),
        Params.integer(ctx, "moments", DEFAULT_MOMENTS, 1, 100),
        preferredLanguages(ctx),
        Params.choice(ctx, "mode", SearchRequest.Mode.class, null)); // absent: the server's default
    JsonOut.send(ctx, search.search(request));
  }

  /**
   * Every moment of one video for a query ({@code q}, {@code mode}, {@code lang}, {@code prefer} as in a
   * search; {@code limit} moments, 100 by default), wherever the video ranks: what "Show all N moments"
   * shows. A video the query does not find has no moments; an unknown video is a 404.
   */
  void videoMoments(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    String q = Params.required(ctx, "q", "the words to search for, e.g. q=spike+timing");
    SearchRequest request = new SearchRequest(
        q, 1, 0, null,
        Params.text(ctx, "lang"), null, null, SearchRequest.Sort.RELEVANCE,
        Params.integer(ctx, "limit", MAX_VIDEO_MOMENTS, 1, MAX_VIDEO_MOMENTS),
        preferredLanguages(ctx),
        Params.choice(ctx, "mode", SearchRequest.Mode.class, null));
    if (!Video.ID.matcher(id).matches()) {
      throw new NotFoundResponse("no video '" + Params.echo(id) + "' in the index");
    }
    VideoHit hit = moments.find(request, id);
    if (hit == null && videos.video(id).isEmpty()) {
      throw new NotFoundResponse("no video '" + Params.echo(id) + "' in the index");
    }
    SearchRequest.Mode mode = request.mode() == null ? modes.defaultMode() : request.mode();
    JsonOut.send(ctx, hit == null
        ? new MomentsBody(q, mode.name().toLowerCase(Locale.ROOT), id, 0, null, List.of())
        : new MomentsBody(q, mode.name().toLowerCase(Locale.ROOT), id, hit.momentsTotal(), hit.match(), hit.moments()));
  }

  /** @param match how the video was found ({@code words}, {@code some-words}, {@code meaning}); null when not */
  record MomentsBody(String query, String mode, String videoId, int momentsTotal, String match, List<Moment> moments) {}

  /**
   * The languages whose moments come first: the {@code prefer} parameter ({@code prefer=ja,en}), else
   * the browser's Accept-Language, most wanted first.
   */
  static List<String> preferredLanguages(Context ctx) {
    String prefer = ctx.queryParam("prefer");
    if (prefer != null && !prefer.isBlank()) {
      return languageList(prefer);
    }
    String header = ctx.header("Accept-Language");
    return header == null ? List.of() : languageList(header);
  }

  /** "ja, en-GB;q=0.8, *;q=0.1" → [ja, en-GB], ordered by quality; malformed parts are ignored. */
  static List<String> languageList(String value) {
    record Weighted(String tag, double q, int order) {}
    List<Weighted> out = new java.util.ArrayList<>();
    String[] parts = value.split(",");
    for (int i = 0; i < parts.length && i < 20; i++) {
      String[] bits = parts[i].trim().split(";");
      String tag = bits[0].trim();
      if (!tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
        continue;
      }
      double q = 1;
      for (int k = 1; k < bits.length; k++) {
        String b = bits[k].trim();
        if (b.startsWith("q=")) {
          try {
            q = Double.parseDouble(b.substring(2));
          } catch (NumberFormatException e) {
            q = 0; // a weight that is not a number: treat the language as not wanted
          }
        }
      }
      if (q > 0) {
        out.add(new Weighted(tag, q, i));
      }
    }
    out.sort(java.util.Comparator.comparingDouble(Weighted::q).reversed().thenComparingInt(Weighted::order));
    return out.stream().map(Weighted::tag).toList();
  }

  void suggest(Context ctx) throws IOException {
    String q = ctx.queryParam("q");
    if (q == null) {
      throw new BadRequestResponse("parameter 'q' is required: the text typed so far, e.g. q=neur");
    }
    if (q.length() > Suggestions.MAX_INPUT) {
      throw new BadRequestResponse(
          "parameter 'q' is too long: at most " + Suggestions.MAX_INPUT + " characters, got " + q.length());
    }
    int limit = Params.integer(ctx, "limit", DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);
    JsonOut.send(ctx, new SuggestBody(q, suggestions.complete(q, limit)));
  }

  record SuggestBody(String query, List<String> suggestions) {}
}
