package dev.cuepoint.web;

import dev.cuepoint.index.IndexUnavailableException;
import dev.cuepoint.search.InvalidQueryException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become responses: a user's mistake is a 4xx with {@code {"error": …}} saying
 * what to change; anything else is a 500 with a generic message, and the details go to the log.
 */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  private ApiErrors() {}

  static void register(RoutesConfig routes) {
    routes.exception(EndpointNotFound.class, (e, ctx) -> {
      if (ctx.path().startsWith("/api/")) {
        send(ctx, 404, "no such API endpoint: " + Params.echo(ctx.path()) + " (see /api/openapi.json)");
      } else {
        ctx.status(404).contentType("text/plain;charset=utf-8").result("Not found. The search page is at /");
      }
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), e.getMessage()));
    routes.exception(InvalidQueryException.class, (e, ctx) -> send(ctx, 400, e.getMessage()));
    routes.exception(IndexUnavailableException.class, (e, ctx) -> {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", Integer.toString(IndexUnavailableException.RETRY_AFTER_SECONDS));
      send(ctx, 503, "the search index is not available for a moment; try again in a few seconds");
    });
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      send(ctx, 500, "the server failed to answer this request; the details are in its log");
    });
  }

  private static void send(Context ctx, int status, String message) {
    JsonOut.error(ctx, status, message);
  }
}
