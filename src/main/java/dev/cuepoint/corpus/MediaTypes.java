package dev.cuepoint.corpus;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The recordings Cuepoint knows by their extension: which files {@code cuepoint import} transcribes
 * and the page plays, and the content type they are served with.
 */
public final class MediaTypes {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("mp4", "video/mp4"),
      Map.entry("m4v", "video/mp4"),
      Map.entry("mkv", "video/x-matroska"),
      Map.entry("webm", "video/webm"),
      Map.entry("mov", "video/quicktime"),
      Map.entry("avi", "video/x-msvideo"),
      Map.entry("mpg", "video/mpeg"),
      Map.entry("mpeg", "video/mpeg"),
      Map.entry("ts", "video/mp2t"),
      Map.entry("3gp", "video/3gpp"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("opus", "audio/ogg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("oga", "audio/ogg"),
      Map.entry("wav", "audio/wav"),
      Map.entry("flac", "audio/flac"));

  private MediaTypes() {}

  /** The content type of a recording named so ({@code talk.m4a}: {@code audio/mp4}), if it is one. */
  public static Optional<String> of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(TYPES.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** Whether a file of this name is a recording Cuepoint can transcribe and play. */
  public static boolean isMedia(String fileName) {
    return of(fileName).isPresent();
  }
}
