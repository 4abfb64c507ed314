package dev.cuepoint.crawl;

import dev.cuepoint.captions.CaptionFormat;
import java.nio.file.Path;

/**
 * A caption file found in an import folder, with what its name says.
 *
 * @param path the file
 * @param language the language from its name ({@code en}, {@code pt-BR}), {@code und} when none
 * @param format the format its extension names
 * @param besideInfoJson whether it was matched to a yt-dlp {@code .info.json} by name
 */
record CaptionFile(Path path, String language, CaptionFormat format, boolean besideInfoJson) {
  /** How a transcript names where it came from: the file name, not the folder it was in. */
  String source() {
    return (besideInfoJson ? "yt-dlp:" : "file:") + path.getFileName();
  }
}
