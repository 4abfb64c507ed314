package dev.cuepoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real English transcripts of {@code ../shared/data/3b1b}, parsed once: the seed of every corpus. */
record RealVideos(Path root, List<RealVideo> videos) {
  /** One real video: its id, title, year, caption file and cues. */
  record RealVideo(String id, String title, int year, Path srt, List<Cue> cues) {}

  static final Path DEFAULT_ROOT = dev.cuepoint.realdata.RealData.ROOT.resolve("3b1b");

  /** Reads the manifest and parses every {@code english/captions.srt} it lists. */
  static RealVideos load(Path root) throws IOException, CaptionException {
    Path manifest = root.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IOException(manifest.toAbsolutePath().normalize()
          + " not found: the benchmark needs the real 3Blue1Brown captions in ../shared/data/3b1b"
          + " (or pass --data3b1b DIR)");
    }
    JsonNode entries = new ObjectMapper().readTree(manifest.toFile());
    Captions captions = Captions.standard();
    List<RealVideo> out = new ArrayList<>();
    for (JsonNode e : entries) {
      Path srt = root.resolve(e.get("path").asText()).resolve("english/captions.srt");
      if (!Files.isRegularFile(srt)) {
        continue;
      }
      List<Cue> cues = captions.read(srt).cues();
      if (cues.isEmpty()) {
        continue;
      }
      String title = e.path("title").isTextual() ? e.get("title").asText() : e.get("slug").asText();
      out.add(new RealVideo(e.get("videoId").asText(), title, e.path("year").asInt(2020), srt, cues));
    }
    return new RealVideos(root, List.copyOf(out));
  }
}
