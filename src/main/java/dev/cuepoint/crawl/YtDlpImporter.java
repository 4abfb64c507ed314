package dev.cuepoint.crawl;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cuepoint.captions.CaptionException;
import dev.cuepoint.corpus.CorpusException;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cuepoint import DIR…}: brings yt-dlp download folders ({@code Title [ID].info.json} next to
 * {@code Title [ID].<lang>.<ext>} subtitles) and folders of caption files named by video id ({@code
 * ID.<lang>.<ext>}) into the corpus.
 *
 * <p>Each video found becomes one corpus entry: metadata from its info.json (or, without one, what
 * the corpus already had), and a transcript per caption file, each replacing the stored track of the
 * same language and kind while tracks from other sources stay. An entry that would come out equal to
 * the stored one is not rewritten, so importing the same folder again changes nothing. A file that
 * cannot be read is logged and counted, and the import goes on; the other files of its video still
 * import.
 */
public final class YtDlpImporter {
  static final String NO_CAPTIONS = "no captions";
  static final String NOT_A_VIDEO = "not a video info.json";
  static final String NOT_YOUTUBE = "not a YouTube video id";
  static final String NO_ID = "no video id in file name";
  static final String NO_CUES = "no cues in caption file";
  static final String DUPLICATE = "second track of the same language and kind";

  private static final Logger LOG = LoggerFactory.getLogger(YtDlpImporter.class);

  private final CorpusStore store;
  private final CaptionReader reader;
  private final InfoJsonReader infoReader = new InfoJsonReader();
  private final int progressEvery;
  private final Duration progressInterval;
  private final LongSupplier nanoTime;

  /**
   * @param store where videos go
   * @param reader reads caption files (the CLI wires in the caption parsers)
   */
  public YtDlpImporter(CorpusStore store, CaptionReader reader) {
    this(store, reader, 100, Duration.ofSeconds(2), System::nanoTime);
  }

  YtDlpImporter(
      CorpusStore store,
      CaptionReader reader,
      int progressEvery,
      Duration progressInterval,
      LongSupplier nanoTime) {
    this.store = store;
    this.reader = reader;
    this.progressEvery = progressEvery;
    this.progressInterval = progressInterval;
    this.nanoTime = nanoTime;
  }

  /** {@link #importFolders(List, ImportProgress)} without progress reports. */
  public ImportSummary importFolders(List<Path> dirs) throws IOException {
    return importFolders(dirs, ImportProgress.NONE);
  }

  /**
   * Imports every video found in {@code dirs} and their subfolders.
   *
   * @throws java.nio.file.FileSystemException before importing anything, when a folder does not
   *     exist or is not a folder; the message names it
   * @throws IOException when the corpus cannot be written (the disk, not a file being imported)
   */
  public ImportSummary importFolders(List<Path> dirs, ImportProgress progress) throws IOException {
    Run run = new Run();
    FolderScan.Found found = FolderScan.scan(dirs);
    found.noId().forEach(f -> run.skip(f, NO_ID));
    Map<String, Sources> videos = group(found, run);
    ProgressThrottle throttle = new ProgressThrottle(progressEvery, progressInterval, nanoTime);
    PlaylistUpdates playlists = new PlaylistUpdates();
    int done = 0;
    for (Sources v : videos.values()) {
      importVideo(v, run, playlists);
      done++;
      if (throttle.due(done)) {
        progress.videosDone(done, videos.size());
      }
    }
    for (String id : playlists.write(store)) {
      LOG.info("updated playlist {}", id);
    }
    return new ImportSummary(run.added, run.changed, run.unchanged, run.skipped, run.failed);
  }

  /** The files of one video, gathered from every folder it was found in. */
  private record Sources(String id, List<InfoJson> infos, List<CaptionFile> captions, Path first) {}

  /** Counts of one import. */
  private static final class Run {
    int added;
    int changed;
    int unchanged;
    final List<ImportSummary.Item> skipped = new ArrayList<>();
    final List<ImportSummary.Item> failed = new ArrayList<>();

    void skip(Path file, String reason) {
      LOG.debug("skipped {}: {}", file, reason);
      skipped.add(new ImportSummary.Item(file, reason));
    }

    void fail(Path file, String reason) {
      ImportSummary.Item item = new ImportSummary.Item(file, reason);
      LOG.warn("{}", item.message());
      failed.add(item);
    }
  }

  /** Reads the info.json files and puts everything under its video id, in id order. */
  private Map<String, Sources> group(FolderScan.Found found, Run run) {
    Map<String, Sources> byId = new TreeMap<>();
    for (FolderScan.Group g : found.groups()) {
      String id = g.nameId();
      InfoJson info = null;
      if (g.infoJson() != null) {
        Optional<InfoJson> read = readInfo(g.infoJson(), run);
        if (read.isPresent()) {
          info = read.get();
          id = info.id();
        }
      }
      if (info == null && g.captions().isEmpty()) {
        continue; // an info.json already reported as broken or not a video, with nothing beside it
      }
      if (id == null) {
        g.captions().forEach(c -> run.skip(c.path(), NO_ID));
        continue;
      }
      Path first = g.infoJson() != null ? g.infoJson() : g.captions().get(0).path();
      Sources s = byId.computeIfAbsent(id, k -> new Sources(k, new ArrayList<>(), new ArrayList<>(), first));
      if (info != null) {
        s.infos().add(info);
      }
      s.captions().addAll(g.captions());
    }
    return byId;
  }

  /** The video an info.json describes; empty (and counted) when it describes none or is broken. */
  private Optional<InfoJson> readInfo(Path file, Run run) {
    InfoJson info;
    try {
      info = infoReader.read(file);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      run.fail(file, "malformed info.json" + at + ": " + e.getOriginalMessage());
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      run.fail(file, "cannot read info.json: " + e.getMessage());
      return Optional.empty();
    }
    if (!info.isVideo()) {
      run.skip(file, NOT_A_VIDEO);
      return Optional.empty();
    }
    if (!Video.ID.matcher(info.id()).matches()) {
      run.skip(file, NOT_YOUTUBE);
      return Optional.empty();
    }
    return Optional.of(info);
  }

  private void importVideo(Sources v, Run run, PlaylistUpdates playlists) throws IOException {
    v.infos().forEach(info -> playlists.add(v.id(), info));
    if (v.captions().isEmpty()) {
      run.skip(v.first(), NO_CAPTIONS);
      return;
    }
    List<Transcript> transcripts = transcripts(v, run);
    if (transcripts.isEmpty()) {
      return; // every caption file was reported as failed or skipped
    }
    Optional<Video> stored;
    try {
      stored = store.read(v.id());
    } catch (CorpusException e) {
      run.fail(e.file(), e.getMessage());
      return;
    }
    Video merged = VideoMerge.merge(v.id(), stored, v.infos(), transcripts);
    if (stored.isPresent() && stored.get().equals(merged)) {
      run.unchanged++;
      return;
    }
    store.write(merged);
    if (stored.isPresent()) {
      run.changed++;
    } else {
      run.added++;
    }
  }

  /** One transcript per readable caption file, at most one per (language, kind). */
  private List<Transcript> transcripts(Sources v, Run run) {
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
        run.fail(c.path(), e.getMessage());
        continue;
      }
      if (parsed.cues().isEmpty()) {
        run.skip(c.path(), NO_CUES);
        continue;
      }
      Transcript.Kind kind = TrackKinds.of(c.language(), manual, auto, parsed.cues());
      if (!seen.add(c.language() + "/" + kind)) {
        run.skip(c.path(), DUPLICATE);
        continue;
      }
      out.add(new Transcript(c.language(), kind, c.source(), parsed.cues()));
    }
    return out;
  }
}
