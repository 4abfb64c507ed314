package dev.cuepoint.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of speech recognition and the local player, read like every other setting ({@link
 * Config#speech}).
 *
 * @param mediaDir a folder of recordings the web app may play besides those in the data directory
 *     ({@code mediaDir}, {@code CUEPOINT_MEDIA_DIR}), or null
 * @param asrThreads cores a transcription may use at once ({@code asrThreads}, default 1), so that
 *     {@code serve} keeps answering while a refresh transcribes
 * @param asrCaptions whether the crawl's default caption sources end with {@code asr}: a video with no
 *     caption track has its audio fetched with yt-dlp and transcribed ({@code asrCaptions}, default off)
 */
record SpeechSettings(Path mediaDir, int asrThreads, boolean asrCaptions) {
  /** The folders {@code /media/{id}} serves recordings from: the data directory, then {@code mediaDir}. */
  List<Path> mediaFolders(Path dataDir) {
    List<Path> out = new ArrayList<>(List.of(dataDir));
    if (mediaDir != null) {
      out.add(mediaDir);
    }
    return List.copyOf(out);
  }
}
