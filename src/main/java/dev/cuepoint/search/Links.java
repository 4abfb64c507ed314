package dev.cuepoint.search;

/** Links that start playback at a moment: into YouTube, or Cuepoint's own page for a local recording. */
public final class Links {
  private Links() {}

  /**
   * {@code https://www.youtube.com/watch?v=ID&t=123s}. YouTube takes whole seconds: the time is
   * rounded down, so playback starts at or just before the word, never after it.
   */
  public static String watch(String videoId, long ms) {
    return "https://www.youtube.com/watch?v=" + videoId + "&t=" + Math.max(0, ms / 1000) + "s";
  }

  /** {@code /watch/ID?t=123}: Cuepoint's watch page, for a recording that is on no YouTube page. */
  public static String local(String videoId, long ms) {
    return "/watch/" + videoId + "?t=" + Math.max(0, ms / 1000);
  }
}
