package dev.cuepoint.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What scanned yt-dlp folders hold per video, and how its caption files become transcripts. Shared
 * by {@code cuepoint import} and the crawler's yt-dlp caption sources, so both build the same
 * records from the same files.
 */
final class YtDlpFolder {
  static final String NOT_A_VIDEO = "not a video info.json";
  static final String NOT_YOUTUBE = "not a YouTube video id";
  static final String NO_ID = "no video id in file name";
  static final String NO_CUES = "no cues in caption file";
  static final String DUPLICATE = "second track of the same language and kind";

  /** Where skipped and failed files are told. */
  interface Report {
    void skip(Path file, String reason);

    void fail(Path file, String reason);
  }

  /** The files of one video, gathered from every folder it was found in (recordings: {@code media}). */
  record Sources(String id, List<InfoJson> infos, List<CaptionFile> captions, Path first, List<Path> media) {
    Sources(String id, List<InfoJson> infos, List<CaptionFile> captions, Path first) {
      this(id, infos, captions, first, new ArrayList<>());
    }
  }

  private YtDlpFolder() {}

  /** Reads the info.json files and puts everything under its video id, in id order. */
  static Map<String, Sources> group(FolderScan.Found found, Report report) {
    InfoJsonReader infoReader = new InfoJsonReader();
    found.noId().forEach(f -> report.skip(f, NO_ID));
    Map<String, Sources> byId = new TreeMap<>();
    for (FolderScan.Group g : found.groups()) {
      String id = g.nameId();
      InfoJson info = null;
      if (g.infoJson() != null) {
        Optional<InfoJson> read = readInfo(infoReader, g.infoJson(), report);
        if (read.isPresent()) {
          info = read.get();
          id = info.id();
        }
      }
      if (info == null && g.captions().isEmpty() && g.media().isEmpty()) {
        continue; // an info.json already reported as broken or not a video, with nothing beside it
      }
      if (id == null) {
        g.captions().forEach(c -> report.skip(c.path(), NO_ID));
        g.media().forEach(m -> report.skip(m, NO_ID));
        continue;
      }
      Path first = g.infoJson() != null ? g.infoJson()
          : !g.captions().isEmpty() ? g.captions().get(0).path() : g.media().get(0);
      Sources s =
          byId.computeIfAbsent(id, k -> new Sources(k, new ArrayList<>(), new ArrayList<>(), first));
      if (info != null) {
        s.infos().add(info);
      }
      s.captions().addAll(g.captions());
      s.media().addAll(g.media());
    }
    return byId;
  }

  /** The video an info.json describes; empty (and reported) when it describes none or is broken. */
  private static Optional<InfoJson> readInfo(InfoJsonReader infoReader, Path file, Report report) {
    InfoJson info;
    try {
      info = infoReader.read(file);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      report.fail(file, "malformed info.json" + at + ": " + e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      report.fail(file, "cannot read info.json: " + e.getMessage());
      return Optional.empty();
    }
    if (!info.isVideo()) {
      report.skip(file, NOT_A_VIDEO);
      return Optional.empty();
    }
    if (!Video.ID.matcher(info.id()).matches()) {
      report.skip(file, NOT_YOUTUBE);
      return Optional.empty();
    }
    return Optional.of(info);
  }

  /** One transcript per readable caption file, at most one per (language, kind). */
  static List<Transcript> transcripts(Sources v, CaptionReader reader, Report report) {
    Set<String> manual = new HashSet<>();
    Set<String> auto = new HashSet<>();
    v.infos().forEach(i -> manual.addAll(i.manualLanguages()));
    v.infos().forEach(i -> auto.addAll(i.autoLanguages()));
    List<Transcript> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CaptionFile c : v.captions()) {
      ParsedFile parsed;
      try {
        parsed = reader.read(c.path());
      } catch (CaptionException | IOException | UncheckedIOException | IllegalArgumentException e) {
        // IllegalArgumentException: a record refused a value the parser produced; still one file
        report.fail(c.path(), e.getMessage());
        continue;
      }
      if (parsed.cues().isEmpty()) {
        report.skip(c.path(), NO_CUES);
        continue;
      }
      Transcript.Kind kind = TrackKinds.of(c.language(), manual, auto, parsed.cues());
      if (!seen.add(c.language() + "/" + kind)) {
        report.skip(c.path(), DUPLICATE);
        continue;
      }
      out.add(new Transcript(c.language(), kind, c.source(), parsed.cues()));
    }
    return out;
  }
}
