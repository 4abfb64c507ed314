package dev.cuepoint.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.CaptionFormat;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the yt-dlp folder that {@code shared/tools/make_ytdlp_corpus.py} builds from the real
 * 3Blue1Brown caption data: real titles (brackets, quotes, unicode), info.json files as yt-dlp shapes
 * them, chapters both in info.json and in descriptions.
 *
 * <p>The caption parsers live on another branch, so this test reads every caption file as one dummy
 * cue and checks only the metadata side: which videos were found, and what their info.json files
 * say. Expected values are read from the info.json files here, independently of the importer.
 */
class GeneratedCorpusImportTest {
  private static final Path SHARED = dev.cuepoint.realdata.RealData.ROOT.getParent();
  private static final Pattern DESCRIPTION_CHAPTER = Pattern.compile("(?m)^(\\d+):(\\d\\d) (.+)$");

  @TempDir Path tmp;

  @Test
  void every_generated_video_is_found_with_its_info_json_metadata() throws Exception {
    dev.cuepoint.realdata.RealData.present(Files.isDirectory(SHARED.resolve("data/3b1b")),
        "skipped: the shared 3b1b data is not at " + SHARED.toAbsolutePath().normalize());
    Path ytdlp = generate();
    List<String> readFiles = new ArrayList<>();
    CaptionReader oneDummyCue =
        file -> {
          readFiles.add(file.getFileName().toString());
          String ext = file.getFileName().toString().replaceAll(".*\\.", "");
          return new ParsedFile(
              CaptionFormat.fromExtension(ext).orElseThrow(), List.of(new Cue(0, 1000, "dummy")));
        };
    CorpusStore store = new CorpusStore(tmp.resolve("data"));

    ImportSummary s = new YtDlpImporter(store, oneDummyCue).importFolders(List.of(ytdlp));

    Map<String, JsonNode> infos = infoJsons(ytdlp);
    assertEquals(132, infos.size());
    assertEquals("imported 132 videos", s.line());
    assertEquals(132, readFiles.size());
    assertEquals(List.copyOf(infos.keySet()), store.ids());

    int withYtDlpChapters = 0;
    int withDescriptionChapters = 0;
    Map<Integer, String> playlistOrder = new TreeMap<>();
    for (JsonNode info : infos.values()) {
      String id = info.get("id").textValue();
      Video v = store.read(id).orElseThrow();
      assertEquals(info.get("title").textValue(), v.title(), id);
      assertEquals("3Blue1Brown", v.channel(), id);
      int index = info.get("playlist_index").intValue();
      playlistOrder.put(index, id);
      assertEquals(
          List.of(new PlaylistEntry(info.get("playlist_id").textValue(),
              info.get("playlist_title").textValue(), index)),
          v.playlists(), id);
      List<Chapter> expected = new ArrayList<>();
      if (info.get("chapters").isArray()) {
        withYtDlpChapters++;
        for (JsonNode c : info.get("chapters")) {
          expected.add(new Chapter(Math.round(c.get("start_time").doubleValue() * 1000),
              c.get("title").textValue()));
        }
      } else {
        Matcher m = DESCRIPTION_CHAPTER.matcher(info.get("description").textValue());
        while (m.find()) {
          expected.add(new Chapter(
              (Long.parseLong(m.group(1)) * 60 + Long.parseLong(m.group(2))) * 1000, m.group(3)));
        }
        withDescriptionChapters += expected.isEmpty() ? 0 : 1;
      }
      assertEquals(expected, v.chapters(), id);
      // The dummy cue has no word timings, so AUTO can only have come from automatic_captions.
      Transcript.Kind kind =
          info.has("subtitles") ? Transcript.Kind.MANUAL : Transcript.Kind.AUTO;
      assertEquals(1, v.transcripts().size(), id);
      assertEquals(kind, v.transcripts().get(0).kind(), id);
      assertEquals("en", v.transcripts().get(0).language(), id);
    }
    assertTrue(withYtDlpChapters > 20, "videos with yt-dlp chapters: " + withYtDlpChapters);
    assertTrue(withDescriptionChapters > 20,
        "videos with description chapters: " + withDescriptionChapters);
    Playlist playlist = store.readPlaylist("PLholdoutCuepoint").orElseThrow();
    assertEquals(List.copyOf(playlistOrder.values()), playlist.videoIds());
  }

  private Path generate() throws IOException, InterruptedException {
    Path out = tmp.resolve("ytdlp");
    ProcessBuilder pb =
        new ProcessBuilder(
                "python3",
                SHARED.resolve("tools/make_ytdlp_corpus.py").toString(),
                SHARED.resolve("data/3b1b").toString(),
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("generate.log").toFile());
    pb.environment().remove("PLAYLIST_ID"); // the expected playlist id below is the script's default
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return abort("skipped: python3 is needed to generate the corpus: " + e.getMessage());
    }
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "make_ytdlp_corpus.py did not finish in 5 minutes");
    assertEquals(0, p.exitValue(), () -> {
      try {
        return "make_ytdlp_corpus.py failed:\n" + Files.readString(tmp.resolve("generate.log"));
      } catch (IOException e) {
        return "make_ytdlp_corpus.py failed";
      }
    });
    return out;
  }

  private static Map<String, JsonNode> infoJsons(Path dir) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<String, JsonNode> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".info.json")).toList()) {
        JsonNode n = mapper.readTree(f.toFile());
        out.put(n.get("id").textValue(), n);
      }
    }
    return out;
  }
}
