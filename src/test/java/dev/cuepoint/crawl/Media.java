package dev.cuepoint.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real recordings made at test time with Debian's sox and ffmpeg (nothing is downloaded or kept in
 * the repository). Without the tools a test is skipped with a message; under CI=true it fails.
 */
public final class Media {
  private Media() {}

  /** Skips (or under CI fails) unless {@code program} runs. */
  public static void require(String program) {
    boolean there;
    try {
      Process p = new ProcessBuilder(program, program.equals("sox") ? "--version" : "-version")
          .redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      there = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      there = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      there = false;
    }
    if (!there) {
      String why = program + " is not installed (apt-get install " + (program.equals("ffprobe") ? "ffmpeg" : program)
          + "): this test makes its recordings with it";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
    }
  }

  /** A mono 16 kHz WAV of a quiet tone, {@code seconds} long (sox). */
  public static Path wav(Path out, double seconds) throws IOException {
    require("sox");
    run(List.of("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", out.toString(), "synth",
        String.valueOf(seconds), "sine", "440", "vol", "0.1"));
    return out;
  }

  /** A small WebM video (VP8 picture, Vorbis tone) Chromium plays, {@code seconds} long (ffmpeg). */
  public static Path webm(Path out, int seconds) throws IOException {
    require("ffmpeg");
    run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=teal:s=160x90:r=10:d=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=16000:duration=" + seconds,
        "-c:v", "libvpx", "-b:v", "50k", "-g", "10", "-c:a", "libvorbis", "-shortest", out.toString()));
    return out;
  }

  /** The recording's length from ffprobe. */
  public static long durationMs(Path media) throws IOException {
    require("ffprobe");
    String out = run(List.of("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
        "default=noprint_wrappers=1:nokey=1", media.toString())).strip();
    return Math.round(Double.parseDouble(out) * 1000);
  }

  /** Runs a program; its output, or an exception with it. */
  public static String run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  /** Writes an executable shell script. */
  public static Path script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
    if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
    return file;
  }
}
