package dev.cuepoint.cli;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.asr.Recognizers;
import dev.cuepoint.crawl.ImportProgress;
import dev.cuepoint.crawl.ImportSummary;
import dev.cuepoint.crawl.Transcriber;
import dev.cuepoint.crawl.ParsedFile;
import dev.cuepoint.crawl.YtDlpImporter;
import dev.cuepoint.index.SyncResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint import DIR…}: yt-dlp download folders, or folders of caption files named by video
 * id, into the corpus; then the keyword index is brought up to date, and the passages for semantic search
 * are embedded now ({@code --wait-for-embeddings}) or left to {@code serve}.
 */
@Command(
    name = "import",
    description = {
      "Import yt-dlp download folders (Title [ID].info.json beside Title [ID].<lang>.<ext> subtitles)",
      "or folders of caption files named <VIDEOID>.<lang>.<ext>, then update the index."
    },
    mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders to import (searched recursively)")
  List<Path> dirs;

  @Option(names = "--no-index", description = "only update the corpus; run 'cuepoint index' later")
  boolean noIndex;

  @Option(names = "--wait-for-embeddings",
      description = "embed the new passages for semantic search before exiting (progress on stderr);"
          + " by default keyword search is ready at once and 'cuepoint serve' embeds them in the background")
  boolean waitForEmbeddings;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ImportSummary summary = importInto(data, dirs, err);
    out.println(summary.line());
    int status = summary.failed().isEmpty() ? 0 : 1;
    if (!noIndex) {
      SyncResult r;
      try {
        r = IndexCommand.updateKeywords(data, false, err);
      } catch (dev.cuepoint.index.SearchIndex.IndexLockedException e) {
        throw new java.io.IOException("the corpus is updated, but the index is held by a running 'serve':"
            + " its next refresh picks the changes up (or POST /api/admin/refresh); use --no-index to skip"
            + " this step", e);
      }
      out.println(r.summary()); // keyword search has the new videos from here on
      out.flush();
      status = r.failures().isEmpty() ? status : 1;
      if (!IndexCommand.vectorsAfterFetch(data, waitForEmbeddings, out, err)) {
        status = 1;
      }
    }
    return status;
  }

  /**
   * Imports folders into a data directory's corpus, reporting progress on {@code err}. Recordings
   * without captions are transcribed by Cuepoint's recogniser, loaded only if one needs it, on at most
   * {@code asrThreads} cores.
   */
  static ImportSummary importInto(DataDir data, List<Path> dirs, PrintWriter err) throws java.io.IOException {
    SpeechSettings speech = Config.speech(data.config, data.dir, System.getenv(), java.util.Map.of());
    return importInto(data, dirs, err, () -> Recognizers.open(data.dir, speech.asrThreads()));
  }

  /** As above, with the recogniser {@code speech} opens (tests give a fake one). */
  static ImportSummary importInto(DataDir data, List<Path> dirs, PrintWriter err, Transcriber.Opener speech)
      throws java.io.IOException {
    Captions captions = Captions.standard();
    try (Transcriber transcriber = new Transcriber(speech)) {
      YtDlpImporter importer = new YtDlpImporter(new CorpusStore(data.dir), file -> {
        ParsedCaptions p = captions.read(file);
        return new ParsedFile(p.format(), p.cues());
      }, transcriber);
      return importer.importFolders(dirs, new Progress(err));
    }
  }

  /** Progress lines on stderr: every so many videos, and every 10 s of a long transcription. */
  private static final class Progress implements ImportProgress {
    private final PrintWriter err;
    private final java.util.concurrent.ConcurrentHashMap<Path, Long> lastTold = new java.util.concurrent.ConcurrentHashMap<>();

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void videosDone(int done, int total) {
      err.printf("imported %d/%d videos…%n", done, total);
    }

    @Override
    public void transcribing(Path media, long doneMs, long totalMs) {
      long now = System.nanoTime();
      Long last = lastTold.putIfAbsent(media, now);
      if (last == null || now - last < 10_000_000_000L) {
        return;
      }
      lastTold.put(media, now);
      err.printf("transcribing %s: %s%n", media.getFileName(), totalMs > 0
          ? (100 * doneMs / totalMs) + "% of " + (totalMs / 1000) + " s"
          : (doneMs / 1000) + " s done");
      err.flush();
    }
  }
}
