package dev.cuepoint.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code ffmpeg} and {@code ffprobe} as the way in for audio: any container and codec they
 * read becomes 16 kHz mono 16-bit PCM on a pipe, read as it is decoded.
 */
final class Ffmpeg {
  static final String MISSING = "ffmpeg is not installed (needed to read audio): apt-get install ffmpeg";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String ffmpeg;
  private final String ffprobe;

  /** The ffmpeg and ffprobe on the PATH. */
  Ffmpeg() {
    this("ffmpeg", "ffprobe");
  }

  Ffmpeg(String ffmpeg, String ffprobe) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
  }

  /** What ffprobe says about a file: its length, 0 when it does not say. */
  record Probe(long durationMs) {}

  /**
   * Checks that {@code media} is a file ffmpeg reads and that it has an audio stream.
   *
   * @throws IOException naming the file and what is wrong with it, or that ffmpeg is missing
   */
  Probe probe(Path media) throws IOException, InterruptedException {
    if (!Files.isRegularFile(media)) {
      throw new IOException(media + ": no such file");
    }
    Path err = Files.createTempFile("cuepoint-ffprobe", ".log");
    try {
      Process p = start(List.of(ffprobe, "-v", "error", "-show_entries", "format=duration:stream=codec_type",
          "-of", "json", media.toString()), err);
      byte[] out;
      try (InputStream in = p.getInputStream()) {
        out = in.readAllBytes();
      }
      int status = finish(p);
      if (status != 0) {
        throw new IOException(media + ": not a media file ffmpeg can read (" + lastLine(err) + ")");
      }
      JsonNode probe = JSON.readTree(out);
      boolean audio = false;
      for (JsonNode s : probe.path("streams")) {
        audio |= "audio".equals(s.path("codec_type").asText());
      }
      if (!audio) {
        throw new IOException(media + ": has no audio stream, nothing to transcribe");
      }
      double seconds = probe.path("format").path("duration").asDouble(0);
      return new Probe(Math.max(0, Math.round(seconds * 1000)));
    } finally {
      Files.deleteIfExists(err);
    }
  }

  /** Starts decoding the first audio stream of {@code media}; read the PCM from {@link Decoding#pcm()}. */
  Decoding decode(Path media) throws IOException {
    Path err = Files.createTempFile("cuepoint-ffmpeg", ".log");
    try {
      Process p = start(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-i", media.toString(),
          "-map", "0:a:0", "-vn", "-ac", "1", "-ar", "16000", "-f", "s16le", "-"), err);
      return new Decoding(media, p, err);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(err);
      throw e;
    }
  }

  /** A running ffmpeg; closing it stops ffmpeg when it still runs. */
  static final class Decoding implements AutoCloseable {
    private final Path media;
    private final Process process;
    private final Path err;

    private Decoding(Path media, Process process, Path err) {
      this.media = media;
      this.process = process;
      this.err = err;
    }

    /** 16 kHz mono signed 16-bit little-endian samples, as ffmpeg decodes them. */
    InputStream pcm() {
      return process.getInputStream();
    }

    /** After the PCM has been read to its end: fails naming the file when ffmpeg did not succeed. */
    void checkFinished() throws IOException, InterruptedException {
      int status = finish(process);
      if (status != 0) {
        throw new IOException(media + ": ffmpeg could not decode its audio (" + lastLine(err) + ")");
      }
    }

    @Override
    public void close() throws IOException {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      process.getInputStream().close();
      Files.deleteIfExists(err);
    }
  }

  private static Process start(List<String> command, Path err) throws IOException {
    try {
      // ffmpeg's messages go to a file: a pipe nobody reads could fill up and stall the decoder
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close(); // neither reads its input
      return p;
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Cannot run program")) {
        throw new IOException(MISSING.replace("ffmpeg is", command.getFirst() + " is"), e);
      }
      throw e;
    }
  }

  private static int finish(Process p) throws InterruptedException, IOException {
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(p.info().command().orElse("ffmpeg") + " did not finish after its output ended");
    }
    return p.exitValue();
  }

  private static String lastLine(Path err) throws IOException {
    String text;
    try (var in = Files.newByteChannel(err)) {
      long tail = 4096;
      in.position(Math.max(0, in.size() - tail)); // the last message says why ffmpeg stopped
      var bytes = java.nio.ByteBuffer.allocate((int) tail);
      while (in.read(bytes) > 0) {}
      text = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
    }
    if (text.isEmpty()) {
      return "no message";
    }
    String[] lines = text.split("\\R");
    return lines[lines.length - 1].strip();
  }
}
