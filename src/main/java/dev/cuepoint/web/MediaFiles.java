package dev.cuepoint.web;

import dev.cuepoint.corpus.MediaTypes;
import dev.cuepoint.corpus.Video;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /media/{id}}: a video's local recording, for the page's own player, with HTTP byte
 * ranges so the player can seek. Only files inside the folders given (the data directory and the
 * configured media folder) are served, whatever path the corpus names: the path is resolved with its
 * symbolic links first, so neither {@code ..} nor a link leads outside.
 */
final class MediaFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MediaFiles.class);

  /** {@code bytes=FROM-TO}, {@code bytes=FROM-} or {@code bytes=-LAST}: one range, the kind players ask. */
  private static final Pattern ONE_RANGE = Pattern.compile("bytes=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

  private final VideoSource videos;
  private final List<Path> folders;

  /** @param folders where recordings may be served from; ones that do not exist are left out */
  MediaFiles(VideoSource videos, List<Path> folders) {
    this.videos = videos;
    List<Path> real = new ArrayList<>();
    for (Path f : folders) {
      try {
        real.add(f.toRealPath());
      } catch (IOException e) {
        LOG.debug("media folder {} is left out: {}", f, e.toString());
      }
    }
    this.folders = List.copyOf(real);
  }

  /** Where the page finds a video's recording. */
  static String path(String videoId) {
    return "/media/" + videoId;
  }

  /**
   * What {@code GET /api/videos/{id}/media} answers: where the page plays the video's recording and its
   * type, both null when the server has none to play.
   */
  record Playable(String videoId, String media, String type) {}

  /**
   * {@code GET /api/videos/{id}/media}: whether the page can play the video here. A 200 either way (a
   * 404 only for an unknown video), so asking about a YouTube video is not an error in the browser.
   */
  void describe(Context ctx) throws IOException {
    Video v = video(ctx.pathParam("id"));
    Optional<Path> file = v.hasMedia() ? servable(v.media()) : Optional.empty();
    JsonOut.send(ctx, new Playable(v.id(), file.map(f -> path(v.id())).orElse(null),
        file.map(f -> MediaTypes.of(f.getFileName().toString()).orElse("application/octet-stream")).orElse(null)));
  }

  private Video video(String id) throws IOException {
    return (Video.ID.matcher(id).matches() ? videos.video(id) : Optional.<Video>empty())
        .orElseThrow(() -> new NotFoundResponse("no video with id '" + id + "'"));
  }

  void serve(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    Video v = video(id);
    if (!v.hasMedia()) {
      throw new NotFoundResponse("video " + id + " has no local recording");
    }
    Path file = servable(v.media()).orElseThrow(() -> new NotFoundResponse("the recording of video " + id
        + " is missing, or not inside the data directory or the media folder (mediaDir) this server serves"));
    long size = Files.size(file);
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(MediaTypes.of(file.getFileName().toString()).orElse("application/octet-stream"));
    long from = 0;
    long to = size - 1;
    String range = ctx.header("Range");
    Matcher m = range == null ? null : ONE_RANGE.matcher(range);
    if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
      long[] r = range(m.group(1), m.group(2), size);
      if (r == null) {
        ctx.status(416).header("Content-Range", "bytes */" + size);
        ctx.res().setContentLengthLong(0);
        return;
      }
      from = r[0];
      to = r[1];
      ctx.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    // anything else (no range, several ranges, a malformed one) gets the whole file, as HTTP allows
    long length = Math.max(0, to - from + 1);
    ctx.res().setContentLengthLong(length);
    if (ctx.method() == HandlerType.HEAD) {
      return;
    }
    send(file, from, length, ctx.res().getOutputStream());
  }

  /** The range {@code [from, to]} asked for, clamped to the file; null when it cannot be satisfied. */
  static long[] range(String first, String last, long size) {
    try {
      if (first.isEmpty()) {
        long suffix = Long.parseLong(last); // the last N bytes
        return suffix == 0 || size == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
      }
      long from = Long.parseLong(first);
      long to = last.isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(last));
      return from >= size || to < from ? null : new long[] {from, to};
    } catch (NumberFormatException e) {
      return null; // more digits than a long holds: no file has such a byte
    }
  }

  /** The file, when it exists inside one of the folders served. */
  private Optional<Path> servable(String media) {
    Path p = Path.of(media);
    for (Path folder : folders) {
      Path candidate = p.isAbsolute() ? p : folder.resolve(p);
      try {
        Path real = candidate.toRealPath();
        if (real.startsWith(folder) && Files.isRegularFile(real)) {
          return Optional.of(real);
        }
      } catch (IOException e) {
        LOG.debug("{} is not served from {}: {}", media, folder, e.toString());
      }
    }
    return Optional.empty();
  }

  private static void send(Path file, long from, long length, OutputStream out) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      WritableByteChannel to = Channels.newChannel(out);
      long done = 0;
      while (done < length) {
        long n = in.transferTo(from + done, length - done, to);
        if (n <= 0) {
          break; // the file shrank while being sent
        }
        done += n;
      }
      out.flush();
    } catch (org.eclipse.jetty.io.EofException e) {
      // the player let go mid-file (it seeks by asking another range): not an error
      LOG.debug("client stopped reading {}: {}", file, e.toString());
    }
  }
}
