package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuepoint.bench.RealVideos.RealVideo;
import dev.cuepoint.captions.Cue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a corpus as a yt-dlp download folder ({@code Title [ID].info.json} beside {@code Title
 * [ID].en.srt}): the real videos as they are, or {@code n} videos recombined from their cues.
 *
 * <p>A recombined video takes the length (in cues) of a random real one and is filled with runs of 20
 * to 80 consecutive real cues from random real videos, retimed to follow each other; so vocabulary,
 * cue lengths and phrases stay those of real speech. Ids are new, 11 characters, derived from the
 * corpus size and the video number; the same size always gives the same corpus (fixed seed).
 *
 * <p>On its own, for a load test of your own ({@code cuepoint import DIR} then {@code serve}):
 * <pre>java -cp … dev.cuepoint.bench.CorpusMaker 2000 DIR [../shared/data/3b1b]</pre>
 */
final class CorpusMaker {
  private static final String ID_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final RealVideos real;
  private final ObjectMapper json = new ObjectMapper();

  CorpusMaker(RealVideos real) {
    this.real = real;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CorpusMaker VIDEOS DIR [REAL_3B1B_DIR]  (writes a yt-dlp folder of VIDEOS"
          + " videos recombined from the real ones; the real 135 when VIDEOS is 135)");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    RealVideos real = RealVideos.load(args.length > 2 ? Path.of(args[2]) : RealVideos.DEFAULT_ROOT);
    CorpusMaker maker = new CorpusMaker(real);
    Written w = n == real.videos().size() ? maker.writeReal(dir) : maker.writeRecombined(dir, n);
    System.out.printf("%s: %,d videos, %,d cues, %,d words, %.1f MB of captions%n", dir, w.videos(), w.cues(),
        w.words(), w.captionBytes() / 1e6);
  }

  /** What was written: the folder, its caption files, and counts for the report. */
  record Written(Path dir, List<Path> captionFiles, int videos, long cues, long words, long captionBytes,
      long textBytes) {}

  /** The real videos, their caption files copied as they are. */
  Written writeReal(Path dir) throws IOException {
    Files.createDirectories(dir);
    Stats stats = new Stats(dir);
    for (RealVideo v : real.videos()) {
      Path srt = dir.resolve(base(v.title(), v.id()) + ".en.srt");
      Files.copy(v.srt(), srt);
      writeInfo(dir, v.id(), v.title(), v.year(), v.cues());
      stats.add(srt, v.cues());
    }
    return stats.done();
  }

  /** {@code n} recombined videos. */
  Written writeRecombined(Path dir, int n) throws IOException {
    Files.createDirectories(dir);
    Random rnd = new Random(0xC0E_9017L * 31 + n);
    List<RealVideo> seeds = real.videos();
    Set<String> ids = new HashSet<>();
    Stats stats = new Stats(dir);
    for (int i = 0; i < n; i++) {
      String id = newId(rnd, ids);
      int length = seeds.get(rnd.nextInt(seeds.size())).cues().size();
      List<Cue> cues = new ArrayList<>(length + 80);
      RealVideo first = null;
      long clock = 0;
      while (cues.size() < length) {
        RealVideo src = seeds.get(rnd.nextInt(seeds.size()));
        first = first == null ? src : first;
        List<Cue> from = src.cues();
        int start = rnd.nextInt(from.size());
        int end = Math.min(from.size(), start + 20 + rnd.nextInt(61));
        long shift = clock - from.get(start).startMs();
        for (int k = start; k < end; k++) {
          Cue c = from.get(k);
          cues.add(new Cue(c.startMs() + shift, c.endMs() + shift, c.text()));
        }
        clock = cues.getLast().endMs() + 400;
      }
      String title = first.title() + " (remix " + (i + 1) + ")";
      Path srt = dir.resolve(base(title, id) + ".en.srt");
      writeSrt(srt, cues);
      writeInfo(dir, id, title, 2015 + rnd.nextInt(10), cues);
      stats.add(srt, cues);
    }
    return stats.done();
  }

  private static String newId(Random rnd, Set<String> taken) {
    while (true) {
      char[] c = new char[11];
      for (int k = 0; k < c.length; k++) {
        c[k] = ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length()));
      }
      String id = new String(c);
      if (taken.add(id)) {
        return id;
      }
    }
  }

  /** yt-dlp's default name, {@code Title [ID]}, with the characters file systems refuse replaced. */
  private static String base(String title, String id) {
    String safe = title.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    return safe + " [" + id + "]";
  }

  private void writeInfo(Path dir, String id, String title, int year, List<Cue> cues) throws IOException {
    ObjectNode info = json.createObjectNode();
    info.put("_type", "video");
    info.put("id", id);
    info.put("title", title);
    info.put("channel", "3Blue1Brown");
    info.put("duration", cues.getLast().endMs() / 1000);
    info.put("upload_date", year + "0601");
    json.writeValue(dir.resolve(base(title, id) + ".info.json").toFile(), info);
  }

  private static void writeSrt(Path file, List<Cue> cues) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      int n = 1;
      for (Cue c : cues) {
        w.write(Integer.toString(n++));
        w.write('\n');
        w.write(time(c.startMs()) + " --> " + time(c.endMs()));
        w.write('\n');
        w.write(c.text());
        w.write("\n\n");
      }
    }
  }

  private static String time(long ms) {
    return String.format("%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  /** Counts cues, words and bytes as files are written. */
  private static final class Stats {
    final Path dir;
    final List<Path> files = new ArrayList<>();
    long cues;
    long words;
    long captionBytes;
    long textBytes;

    Stats(Path dir) {
      this.dir = dir;
    }

    void add(Path srt, List<Cue> list) throws IOException {
      files.add(srt);
      captionBytes += Files.size(srt);
      for (Cue c : list) {
        cues++;
        textBytes += c.text().getBytes(StandardCharsets.UTF_8).length + 1; // joined by one space
        words += c.text().split(" ").length;
      }
    }

    Written done() {
      return new Written(dir, List.copyOf(files), files.size(), cues, words, captionBytes, textBytes);
    }
  }
}
