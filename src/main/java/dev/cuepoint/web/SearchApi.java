package dev.cuepoint.web;

import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.Suggestions;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/search} and {@code GET /api/suggest}. */
final class SearchApi {
  static final int DEFAULT_LIMIT = 10;
  static final int DEFAULT_MOMENTS = 5;
  static final int DEFAULT_SUGGESTIONS = 8;
  static final int MAX_SUGGESTIONS = 20;

  private final SearchService search;
  private final Suggestions suggestions;

  SearchApi(SearchService search, Suggestions suggestions) {
    this.search = search;
    this.suggestions = suggestions;
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
        Params.integer(ctx, "moments", DEFAULT_MOMENTS, 1, 100));
    JsonOut.send(ctx, search.search(request));
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
