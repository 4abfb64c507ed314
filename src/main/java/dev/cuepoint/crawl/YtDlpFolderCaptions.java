package dev.cuepoint.crawl;

import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Caption source 2: a yt-dlp download folder the user keeps current, matched by video id. The
 * folder is scanned once per crawl; its files become transcripts exactly as {@code cuepoint import}
 * makes them ({@link YtDlpFolder}).
 */
final class YtDlpFolderCaptions implements CaptionSource {
  private final Path folder;
  private final CaptionReader reader;
  private final Set<String> languages;
  private Map<String, YtDlpFolder.Sources> byId;

  YtDlpFolderCaptions(Path folder, CaptionReader reader, Set<String> languages) {
    this.folder = folder;
    this.reader = reader;
    this.languages = Set.copyOf(languages);
  }

  @Override
  public CaptionSourceKind kind() {
    return CaptionSourceKind.YTDLP_FOLDER;
  }

  @Override
  public CaptionOutcome fetch(VideoMeta video, Optional<Video> stored) throws IOException {
    if (byId == null) {
      byId = YtDlpFolder.group(FolderScan.scan(List.of(folder)), Problems.IGNORE);
    }
    YtDlpFolder.Sources files = byId.get(video.id());
    if (files == null || files.captions().isEmpty()) {
      return CaptionOutcome.none("no caption files for it in " + folder);
    }
    return read(files, reader, languages);
  }

  /** The transcripts of one video's files, as an outcome; shared with the yt-dlp runner. */
  static CaptionOutcome read(YtDlpFolder.Sources files, CaptionReader reader, Set<String> languages) {
    Problems problems = new Problems();
    List<Transcript> out = new ArrayList<>();
    for (Transcript t : YtDlpFolder.transcripts(files, reader, problems)) {
      if (languages.isEmpty() || languages.contains(t.language())) {
        out.add(t);
      }
    }
    String note = String.join("; ", problems.failures);
    if (!out.isEmpty()) {
      return CaptionOutcome.fetched(out, note);
    }
    return problems.failures.isEmpty()
        ? CaptionOutcome.none("no usable caption files" + (languages.isEmpty() ? "" : " in " + languages))
        : CaptionOutcome.failed(note);
  }

  /** Collects the failures of one video's files; skips are expected and only logged. */
  static final class Problems implements YtDlpFolder.Report {
    /** For the folder scan: files of other videos are not this crawl's business. */
    static final YtDlpFolder.Report IGNORE = new Problems();

    final List<String> failures = new ArrayList<>();

    @Override
    public void skip(Path file, String reason) {}

    @Override
    public void fail(Path file, String reason) {
      failures.add(new ImportSummary.Item(file, reason).message());
    }
  }
}
