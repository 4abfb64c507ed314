package dev.cuepoint.crawl;

import java.io.IOException;

/**
 * youtube.com refused this address ("Sign in to confirm you're not a bot", the reCAPTCHA page, HTTP
 * 429). The crawl stops asking at once: more requests only lengthen the block. The message says
 * what the user can do.
 */
final class YouTubeBlockedException extends IOException {
  YouTubeBlockedException(String what) {
    super("YouTube blocked caption requests from this address (" + what + "): crawl stopped, what was"
        + " fetched is kept; wait a few hours and run 'cuepoint crawl' again to continue, or use --proxy,"
        + " 'cuepoint auth' if you own the videos, or a yt-dlp folder (--ytdlp-folder)");
  }
}
