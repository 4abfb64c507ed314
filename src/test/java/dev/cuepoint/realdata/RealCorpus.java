package dev.cuepoint.realdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Videos made from the real 3Blue1Brown captions under {@code ../shared/data/3b1b}. */
final class RealCorpus {
  private RealCorpus() {}

  /** Every video with English captions: its SRT as one manual English transcript. */
  static Map<String, Video> english(Path root) throws Exception {
    Captions captions = Captions.standard();
    Map<String, Video> out = new LinkedHashMap<>();
    for (JsonNode v : manifest(root)) {
      Path srt = root.resolve(v.get("path").asText()).resolve("english").resolve("captions.srt");
      if (!Files.exists(srt)) {
        continue;
      }
      List<Cue> cues = captions.read(srt).cues();
      out.put(v.get("videoId").asText(), video(v, List.of(new Transcript("en", Transcript.Kind.MANUAL, "srt", cues))));
    }
    return out;
  }

  /** The videos with captions in several languages, every language (one track per language and kind). */
  static Map<String, Video> multilingual(Path root) throws Exception {
    Captions captions = Captions.standard();
    Map<String, Video> out = new LinkedHashMap<>();
    for (JsonNode v : manifest(root)) {
      if (!v.has("multilingualFiles") || v.get("multilingualFiles").size() < 2) {
        continue;
      }
      List<Transcript> transcripts = new ArrayList<>();
      for (JsonNode f : v.get("multilingualFiles")) {
        String rel = f.asText();
        String folder = rel.substring(0, rel.indexOf('/'));
        String name = rel.substring(rel.indexOf('/') + 1);
        String tag = MultilingualSearchTest.TAGS.get(folder);
        if (tag == null || name.contains("_old") || name.startsWith("taiwan")) {
          continue; // one track per language and kind, as the corpus holds them
        }
        Transcript.Kind kind = name.startsWith("auto") ? Transcript.Kind.AUTO : Transcript.Kind.MANUAL;
        if (transcripts.stream().anyMatch(t -> t.language().equals(tag) && t.kind() == kind)) {
          continue;
        }
        List<Cue> cues = captions.read(root.resolve(v.get("path").asText()).resolve(rel)).cues();
        transcripts.add(new Transcript(tag, kind, name, cues));
      }
      out.put(v.get("videoId").asText(), video(v, transcripts));
    }
    return out;
  }

  /**
   * A video with the manifest's title, published on a day of its year (from the id, so it is stable)
   * and in a playlist named by its topic: dates and playlists to filter and sort by.
   */
  private static Video video(JsonNode v, List<Transcript> transcripts) {
    String id = v.get("videoId").asText();
    int year = v.path("year").asInt(2020);
    var published = LocalDate.of(year, 1, 1).plusDays(Math.floorMod(id.hashCode(), 360))
        .atStartOfDay().toInstant(ZoneOffset.UTC);
    String topic = v.path("topic").asText("Other");
    List<PlaylistEntry> playlists = List.of(new PlaylistEntry("PL" + topic.replaceAll("[^A-Za-z0-9]", ""), topic, 1));
    return new Video(id, v.path("title").asText(""), "", "3Blue1Brown", "", published, 0, "", "en",
        List.of(), playlists, transcripts);
  }

  private static JsonNode manifest(Path root) throws Exception {
    return new ObjectMapper().readTree(root.resolve("manifest.json").toFile());
  }
}
