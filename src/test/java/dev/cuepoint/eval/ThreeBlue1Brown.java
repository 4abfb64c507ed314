package dev.cuepoint.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.index.CorpusSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 135 English 3Blue1Brown transcripts of the shared data, as a corpus (read at run time, never copied). */
final class ThreeBlue1Brown implements CorpusSnapshot {
  final Map<String, Video> videos = new LinkedHashMap<>();

  static ThreeBlue1Brown load(Path root) throws Exception {
    ThreeBlue1Brown c = new ThreeBlue1Brown();
    Captions captions = Captions.standard();
    for (JsonNode v : new ObjectMapper().readTree(root.resolve("manifest.json").toFile())) {
      Path srt = root.resolve(v.get("path").asText()).resolve("english").resolve("captions.srt");
      if (!Files.exists(srt)) {
        continue;
      }
      String id = v.get("videoId").asText();
      List<Cue> cues = captions.read(srt).cues();
      String title = v.path("title").asText("");
      c.videos.put(id, new Video(id, title.equals("None") ? "" : title, "", "3Blue1Brown", "", null, 0, "", "en",
          List.of(), List.of(), List.of(new Transcript("en", Transcript.Kind.MANUAL, "srt", cues))));
    }
    return c;
  }

  @Override
  public Map<String, String> fingerprints() {
    Map<String, String> f = new LinkedHashMap<>();
    videos.forEach((id, v) -> f.put(id, Integer.toHexString(v.hashCode())));
    return f;
  }

  @Override
  public Video load(String id) {
    return videos.get(id);
  }
}
