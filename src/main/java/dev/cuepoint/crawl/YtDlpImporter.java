package dev.cuepoint.crawl;

import dev.cuepoint.corpus.AtomicFiles;
import dev.cuepoint.corpus.CorpusException;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *
 * <p>A recording ({@code .mp4}, {@code .m4a}, … see {@link dev.cuepoint.corpus.MediaTypes}) is
 * recorded as the video's local media, and when no caption file of its video is there, transcribed
 * with Cuepoint's own speech recognition (kind {@code asr-local}). A transcribed video is written to
 * the corpus as soon as its transcription is complete, and a video the corpus already holds a
 * transcript of is not transcribed again: an import that was stopped continues where it stopped.
 */
public final class YtDlpImporter {
  static final String NO_CAPTIONS = "no captions";
  static final String NOT_A_VIDEO = YtDlpFolder.NOT_A_VIDEO;
  static final String NOT_YOUTUBE = YtDlpFolder.NOT_YOUTUBE;
  static final String NO_ID = YtDlpFolder.NO_ID;
  static final String NO_CUES = YtDlpFolder.NO_CUES;
  static final String DUPLICATE = YtDlpFolder.DUPLICATE;
  static final String NO_SPEECH = "no speech heard";
  /** How a transcript names its origin: {@code cuepoint-asr:Lecture 3.m4a}. */
  static final String ASR_SOURCE = "cuepoint-asr:";

  private static final Logger LOG = LoggerFactory.getLogger(YtDlpImporter.class);

  private final CorpusStore store;
  private final CaptionReader reader;
  private final int progressEvery;
  private final Duration progressInterval;
  private final LongSupplier nanoTime;
  private final Transcriber transcriber;
  private volatile ImportProgress progress = ImportProgress.NONE;

  /**
   * An importer that transcribes no recording (each one without captions is a failure saying so).
   *
   * @param store where videos go
   * @param reader reads caption files (the CLI wires in the caption parsers)
   */
  public YtDlpImporter(CorpusStore store, CaptionReader reader) {
    this(store, reader, Transcriber.off("speech recognition is off for this import"));
  }

  /** @param transcriber transcribes recordings that have no caption file; the caller closes it */
  public YtDlpImporter(CorpusStore store, CaptionReader reader, Transcriber transcriber) {
    this(store, reader, 100, Duration.ofSeconds(2), System::nanoTime, transcriber);
  }

  YtDlpImporter(
      CorpusStore store,
      CaptionReader reader,
      int progressEvery,
      Duration progressInterval,
      LongSupplier nanoTime) {
    this(store, reader, progressEvery, progressInterval, nanoTime,
        Transcriber.off("speech recognition is off for this import"));
  }

  YtDlpImporter(
      CorpusStore store,
      CaptionReader reader,
      int progressEvery,
      Duration progressInterval,
      LongSupplier nanoTime,
      Transcriber transcriber) {
    this.transcriber = transcriber;
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
   * <p>Caption files are parsed on as many threads as there are cores (up to {@link #MAX_THREADS}),
   * and each video's new corpus file is written and flushed there too; the main thread then puts the
   * files in place in video id order, {@link #BATCH} at a time with one flush of the corpus folder
   * ({@link CorpusStore#publish}). Counts, skips and failures are reported in id order, as if one
   * thread had done it all.
   *
   * @throws java.nio.file.FileSystemException before importing anything, when a folder does not
   *     exist or is not a folder; the message names it
   * @throws IOException when the corpus cannot be written (the disk, not a file being imported)
   */
  public ImportSummary importFolders(List<Path> dirs, ImportProgress progress) throws IOException {
    Run run = new Run();
    this.progress = progress;
    FolderScan.Found found = FolderScan.scan(dirs);
    Map<String, YtDlpFolder.Sources> videos = YtDlpFolder.group(found, run);
    ProgressThrottle throttle = new ProgressThrottle(progressEvery, progressInterval, nanoTime);
    PlaylistUpdates playlists = new PlaylistUpdates();
    int threads = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "cuepoint-import");
      t.setDaemon(true);
      return t;
    });
    // a few videos ahead of the one being finished, not the whole folder in memory
    Deque<Future<Prepared>> ahead = new ArrayDeque<>();
    List<AtomicFiles.Staged> batch = new ArrayList<>();
    try {
      for (YtDlpFolder.Sources v : videos.values()) {
        v.infos().forEach(info -> playlists.add(v.id(), info));
        ahead.add(pool.submit(() -> prepare(v)));
        if (ahead.size() > threads * 4) {
          finishOldest(ahead, run, batch, throttle, progress, videos.size());
        }
      }
      while (!ahead.isEmpty()) {
        finishOldest(ahead, run, batch, throttle, progress, videos.size());
      }
      store.publish(batch);
      batch.clear();
    } catch (IOException | RuntimeException e) {
      pool.shutdownNow();
      // the files of videos still in flight, and of those not yet published, are left out; a video
      // whose work never started is never done, so only finished ones are asked (asking the others
      // hung the import forever when the disk filled up)
      awaitWorkers(pool, e);
      for (Future<Prepared> f : ahead) {
        if (!f.isDone()) {
          continue;
        }
        try {
          Prepared p = f.get();
          if (p.staged() != null) {
            batch.add(p.staged());
          }
        } catch (ExecutionException | InterruptedException | CancellationException notStaged) {
          // that video staged nothing
        }
      }
      AtomicFiles.discard(batch, e);
      throw e;
    } finally {
      pool.shutdownNow();
    }
    for (String id : playlists.write(store)) {
      LOG.info("updated playlist {}", id);
    }
    return new ImportSummary(run.added, run.changed, run.unchanged, run.skipped, run.failed);
  }

  /** Waits for the workers that were running to end (they stop at their next write, interrupted). */
  private static void awaitWorkers(ExecutorService pool, Exception reason) {
    try {
      if (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
        reason.addSuppressed(new IOException("import workers still running after a minute"));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Threads parsing captions at most; the disk is the limit beyond. */
  static final int MAX_THREADS = 4;

  /** Videos put in place with one flush of the corpus folder. */
  static final int BATCH = 256;

  /** The oldest video in flight, once ready; a worker's failure is thrown here, as it was thrown. */
  private static Prepared next(Deque<Future<Prepared>> ahead) throws IOException {
    Future<Prepared> f = ahead.removeFirst();
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while importing");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException re -> throw re;
        case Error err -> throw err;
        default -> throw new IOException(e.getCause());
      }
    }
  }

  /** Counts of one import. */
  private static final class Run implements YtDlpFolder.Report {
    int done;
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

  /** A skipped or failed file of one video, told when the video's turn comes. */
  private record Event(boolean failed, Path file, String reason) {}

  /** Collects a video's events on a worker thread. */
  private static final class Told implements YtDlpFolder.Report {
    final List<Event> events = new ArrayList<>();

    @Override
    public void skip(Path file, String reason) {
      events.add(new Event(false, file, reason));
    }

    @Override
    public void fail(Path file, String reason) {
      events.add(new Event(true, file, reason));
    }
  }

  private enum Outcome { NONE, ADDED, CHANGED, UNCHANGED }

  /** One video made ready on a worker: what to report, what it came to, and its staged file, if any. */
  private record Prepared(List<Event> events, Outcome outcome, AtomicFiles.Staged staged) {}

  /** Parses a video's captions and merges them with the stored entry (a worker's part). */
  private Prepared prepare(YtDlpFolder.Sources v) throws IOException {
    Told told = new Told();
    if (v.captions().isEmpty() && !v.media().isEmpty()) {
      return transcribe(v, told);
    }
    if (v.captions().isEmpty()) {
      told.skip(v.first(), NO_CAPTIONS);
      return new Prepared(told.events, Outcome.NONE, null);
    }
    List<Transcript> transcripts = YtDlpFolder.transcripts(v, reader, told);
    if (transcripts.isEmpty()) {
      return new Prepared(told.events, Outcome.NONE, null); // every caption file was reported
    }
    Optional<Video> stored = stored(v, told);
    if (stored == null) {
      return new Prepared(told.events, Outcome.NONE, null); // reported
    }
    Video merged = VideoMerge.merge(v.id(), stored, v.infos(), transcripts, media(v));
    if (stored.isPresent() && stored.get().equals(merged)) {
      return new Prepared(told.events, Outcome.UNCHANGED, null);
    }
    return new Prepared(told.events, stored.isPresent() ? Outcome.CHANGED : Outcome.ADDED, store.stage(merged));
  }

  /** What the corpus holds of the video, or null when its file cannot be read (then reported). */
  private Optional<Video> stored(YtDlpFolder.Sources v, Told told) throws IOException {
    try {
      return store.read(v.id());
    } catch (CorpusException e) {
      told.fail(e.file(), e.getMessage());
      return null;
    }
  }

  /** The video's recording as the corpus records it (absolute), or null when none was found. */
  private static String media(YtDlpFolder.Sources v) {
    return v.media().isEmpty() ? null : v.media().get(0).toAbsolutePath().normalize().toString();
  }

  /**
   * A recording with no caption file: transcribed unless the corpus holds a transcript of it already
   * (an earlier run did it, or a crawl found captions), and written at once, whole (a worker's part).
   */
  private Prepared transcribe(YtDlpFolder.Sources v, Told told) throws IOException {
    Optional<Video> stored = stored(v, told);
    if (stored == null) {
      return new Prepared(told.events, Outcome.NONE, null); // reported
    }
    Path recording = v.media().get(0);
    if (stored.isPresent() && !stored.get().transcripts().isEmpty()) {
      Video merged = named(VideoMerge.merge(v.id(), stored, v.infos(), List.of(), media(v)), recording, 0);
      return stored.get().equals(merged)
          ? new Prepared(told.events, Outcome.UNCHANGED, null)
          : new Prepared(told.events, Outcome.CHANGED, store.stage(merged));
    }
    dev.cuepoint.asr.Transcription heard;
    long started = nanoTime.getAsLong();
    try {
      LOG.info("transcribing {}", recording);
      heard = transcriber.transcribe(recording, (done, total) -> progress.transcribing(recording, done, total));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while transcribing " + recording);
    } catch (IOException | IllegalArgumentException e) {
      told.fail(recording, e.getMessage());
      return new Prepared(told.events, Outcome.NONE, null);
    }
    double seconds = (nanoTime.getAsLong() - started) / 1e9;
    LOG.info("transcribed {}: {} cues, {} s of audio in {} s", recording, heard.cues().size(),
        heard.durationMs() / 1000, String.format(java.util.Locale.ROOT, "%.1f", seconds));
    if (heard.cues().isEmpty()) {
      told.skip(recording, NO_SPEECH); // kept, with an empty transcript, so it is not transcribed again
    }
    Transcript t = new Transcript(heard.language(), Transcript.Kind.ASR_LOCAL,
        ASR_SOURCE + recording.getFileName(), heard.cues());
    Video merged = named(VideoMerge.merge(v.id(), stored, v.infos(), List.of(t), media(v)), recording,
        heard.durationMs());
    store.write(merged); // now, not with the batch: a stopped import keeps every finished transcription
    return new Prepared(told.events, stored.isPresent() ? Outcome.CHANGED : Outcome.ADDED, null);
  }

  /** A video known only from its recording gets the file's name as title and the audio's length. */
  private static Video named(Video v, Path recording, long durationMs) {
    String title = v.title();
    if (title.isEmpty()) {
      String name = recording.getFileName().toString();
      title = name.substring(0, name.lastIndexOf('.')).replaceAll("\\s*\\[[A-Za-z0-9_-]{11}]\\s*$", "").strip();
    }
    long duration = v.durationSeconds() > 0 ? v.durationSeconds() : Math.round(durationMs / 1000.0);
    if (title.equals(v.title()) && duration == v.durationSeconds()) {
      return v;
    }
    return new Video(v.id(), title, v.description(), v.channel(), v.channelId(), v.publishedAt(), duration,
        v.thumbnailUrl(), v.defaultLanguage(), v.chapters(), v.playlists(), v.transcripts(), v.media());
  }

  /**
   * Reports the oldest video in flight and queues its file, publishing the queue when it is full (the
   * main thread's part, in id order).
   */
  private void finishOldest(Deque<Future<Prepared>> ahead, Run run, List<AtomicFiles.Staged> batch,
      ProgressThrottle throttle, ImportProgress progress, int total) throws IOException {
    Prepared p = next(ahead);
    for (Event e : p.events()) {
      if (e.failed()) {
        run.fail(e.file(), e.reason());
      } else {
        run.skip(e.file(), e.reason());
      }
    }
    switch (p.outcome()) {
      case ADDED -> run.added++;
      case CHANGED -> run.changed++;
      case UNCHANGED -> run.unchanged++;
      case NONE -> { }
    }
    if (p.staged() != null) {
      batch.add(p.staged());
    }
    if (batch.size() >= BATCH) {
      store.publish(batch);
      batch.clear();
    }
    run.done++;
    if (throttle.due(run.done)) {
      progress.videosDone(run.done, total);
    }
  }
}
