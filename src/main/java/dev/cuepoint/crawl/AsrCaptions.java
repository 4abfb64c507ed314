package dev.cuepoint.crawl;

import dev.cuepoint.asr.SpeechToText;
import dev.cuepoint.asr.Transcription;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caption source {@code asr}, the last resort: for a video no earlier source had captions for, fetches
 * its audio with {@code yt-dlp -f bestaudio} into a temporary folder, transcribes it with Cuepoint's
 * recogniser (kind {@code asr-local}) and deletes the audio. Skipped, with the reason, when yt-dlp is
 * not installed. A video whose stored transcript Cuepoint made is not transcribed again, and one with
 * real captions in the corpus never gets a machine transcript.
 */
final class AsrCaptions implements CaptionSource {
  private static final Logger LOG = LoggerFactory.getLogger(AsrCaptions.class);

  static final String SOURCE = "cuepoint-asr:youtube-audio";

  private final List<String> command;
  private final String searchPath;
  private final Transcriber speech;
  private final Duration timeout;

  /**
   * @param command yt-dlp and any fixed arguments, e.g. {@code [yt-dlp]}
   * @param searchPath where a program named without a folder is looked for (the {@code PATH})
   * @param timeout how long yt-dlp may take to fetch one video's audio
   */
  AsrCaptions(List<String> command, String searchPath, Transcriber speech, Duration timeout) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("yt-dlp command must not be empty");
    }
    this.command = List.copyOf(command);
    this.searchPath = searchPath == null ? "" : searchPath;
    this.speech = speech;
    this.timeout = timeout;
  }

  @Override
  public CaptionSourceKind kind() {
    return CaptionSourceKind.ASR;
  }

  @Override
  public CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException {
    List<Transcript> have = stored.map(Video::transcripts).orElse(List.of());
    if (have.stream().anyMatch(t -> t.kind().isCaptions())) {
      return CaptionOutcome.none("not transcribed: the video has captions in the corpus");
    }
    if (have.stream().anyMatch(t -> t.kind() == Transcript.Kind.ASR_LOCAL)) {
      return CaptionOutcome.unchanged(); // transcribed by an earlier crawl
    }
    Optional<Path> program = Programs.find(command.get(0), searchPath);
    if (program.isEmpty()) {
      return CaptionOutcome.none(command.get(0) + " is not installed");
    }
    Path dir = Files.createTempDirectory("cuepoint-asr-");
    try {
      Optional<String> error = download(program.get(), video.id(), dir);
      if (error.isPresent()) {
        return CaptionOutcome.failed("yt-dlp: " + error.get());
      }
      Optional<Path> audio = audioIn(dir);
      if (audio.isEmpty()) {
        return CaptionOutcome.failed("yt-dlp wrote no audio file");
      }
      Transcription heard;
      try {
        heard = speech.transcribe(audio.get(), SpeechToText.Progress.NONE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while transcribing " + video.id());
      } catch (IOException e) {
        return CaptionOutcome.failed(e.getMessage());
      }
      // kept even when no speech was heard, so that the video is not fetched and transcribed again
      Transcript t = new Transcript(heard.language(), Transcript.Kind.ASR_LOCAL, SOURCE, heard.cues());
      return CaptionOutcome.fetched(List.of(t), heard.cues().isEmpty() ? "no speech heard" : "");
    } finally {
      deleteTree(dir);
    }
  }

  /** Runs {@code yt-dlp -f bestaudio}; the reason it failed, if it did. */
  private Optional<String> download(Path program, String id, Path dir) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(program.toString());
    cmd.addAll(command.subList(1, command.size()));
    cmd.addAll(List.of("-f", "bestaudio", "--no-playlist", "--no-progress",
        "-o", dir.resolve("audio.%(ext)s").toString(), "https://www.youtube.com/watch?v=" + id));
    Path log = Files.createTempFile("cuepoint-yt-dlp-", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          return Optional.of("no audio within " + timeout.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while running yt-dlp");
      }
      return p.exitValue() == 0 ? Optional.empty()
          : Optional.of(YtDlpCaptions.reason(Files.readString(log, StandardCharsets.UTF_8), p.exitValue()));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Optional<Path> audioIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(f -> !f.getFileName().toString().endsWith(".part"))
          .findFirst();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      LOG.warn("could not delete the temporary audio folder {}: {}", dir, e.toString());
    }
  }
}
