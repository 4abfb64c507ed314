package dev.cuepoint.web;

import dev.cuepoint.schedule.RefreshRun;
import dev.cuepoint.schedule.Refresher;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * {@code POST /api/admin/refresh} and {@code GET /api/admin/refresh/{id}}, for the maintainer, behind
 * {@code Authorization: Bearer <admin token>}. Without a configured token the endpoints do not exist.
 */
final class AdminApi {
  private final Refresher refresher;
  private final byte[] token;

  /** @param token the admin token, or null/blank to switch the admin API off */
  AdminApi(Refresher refresher, String token) {
    this.refresher = refresher;
    this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  void refresh(Context ctx) {
    authorize(ctx);
    Optional<RefreshRun> started = refresher.start("admin");
    if (started.isEmpty()) {
      RefreshRun running = refresher.current().orElse(null);
      ctx.status(409);
      JsonOut.send(ctx, new Conflict("a refresh is already running" + (running == null ? "" : " (id " + running.id() + ")")
          + "; one runs at a time", running == null ? null : running.id()));
      return;
    }
    ctx.status(202);
    JsonOut.send(ctx, new Accepted(started.get().id(), "/api/admin/refresh/" + started.get().id(),
        RefreshView.of(started.get())));
  }

  void progress(Context ctx) {
    authorize(ctx);
    String id = ctx.pathParam("id");
    RefreshRun run = refresher.find(id)
        .orElseThrow(() -> new NotFoundResponse("no refresh '" + Params.echo(id) + "' (ids of the last 50 are kept)"));
    JsonOut.send(ctx, RefreshView.of(run));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  record Accepted(String id, String progress, RefreshView refresh) {}

  record Conflict(String error, String runningId) {}

  /** The bearer token, compared in constant time; the same answer for a wrong and a missing one. */
  private void authorize(Context ctx) {
    if (token == null) {
      throw new NotFoundResponse("the admin API is off: start the server with an admin token"
          + " (CUEPOINT_ADMIN_TOKEN or adminTokenFile in the config) to use it");
    }
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    // digests first, so that neither the content nor the length of the token shows in the timing
    if (!MessageDigest.isEqual(sha256(given), sha256(token))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new UnauthorizedResponse("a valid admin token is needed: send 'Authorization: Bearer <token>'");
    }
  }
}
