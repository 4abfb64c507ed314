package dev.cuepoint.web;

import io.javalin.http.Context;

/**
 * Headers on every response. The Content-Security-Policy lets the page run only its own scripts and
 * YouTube's player: a title or transcript that smuggles in markup could not run it even if it were
 * ever inserted as HTML.
 */
final class SecurityHeaders {
  static final String CSP = String.join("; ",
      "default-src 'self'",
      "script-src 'self' https://www.youtube.com",
      "frame-src https://www.youtube.com https://www.youtube-nocookie.com",
      "img-src 'self' https://i.ytimg.com data:",
      "media-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'");

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    // YouTube's embedded player refuses to play without knowing the embedding origin
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
  }
}
