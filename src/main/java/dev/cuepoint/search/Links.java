package dev.cuepoint.search;

/** Links into YouTube that start playback at a moment. */
public final class Links {
  private Links() {}

  /**
   * {@code https://www.youtube.com/watch?v=ID&t=123s}. YouTube takes whole seconds: the time is
   * rounded down, so playback starts at or just before the word, never after it.
   */
  public static String watch(String videoId, long ms) {
    return "https://www.youtube.com/watch?v=" + videoId + "&t=" + Math.max(0, ms / 1000) + "s";
  }
}
