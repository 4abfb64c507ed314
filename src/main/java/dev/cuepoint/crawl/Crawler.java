package dev.cuepoint.crawl;

import dev.cuepoint.corpus.CorpusException;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cuepoint crawl}: keeps the corpus in step with YouTube playlists and channels. Lists each
 * target completely, fetches metadata in batches of 50 ({@code videos.list}), then per video tries
 * the caption sources in the order the user set, and merges what it got into the corpus with the
 * importer's code ({@link VideoMerge}), so a crawl and an import of the same data agree.
 *
 * <p>Cheap when nothing changed: pages and caption lists are asked for with their last ETags, and
 * tracks are downloaded only when their version changed. Quota is counted per Pacific-time day; the
 * crawl stops before the budget is spent, or when YouTube says {@code quotaExceeded}, keeping all it
 * fetched; videos listed longest ago go first, so the next run resumes. A video leaves the corpus
 * only when a complete, successful listing of its playlist no longer shows it.
 */
public final class Crawler {
  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

  static final String PRIVATE_OR_DELETED = "private or deleted";
  static final String NO_SOURCE = "no caption source to ask";

  /** Videos between state saves when nothing was downloaded. */
  private static final int SAVE_EVERY = 50;

  /**
   * What to crawl and how.
   *
   * @param playlists playlist ids; with no channels either, those of the last run
   * @param captionOrder the caption sources, tried in this order per video
   * @param languages the caption languages wanted; empty: all (yt-dlp: the video's language)
   * @param ytDlpFolder the folder of source {@code ytdlp-folder}, or null
   * @param ytDlpCommand the program of source {@code ytdlp}
   * @param timedText where and how politely source {@code timedtext} asks youtube.com
   */
  public record Options(
      List<String> playlists,
      List<String> channels,
      List<CaptionSourceKind> captionOrder,
      Set<String> languages,
      long quotaBudget,
      Path ytDlpFolder,
      List<String> ytDlpCommand,
      TimedTextSettings timedText) {
    /** With source {@code timedtext} asking youtube.com itself, at the default pace. */
    public Options(List<String> playlists, List<String> channels, List<CaptionSourceKind> captionOrder,
        Set<String> languages, long quotaBudget, Path ytDlpFolder, List<String> ytDlpCommand) {
      this(playlists, channels, captionOrder, languages, quotaBudget, ytDlpFolder, ytDlpCommand,
          TimedTextSettings.defaults());
    }

    public Options {
      playlists = List.copyOf(new LinkedHashSet<>(playlists));
      channels = List.copyOf(new LinkedHashSet<>(channels));
      captionOrder = List.copyOf(new LinkedHashSet<>(captionOrder));
      languages = Set.copyOf(languages);
      if (quotaBudget < 0) {
        throw new IllegalArgumentException("quota budget must be >= 0 units, got " + quotaBudget);
      }
      if (captionOrder.contains(CaptionSourceKind.YTDLP_FOLDER) && ytDlpFolder == null) {
        throw new IllegalArgumentException(
            "caption source ytdlp-folder needs a folder: add --ytdlp-folder DIR");
      }
      ytDlpCommand = ytDlpCommand == null || ytDlpCommand.isEmpty() ? List.of("yt-dlp") : List.copyOf(ytDlpCommand);
      timedText = timedText == null ? TimedTextSettings.defaults() : timedText;
    }
  }

  /**
   * What the crawler works with besides the API: parsers, time, pauses and progress output; for
   * caption source {@code asr}, the recogniser (loaded when a video first needs it, closed after each
   * crawl) and the search path yt-dlp is looked for in.
   */
  public record Tools(
      CaptionTextParser textParser,
      CaptionReader fileReader,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random,
      CrawlProgress progress,
      Transcriber speech,
      String programPath) {
    /** With no speech recognition (source {@code asr} fails each video, saying so) and the real PATH. */
    public Tools(CaptionTextParser textParser, CaptionReader fileReader, Clock clock, Sleeper sleeper,
        RandomGenerator random, CrawlProgress progress) {
      this(textParser, fileReader, clock, sleeper, random, progress, null, null);
    }

    /** These tools with this recogniser and search path for programs (null: the JVM's PATH). */
    public Tools withSpeech(Transcriber speech, String programPath) {
      return new Tools(textParser, fileReader, clock, sleeper, random, progress, speech, programPath);
    }

    public Tools {
      speech = speech == null ? Transcriber.off("speech recognition is not set up for this crawl") : speech;
      programPath = programPath == null ? System.getenv().getOrDefault("PATH", "") : programPath;
      Objects.requireNonNull(textParser, "textParser");
      Objects.requireNonNull(fileReader, "fileReader");
      clock = clock == null ? Clock.systemUTC() : clock;
      sleeper = sleeper == null ? Sleeper.REAL : sleeper;
      random = random == null ? RandomGenerator.getDefault() : random;
      progress = progress == null ? CrawlProgress.NONE : progress;
    }
  }

  /** The caption source {@code --captions} names: {@code api}, {@code ytdlp-folder} or {@code ytdlp}. */
  public static CaptionSourceKind source(String name) {
    return CaptionSourceKind.of(name);
  }

  /** A video's place in one crawled playlist. */
  private record Membership(PlaylistEntry entry, String playlistChannel) {}

  private final YouTubeApi api;
  private final CorpusStore store;
  private final CrawlStateStore stateStore;
  private final Tools tools;

  public Crawler(YouTubeApi api, CorpusStore store, Path stateDir, Tools tools) {
    this.api = api;
    this.store = store;
    this.stateStore = new CrawlStateStore(stateDir);
    this.tools = tools;
  }

  /** Counts of one run. */
  private static final class Run {
    int added;
    int changed;
    int unchanged;
    int removed;
    final List<CrawlSummary.Item> skipped = new ArrayList<>();
    final List<CrawlSummary.Item> failed = new ArrayList<>();
    final List<CrawlSummary.Item> withoutTranscript = new ArrayList<>();
    /** Videos the caption sources were asked about, and of those, ones with a transcript. */
    int tried;
    int transcribed;
    final Map<String, Integer> captions = new TreeMap<>();

    void fail(String id, String reason) {
      LOG.warn("{}: {}", id, reason);
      failed.add(new CrawlSummary.Item(id, reason));
    }

    void skip(String id, String reason) {
      LOG.info("skipped {}: {}", id, reason);
      skipped.add(new CrawlSummary.Item(id, reason));
    }
  }

  /** The Data API quota units spent today (Pacific time), as the crawl state in {@code stateDir} says. */
  public static long quotaUsedToday(Path stateDir, Clock clock) throws IOException {
    CrawlState.QuotaDay spent = new CrawlStateStore(stateDir).load().quota;
    return new QuotaMeter(Long.MAX_VALUE, clock, spent).usedToday();
  }

  /**
   * Crawls the targets of {@code options} (or of the last run).
   *
   * @throws IllegalArgumentException when there is nothing to crawl
   * @throws IOException when the corpus or the state cannot be written
   */
  public CrawlSummary crawl(Options options) throws IOException {
    CrawlState state = stateStore.load();
    Instant started = tools.clock().instant();
    List<String> playlists = options.playlists();
    List<String> channels = options.channels();
    if (playlists.isEmpty() && channels.isEmpty()) {
      playlists = state.targets.playlists();
      channels = state.targets.channels();
    }
    if (playlists.isEmpty() && channels.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing to crawl: name a playlist (--playlist ID) or a channel (--channel ID)");
    }
    state.targets = new CrawlState.Targets(playlists, channels);
    QuotaMeter quota = new QuotaMeter(options.quotaBudget(), tools.clock(), state.quota);
    ApiCalls calls =
        new ApiCalls(api, Retrier.standard(tools.sleeper(), tools.random()), quota);
    List<CaptionSource> sources = sources(options, calls, state);
    try {
      return crawl(state, started, playlists, channels, quota, calls, sources);
    } finally {
      tools.speech().close(); // the model's memory is not held between scheduled crawls
    }
  }

  private CrawlSummary crawl(CrawlState state, Instant started, List<String> playlists, List<String> channels,
      QuotaMeter quota, ApiCalls calls, List<CaptionSource> sources) throws IOException {
    Run run = new Run();
    CrawlSummary.Result result = CrawlSummary.Result.COMPLETE;
    String stop = "";
    try {
      Map<String, List<Membership>> videos = listTargets(playlists, channels, calls, state, run);
      stateStore.save(state);
      crawlVideos(videos, calls, sources, state, run);
    } catch (QuotaExceededException e) {
      quota.spentByYouTube();
      result = CrawlSummary.Result.STOPPED;
      stop = e.getMessage();
    } catch (BudgetSpentException e) {
      result = CrawlSummary.Result.STOPPED;
      stop = e.getMessage();
    } catch (YouTubeBlockedException e) {
      result = CrawlSummary.Result.STOPPED;
      stop = e.getMessage();
    } catch (ApiException e) {
      if (!e.credentialsRejected()) {
        throw e; // every other API failure is handled per target or video
      }
      result = CrawlSummary.Result.FAILED;
      stop = e.getMessage();
    }
    if (result == CrawlSummary.Result.COMPLETE && !run.failed.isEmpty() && run.transcribed == 0
        && run.withoutTranscript.isEmpty()) {
      result = CrawlSummary.Result.FAILED; // every video (or every target) failed: nothing is complete
    }
    if (!stop.isEmpty()) {
      tools.progress().line(stop);
    }
    state.quota = quota.snapshot();
    CrawlSummary summary =
        new CrawlSummary(
            run.added, run.changed, run.unchanged, run.removed, run.skipped, run.failed,
            run.withoutTranscript, run.captions, quota.usedThisRun(), quota.usedToday(), quota.budget(), result, stop);
    state.lastRun =
        new CrawlState.LastRun(
            started.toString(), tools.clock().instant().toString(),
            result.name().toLowerCase(java.util.Locale.ROOT), summary.line(), quota.usedThisRun());
    stateStore.save(state);
    return summary;
  }

  private List<CaptionSource> sources(Options o, ApiCalls calls, CrawlState state) throws IOException {
    List<CaptionSource> out = new ArrayList<>();
    for (CaptionSourceKind k : o.captionOrder()) {
      switch (k) {
        case API -> {
          if (api.canReadCaptions()) {
            out.add(new ApiCaptions(calls, state, tools.textParser(), o.languages(), tools.clock()));
          } else {
            tools.progress().line(
                "caption source api skipped: captions.list needs OAuth; run 'cuepoint auth' once");
          }
        }
        case TIMEDTEXT -> out.add(new TimedTextCaptions(
            new YouTubeWeb(o.timedText(), tools.sleeper(), tools.random()), state, tools.textParser(),
            o.languages(), tools.clock()));
        case YTDLP_FOLDER -> out.add(new YtDlpFolderCaptions(o.ytDlpFolder(), tools.fileReader(), o.languages()));
        case YTDLP -> out.add(new YtDlpCaptions(o.ytDlpCommand(), tools.fileReader(), o.languages(), Duration.ofMinutes(5)));
        case ASR -> out.add(new AsrCaptions(o.ytDlpCommand(), tools.programPath(), tools.speech(), Duration.ofMinutes(30)));
      }
    }
    return out;
  }

  /** Every available video of the targets, with its playlists, in listing order. */
  private Map<String, List<Membership>> listTargets(
      List<String> playlists, List<String> channels, ApiCalls calls, CrawlState state, Run run)
      throws IOException {
    Set<String> all = new LinkedHashSet<>(playlists);
    for (String channel : channels) {
      try {
        String uploads = state.uploads.get(channel);
        if (uploads == null) {
          Optional<String> found = calls.uploadsPlaylist(channel);
          if (found.isEmpty()) {
            run.fail(channel, "channel " + channel + " not found: check the id (it starts with UC) or the @handle");
            continue;
          }
          uploads = found.get();
          state.uploads.put(channel, uploads);
        }
        all.add(uploads);
      } catch (ApiException e) {
        rethrowIfFatal(e);
        run.fail(channel, e.getMessage());
      }
    }
    PlaylistLister lister = new PlaylistLister(calls, state);
    Map<String, List<Membership>> videos = new LinkedHashMap<>();
    for (String playlistId : all) {
      PlaylistLister.Listing listing;
      try {
        listing = lister.list(playlistId);
      } catch (ApiException e) {
        rethrowIfFatal(e);
        run.fail(playlistId, e.getMessage());
        continue;
      }
      List<String> available = new ArrayList<>();
      for (PlaylistItem item : listing.items()) {
        if (!item.available()) {
          run.skip(item.videoId(), PRIVATE_OR_DELETED);
        } else if (!available.contains(item.videoId()) && Video.ID.matcher(item.videoId()).matches()) {
          available.add(item.videoId());
          videos.computeIfAbsent(item.videoId(), k -> new ArrayList<>())
              .add(new Membership(
                  new PlaylistEntry(playlistId, listing.title(), (int) Math.min(Integer.MAX_VALUE, item.position() + 1)),
                  listing.channel()));
        }
      }
      tools.progress().line(
          "playlist " + playlistId + " (" + listing.title() + "): " + available.size() + " videos");
      removeMissing(playlistId, available, run);
      Playlist fresh = new Playlist(playlistId, listing.title(), listing.channel(), available);
      if (!store.readPlaylist(playlistId).equals(Optional.of(fresh))) {
        store.writePlaylist(fresh);
      }
    }
    return videos;
  }

  /** After a complete listing: videos the stored playlist had and the listing lacks leave it. */
  private void removeMissing(String playlistId, List<String> listed, Run run) throws IOException {
    Optional<Playlist> before = store.readPlaylist(playlistId);
    if (before.isEmpty()) {
      return;
    }
    for (String id : before.get().videoIds()) {
      if (listed.contains(id) || !Video.ID.matcher(id).matches()) {
        continue;
      }
      Optional<Video> v;
      try {
        v = store.read(id);
      } catch (CorpusException e) {
        run.fail(id, e.getMessage());
        continue;
      }
      if (v.isEmpty()) {
        continue;
      }
      List<PlaylistEntry> rest =
          v.get().playlists().stream().filter(p -> !p.playlistId().equals(playlistId)).toList();
      if (rest.isEmpty()) {
        store.delete(id);
        run.removed++;
        tools.progress().line("removed " + id + ": no longer in playlist " + playlistId);
      } else if (rest.size() < v.get().playlists().size()) {
        store.write(withPlaylists(v.get(), rest));
      }
    }
  }

  private static Video withPlaylists(Video v, List<PlaylistEntry> playlists) {
    return new Video(
        v.id(), v.title(), v.description(), v.channel(), v.channelId(), v.publishedAt(),
        v.durationSeconds(), v.thumbnailUrl(), v.defaultLanguage(), v.chapters(), playlists,
        v.transcripts(), v.media());
  }

  private void crawlVideos(
      Map<String, List<Membership>> videos,
      ApiCalls calls,
      List<CaptionSource> sources,
      CrawlState state,
      Run run)
      throws IOException {
    // Longest unchecked first: a run the quota stopped is resumed, not restarted, by the next.
    List<String> ids = new ArrayList<>(videos.keySet());
    ids.sort(Comparator.comparing(id -> {
      CrawlState.WebCaptions w = state.timedtext.get(id);
      if (w != null) {
        return w.checkedAt();
      }
      CrawlState.VideoCaptions c = state.captions.get(id);
      return c == null ? "" : c.checkedAt();
    }));
    ProgressThrottle throttle = new ProgressThrottle(10, Duration.ofSeconds(5), System::nanoTime);
    int done = 0;
    int sinceSave = 0;
    for (int from = 0; from < ids.size(); from += (int) YouTubeApi.PAGE_SIZE) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + (int) YouTubeApi.PAGE_SIZE));
      Map<String, VideoMeta> metas = new LinkedHashMap<>();
      try {
        calls.videos(batch).forEach(m -> metas.put(m.id(), m));
      } catch (ApiException e) {
        rethrowIfFatal(e);
        batch.forEach(id -> run.fail(id, e.getMessage()));
        continue;
      }
      for (String id : batch) {
        VideoMeta meta = metas.get(id);
        boolean downloaded = false;
        if (meta == null) {
          run.skip(id, PRIVATE_OR_DELETED);
        } else {
          downloaded = crawlVideo(meta, videos.get(id), sources, run);
        }
        done++;
        sinceSave++;
        if (downloaded || sinceSave >= SAVE_EVERY) {
          stateStore.save(state);
          sinceSave = 0;
        }
        if (throttle.due(done)) {
          tools.progress().line("crawled " + done + "/" + ids.size() + " videos…");
        }
        for (CaptionSource source : sources) {
          Optional<IOException> stop = source.stop();
          if (stop.isPresent()) {
            stateStore.save(state);
            throw stop.get();
          }
        }
      }
    }
  }

  /** One video through the caption sources into the corpus; whether captions were fetched. */
  private boolean crawlVideo(
      VideoMeta meta, List<Membership> memberships, List<CaptionSource> sources, Run run)
      throws IOException {
    String id = meta.id();
    Optional<Video> stored;
    try {
      stored = store.read(id);
    } catch (CorpusException e) {
      run.fail(id, e.getMessage());
      return false;
    }
    List<Transcript> fresh = List.of();
    String from = null;
    List<String> problems = new ArrayList<>();
    List<String> facts = new ArrayList<>();
    boolean found = false;
    boolean blocked = false;
    run.tried++;
    for (CaptionSource source : sources) {
      if (blocked && (source.kind() == CaptionSourceKind.YTDLP || source.kind() == CaptionSourceKind.ASR)) {
        continue; // yt-dlp would ask the YouTube that just blocked this address
      }
      CaptionOutcome o = source.fetch(meta, stored);
      blocked |= source.stop().isPresent();
      if (!o.note().isEmpty()) {
        (o.status() == CaptionOutcome.Status.NONE ? facts : problems).add(source.kind().option + ": " + o.note());
      }
      LOG.debug("{}: {} {} {}", id, source.kind().option, o.status(), o.note());
      if (o.status() == CaptionOutcome.Status.FETCHED || o.status() == CaptionOutcome.Status.UNCHANGED) {
        fresh = sorted(o.transcripts());
        from = source.kind().option;
        found = true;
        break;
      }
    }
    boolean hasTranscript = found || stored.map(v -> !v.transcripts().isEmpty()).orElse(false);
    if (hasTranscript) {
      run.transcribed++;
    }
    if (!hasTranscript) {
      // In the corpus all the same, found by its title and description; a later crawl adds the text.
      List<String> why = new ArrayList<>(problems);
      why.addAll(facts);
      if (!problems.isEmpty()) {
        run.fail(id, String.join("; ", why));
      } else {
        String reason = why.isEmpty() ? NO_SOURCE : String.join("; ", why);
        LOG.info("{}: no transcript: {}", id, reason);
        run.withoutTranscript.add(new CrawlSummary.Item(id, reason));
      }
    } else if (!found && !problems.isEmpty()) {
      run.fail(id, String.join("; ", problems) + " (the stored transcripts are kept)");
    } else if (!problems.isEmpty()) {
      LOG.warn("{}: {}", id, String.join("; ", problems));
    }
    List<InfoJson> infos =
        memberships.stream().map(m -> meta.toInfoJson(m.entry(), m.playlistChannel())).toList();
    Video merged = VideoMerge.merge(id, stored, infos, fresh);
    int newTracks =
        (int) fresh.stream()
            .filter(t -> stored.map(v -> !v.transcripts().contains(t)).orElse(true))
            .count();
    if (newTracks > 0) {
      run.captions.merge(from, newTracks, Integer::sum);
    }
    if (stored.isPresent() && stored.get().equals(merged)) {
      if (found || problems.isEmpty()) {
        run.unchanged++;
      }
      return newTracks > 0;
    }
    store.write(merged);
    if (stored.isEmpty()) {
      run.added++;
    } else if (found || problems.isEmpty()) {
      run.changed++;
    }
    return true;
  }

  /** Tracks in (language, kind) order, so a video's transcripts keep one order run after run. */
  private static List<Transcript> sorted(List<Transcript> ts) {
    List<Transcript> out = new ArrayList<>(ts);
    out.sort(Comparator.comparing(Transcript::language).thenComparing(Transcript::kind));
    return out;
  }

  private static void rethrowIfFatal(ApiException e) throws ApiException {
    if (ApiCaptions.stops(e)) {
      throw e;
    }
  }
}
