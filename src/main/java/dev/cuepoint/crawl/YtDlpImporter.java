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
  static final String NOT_A_VIDEO = YtDlpFolder.NOT_A_VIDEO;
  static final String NOT_YOUTUBE = YtDlpFolder.NOT_YOUTUBE;
  static final String NO_ID = YtDlpFolder.NO_ID;
  static final String NO_CUES = YtDlpFolder.NO_CUES;
  static final String DUPLICATE = YtDlpFolder.DUPLICATE;

  private static final Logger LOG = LoggerFactory.getLogger(YtDlpImporter.class);

  private final CorpusStore store;
  private final CaptionReader reader;
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
    Map<String, YtDlpFolder.Sources> videos = YtDlpFolder.group(found, run);
    ProgressThrottle throttle = new ProgressThrottle(progressEvery, progressInterval, nanoTime);
    PlaylistUpdates playlists = new PlaylistUpdates();
    int done = 0;
    for (YtDlpFolder.Sources v : videos.values()) {
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

  /** Counts of one import. */
  private static final class Run implements YtDlpFolder.Report {
    int added;
    int changed;
    int unchanged;
    final List<ImportSummary.Item> skipped = new ArrayList<>();
    final List<ImportSummary.Item> failed = new ArrayList<>();

    @Override
    public void skip(Path file, String reason) {
      LOG.debug("skipped {}: {}", file, reason);
      skipped.add(new ImportSummary.Item(file, reason));
    }

    @Override
    public void fail(Path file, String reason) {
      ImportSummary.Item item = new ImportSummary.Item(file, reason);
      LOG.warn("{}", item.message());
      failed.add(item);
    }
  }

  private void importVideo(YtDlpFolder.Sources v, Run run, PlaylistUpdates playlists) throws IOException {
    v.infos().forEach(info -> playlists.add(v.id(), info));
    if (v.captions().isEmpty()) {
      run.skip(v.first(), NO_CAPTIONS);
      return;
    }
    List<Transcript> transcripts = YtDlpFolder.transcripts(v, reader, run);
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
}
