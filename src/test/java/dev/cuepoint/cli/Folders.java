package dev.cuepoint.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes yt-dlp download folders for tests: an info.json and an English SRT per video. */
final class Folders {
  private Folders() {}

  /** One video whose captions say {@code sentences}, one cue each, 4 s apart. */
  static void video(Path folder, String id, String title, String... sentences) throws IOException {
    if (!dev.cuepoint.corpus.Video.ID.matcher(id).matches()) {
      // the importer would skip it, and a test meant to import it would quietly test nothing
      throw new IllegalArgumentException("not an 11-character YouTube id: " + id);
    }
    Files.createDirectories(folder);
    String base = title + " [" + id + "]";
    Files.writeString(folder.resolve(base + ".info.json"), """
        {"id": "%s", "title": "%s", "description": "", "channel": "Tests", "upload_date": "20240105",
         "duration": 600, "playlist_id": "PLtests", "playlist_title": "Tests", "playlist_index": 1}
        """.formatted(id, title));
    StringBuilder srt = new StringBuilder();
    for (int i = 0; i < sentences.length; i++) {
      srt.append(i + 1).append('\n')
          .append(stamp(i * 4000L)).append(" --> ").append(stamp(i * 4000L + 3500)).append('\n')
          .append(sentences[i]).append("\n\n");
    }
    Files.writeString(folder.resolve(base + ".en.srt"), srt.toString());
  }

  static String stamp(long ms) {
    return String.format("%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  static DataDir data(Path dir) {
    DataDir d = new DataDir();
    d.dir = dir;
    return d;
  }
}
