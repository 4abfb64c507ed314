package dev.cuepoint.web;

import dev.cuepoint.search.SearchRequest;
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

  private final SearchCache search;
  private final Suggestions suggestions;

  SearchApi(SearchCache search, Suggestions suggestions) {
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
        Params.integer(ctx, "moments", DEFAULT_MOMENTS, 1, 100),
        preferredLanguages(ctx),
        Params.choice(ctx, "mode", SearchRequest.Mode.class, null)); // absent: the server's default
    JsonOut.send(ctx, search.search(request));
  }

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
