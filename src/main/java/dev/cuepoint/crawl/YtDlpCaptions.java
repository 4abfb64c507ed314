package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caption source 3: runs {@code yt-dlp --skip-download --write-subs --write-auto-subs} for one video
 * into a temporary folder and reads that folder as {@code cuepoint import} would. For playlists the
 * user does not own. Whatever goes wrong (not installed, IP blocks, HTTP 429, "PO token", no files,
 * files of another video) is this video's outcome, never the crawl's end.
 */
final class YtDlpCaptions implements CaptionSource {
  private static final Logger LOG = LoggerFactory.getLogger(YtDlpCaptions.class);

  private final List<String> command;
  private final CaptionReader reader;
  private final Set<String> languages;
  private final Duration timeout;
  private Boolean installed;

  /**
   * @param command the program and any fixed arguments, e.g. {@code [yt-dlp]}
   * @param languages languages to ask for; empty: the video's own language, else English
   */
  YtDlpCaptions(List<String> command, CaptionReader reader, Set<String> languages, Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("yt-dlp command must not be empty");
    }
    this.command = List.copyOf(command);
    this.reader = reader;
    this.languages = Set.copyOf(languages);
    this.timeout = timeout;
  }

  @Override
  public CaptionSourceKind kind() {
    return CaptionSourceKind.YTDLP;
  }

  @Override
  public CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException {
    if (!installed()) {
      return CaptionOutcome.none(command.get(0) + " is not installed");
    }
    Path dir = Files.createTempDirectory("cuepoint-yt-dlp-");
    try {
      Optional<String> error = run(video, dir);
      if (error.isPresent()) {
        return CaptionOutcome.failed("yt-dlp: " + error.get());
      }
      Map<String, YtDlpFolder.Sources> found =
          YtDlpFolder.group(FolderScan.scan(List.of(dir)), YtDlpFolderCaptions.Problems.IGNORE);
      YtDlpFolder.Sources files = found.get(video.id());
      if (files == null || files.captions().isEmpty()) {
        return found.keySet().stream().anyMatch(k -> !k.equals(video.id()))
            ? CaptionOutcome.failed("yt-dlp wrote files of another video " + found.keySet())
            : CaptionOutcome.none("yt-dlp found no captions");
      }
      return YtDlpFolderCaptions.read(files, reader, languages);
    } finally {
      deleteTree(dir);
    }
  }

  /** Runs yt-dlp; the reason it failed, if it did. */
  private Optional<String> run(VideoMeta video, Path dir) throws IOException {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(
        List.of(
            "--skip-download", "--write-subs", "--write-auto-subs", "--write-info-json",
            "--no-playlist", "--no-progress", "--sub-langs", subLangs(video),
            "--sub-format", "vtt/srt/best", "-P", dir.toString(),
            "-o", "%(title)s [%(id)s].%(ext)s",
            "https://www.youtube.com/watch?v=" + video.id()));
    Path log = dir.resolve(".yt-dlp.log"); // hidden: the folder scan skips it
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return Optional.of("no answer within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while running yt-dlp");
    }
    if (p.exitValue() == 0) {
      return Optional.empty();
    }
    return Optional.of(reason(Files.readString(log, StandardCharsets.UTF_8), p.exitValue()));
  }

  /** The line of yt-dlp's output that says why, with advice for the failures we know. */
  static String reason(String output, int exit) {
    String error =
        output.lines().filter(l -> l.startsWith("ERROR")).reduce((a, b) -> b)
            .orElse(output.lines().reduce((a, b) -> b).orElse("exit status " + exit));
    String lower = error.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("429") || lower.contains("too many requests")) {
      return error + " (YouTube is rate-limiting this address: try later)";
    }
    if (lower.contains("po token") || lower.contains("sign in to confirm")) {
      return error + " (YouTube wants proof this is not a bot: see yt-dlp's PO token guide)";
    }
    return error;
  }

  private String subLangs(VideoMeta video) {
    if (!languages.isEmpty()) {
      return String.join(",", languages.stream().sorted().toList());
    }
    return video.defaultLanguage().isEmpty() ? "en" : video.defaultLanguage();
  }

  private boolean installed() {
    if (installed == null) {
      try {
        Process p = new ProcessBuilder(command.get(0), "--version").redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        installed = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        installed = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        installed = false;
      }
      if (!installed) {
        LOG.warn("{} is not installed or does not run: the ytdlp caption source is skipped", command.get(0));
      }
    }
    return installed;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      LOG.warn("could not delete temporary folder {}: {}", dir, e.toString());
    }
  }
}
