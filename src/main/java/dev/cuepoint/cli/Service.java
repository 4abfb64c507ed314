package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.crawl.Crawler;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.IndexRepair;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SyncResult;
import dev.cuepoint.schedule.RefreshTask;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.schedule.Schedule;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.web.VideoSource;
import dev.cuepoint.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The running app, wired by hand: corpus, index, refresher and web server over one data directory.
 * {@link #close()} stops them in the order that loses nothing.
 */
final class Service implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Service.class);
  final KeywordIndex index;
  final PassageIndex passages; // null when embeddings are off
  final Refresher refresher;
  final WebServer server;
  private final Thread startSync; // brings the index up to date with the corpus at start
  private final Thread catchUp; // embeds what the passage index lacks at start; null when off
  private final java.util.concurrent.atomic.AtomicBoolean stopping;

  private Service(KeywordIndex index, PassageIndex passages, Refresher refresher, WebServer server, Thread startSync,
      Thread catchUp, java.util.concurrent.atomic.AtomicBoolean stopping) {
    this.index = index;
    this.passages = passages;
    this.refresher = refresher;
    this.server = server;
    this.startSync = startSync;
    this.catchUp = catchUp;
    this.stopping = stopping;
  }

  /**
   * Opens the index, starts the web server, then catches the index up with the corpus in the background
   * (and loads the embedding model, embedding what the passage index lacks), and starts the schedule.
   * The server answers searches at once from the index as it is, except when the index must be indexed
   * whole first ({@link IndexRepair#mustRebuild}): then searches get a 503 saying how far the rebuild is
   * until it is done.
   */
  static Service start(DataDir data, Config settings, Path web, java.util.Map<String, String> env, PrintWriter out,
      PrintWriter err) throws IOException {
    return start(data, settings, web, env, out, err, Vectors.embedder(env));
  }

  /** As above, with the embedder given (null: embeddings off); tests pass a fake one. */
  static Service start(DataDir data, Config settings, Path web, java.util.Map<String, String> env, PrintWriter out,
      PrintWriter err, Embedder embedder) throws IOException {
    return start(data, settings, web, env, out, err, embedder, java.util.function.UnaryOperator.identity());
  }

  /**
   * As above; {@code startCorpus} wraps the corpus the start-up sync reads (tests hold a rebuild there,
   * to see the server while it runs).
   */
  static Service start(DataDir data, Config settings, Path web, java.util.Map<String, String> env, PrintWriter out,
      PrintWriter err, Embedder embedder, java.util.function.UnaryOperator<CorpusSnapshot> startCorpus)
      throws IOException {
    Schedule schedule = settings.refresh() == null ? null : schedule(settings.refresh());
    CorpusStore corpus = new CorpusStore(data.dir);
    KeywordIndex index = data.openIndex(env, false);
    PassageIndex passages = null;
    try {
      passages = embedder == null ? null : PassageIndex.open(data.vectors(), embedder);
      java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
      dev.cuepoint.web.Metrics.Access access = Config.metrics(data.config, data.dir, env, settings.adminToken());
      dev.cuepoint.web.Metrics metrics = access == dev.cuepoint.web.Metrics.Access.OFF ? null
          : new dev.cuepoint.web.Metrics(access, settings.adminToken(), settings.quotaBudget());
      Refresher refresher = new Refresher(sources(data, settings, env, err, metrics),
          indexStep(index, passages, corpus, stopping), schedule, Clock.systemDefaultZone());
      WebServer.Operations ops = new WebServer.Operations(refresher, settings.adminToken(),
          () -> quotaUsedToday(data), settings.accessLog(), settings.searchLimit(), settings.searchCache(), metrics);
      SearchService keyword = new SearchService(index);
      ModeSearch modes = passages == null ? ModeSearch.keywordOnly(keyword, Vectors.offReason())
          : ModeSearch.of(index, keyword, passages, embedder);
      WebServer server = new WebServer(index, modes, videos(corpus),
          new WebServer.Settings(settings.host(), settings.port(), web, null, settings.corsOrigins(),
              Config.speech(data.config, data.dir, env, java.util.Map.of()).mediaFolders(data.dir)), ops);
      int videos = corpus.ids().size();
      StartSync sync = new StartSync(startCorpus.apply(CorpusSnapshot.of(corpus)), videos, stopping);
      String rebuild = IndexRepair.mustRebuild(index, videos);
      if (rebuild != null) {
        server.availability().rebuilding(() -> sync.progress(rebuild));
        out.println("The keyword index is being rebuilt from the corpus (" + rebuild + "): " + videos
            + " videos; searches answer 503 until it is done");
      }
      server.start();
      Thread syncing = Thread.ofPlatform().name("cuepoint-start-sync").daemon().start(() -> {
        try {
          SyncResult synced = index.sync(sync, false, err::println);
          if (synced.changed() || rebuild != null) {
            out.println(synced.summary() + (rebuild != null ? "; searches are answered" : ""));
          }
        } catch (IOException | RuntimeException e) {
          if (!stopping.get()) {
            LOG.warn("bringing the index up to date with the corpus failed", e);
            err.println("cuepoint serve: bringing the index up to date with the corpus failed: " + e.getMessage()
                + " (searches answer from what the index holds; the next refresh tries again)");
          }
        } finally {
          server.availability().ready();
        }
      });
      Thread catchUp = passages == null ? null : catchUp(passages, embedder, corpus, syncing, stopping, out, err);
      refresher.startSchedule();
      return new Service(index, passages, refresher, server, syncing, catchUp, stopping);
    } catch (RuntimeException | IOException e) {
      index.close();
      if (passages != null) {
        passages.close();
      }
      throw e;
    }
  }

  /** Waits until the start-up sync is done (searches answer from the whole corpus); false on timeout. */
  boolean awaitSearchable(long millis) throws InterruptedException {
    return startSync.join(java.time.Duration.ofMillis(millis));
  }

  /**
   * The corpus as the start-up sync reads it, counting the videos read (the rebuild's progress) and
   * refusing to read more once the server stops (nothing is committed then; the next start redoes it).
   */
  private static final class StartSync implements CorpusSnapshot {
    private final CorpusSnapshot corpus;
    private final java.util.concurrent.atomic.AtomicBoolean stopping;
    private final java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private volatile int videos;

    StartSync(CorpusSnapshot corpus, int videos, java.util.concurrent.atomic.AtomicBoolean stopping) {
      this.corpus = corpus;
      this.videos = videos;
      this.stopping = stopping;
    }

    @Override
    public java.util.Map<String, String> fingerprints() throws IOException {
      java.util.Map<String, String> all = corpus.fingerprints();
      videos = all.size();
      return all;
    }

    @Override
    public Video load(String id) throws IOException {
      if (stopping.get()) {
        throw new IOException("not indexed: the server is stopping (the next start indexes it)");
      }
      Video v = corpus.load(id);
      read.incrementAndGet();
      return v;
    }

    dev.cuepoint.web.Availability.Rebuild progress(String reason) {
      return new dev.cuepoint.web.Availability.Rebuild(reason, read.get(), videos, startedNanos);
    }
  }

  /**
   * Loads the embedding model right away (about 2 s that the first semantic search would otherwise pay),
   * then embeds, in the background, the passages of videos the passage index lacks (a first start over a
   * big corpus takes minutes): keyword search serves at once, semantic search fills in as it commits.
   */
  private static Thread catchUp(PassageIndex passages, Embedder embedder, CorpusStore corpus, Thread startSync,
      java.util.concurrent.atomic.AtomicBoolean stopping, PrintWriter out, PrintWriter err) {
    return Thread.ofPlatform().name("cuepoint-vectors").daemon().start(() -> {
      try {
        long t0 = System.nanoTime();
        embedder.embed(List.of("warm up")); // loads the model; the text is not kept anywhere
        out.printf("Embedding model %s loaded (%d ms)%n", embedder.id(), (System.nanoTime() - t0) / 1_000_000);
      } catch (dev.cuepoint.index.Embedder.ShuttingDown e) {
        return; // stopped while the model loaded
      } catch (RuntimeException e) {
        LOG.warn("loading the embedding model failed", e);
        err.println("cuepoint serve: loading the embedding model failed: " + e.getMessage()
            + " (keyword search works; semantic searches will fail until it loads)");
      }
      try {
        startSync.join(); // the keyword index first: both want the cores, and keyword search is what answers
      } catch (InterruptedException e) {
        return;
      }
      try {
        PassageSyncResult r = passages.sync(CorpusSnapshot.of(corpus), false, err::println, stopping::get);
        if (r.changed()) {
          out.println(r.summary());
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("embedding passages failed", e);
        err.println("cuepoint serve: embedding passages failed: " + e.getMessage()
            + " (semantic search answers from the vectors it has; the next refresh tries again)");
      }
    });
  }

  private static Long quotaUsedToday(DataDir data) {
    try {
      return Crawler.quotaUsedToday(data.state(), Clock.systemUTC());
    } catch (IOException e) {
      return null; // no readable crawl state: unknown, which the status says as null (the crawl says why)
    } catch (RuntimeException e) {
      LOG.warn("reading the Data API units used today failed", e);
      return null;
    }
  }

  static Schedule schedule(String spec) {
    try {
      return Schedule.parse(spec, ZoneId.systemDefault());
    } catch (IllegalArgumentException e) {
      throw new Config.Invalid("refresh: " + e.getMessage());
    }
  }

  /** The refresh steps that fetch into the corpus, in order. */
  private static List<RefreshTask> sources(DataDir data, Config settings, java.util.Map<String, String> env,
      PrintWriter err, dev.cuepoint.web.Metrics metrics) throws IOException {
    List<RefreshTask> out = new ArrayList<>();
    if (!settings.playlists().isEmpty() || !settings.channels().isEmpty()) {
      String root = settings.youtubeApiRoot() != null ? settings.youtubeApiRoot()
          : env.getOrDefault("CUEPOINT_YOUTUBE_API_ROOT", "https://youtube.googleapis.com/");
      // checked now, so that missing credentials stop the start, not every refresh
      ApiCredentials credentials = CrawlCommand.credentials(data, env, env.get("CUEPOINT_OAUTH_TOKEN_URL"));
      var web = CrawlCommand.timedText(
          settings.youtubeWebRoot() != null ? settings.youtubeWebRoot()
              : env.getOrDefault("CUEPOINT_YOUTUBE_WEB_ROOT", "https://www.youtube.com/"),
          env.get("CUEPOINT_PROXY"), null,
          settings.timedtextDelay() != null ? settings.timedtextDelay() : env.getOrDefault("CUEPOINT_TIMEDTEXT_DELAY", "2s"));
      Crawler.Options options = CrawlCommand.options(
          CrawlCommand.targets(settings.playlists(), dev.cuepoint.crawl.YouTubeTargets::playlist),
          CrawlCommand.targets(settings.channels(), dev.cuepoint.crawl.YouTubeTargets::channel),
          settings.captionSources(), settings.ytdlpFolders().isEmpty() ? null : settings.ytdlpFolders().getFirst(),
          "yt-dlp", settings.languages(), settings.quotaBudget(),
          credentials instanceof ApiCredentials.OAuth, web,
          Config.speech(data.config, data.dir, env, java.util.Map.of()).asrCaptions());
      out.add(RefreshTask.of("crawl", stop -> {
        CrawlSummary summary = CrawlCommand.crawler(data, root, credentials, err).crawl(options);
        if (metrics != null) {
          metrics.crawled(summary);
        }
        if (summary.result() != CrawlSummary.Result.COMPLETE) {
          // quota spent or credentials refused: what was fetched stays in the corpus for the next
          // refresh, but this one does not change what people search
          throw new IOException(summary.line());
        }
        return summary.line();
      }));
    }
    if (!settings.ytdlpFolders().isEmpty()) {
      out.add(RefreshTask.of("import", stop -> {
        var summary = ImportCommand.importInto(data, settings.ytdlpFolders(), err);
        if (!summary.failed().isEmpty() && summary.imported() == 0 && summary.unchanged() == 0) {
          throw new IOException(summary.line());
        }
        return summary.line();
      }));
    }
    return out;
  }

  /**
   * The last refresh step: the index follows the corpus (searchers switch over at its commit), then the
   * passage vectors, embedding only new or changed text.
   */
  private static RefreshTask indexStep(KeywordIndex index, PassageIndex passages, CorpusStore corpus,
      java.util.concurrent.atomic.AtomicBoolean stopping) {
    return RefreshTask.of("index", stop -> {
      String summary = index.sync(CorpusSnapshot.of(corpus), false, null).summary();
      if (passages == null) {
        return summary;
      }
      PassageSyncResult v = passages.sync(CorpusSnapshot.of(corpus), false, null,
          () -> stop.getAsBoolean() || stopping.get());
      if (!v.failures().isEmpty()) {
        throw new IOException(summary + "; " + v.summary() + ": " + v.failures().getFirst());
      }
      return summary + "; " + v.summary();
    });
  }

  /** Whole videos and playlists for the API, read from the corpus on disk. */
  private static VideoSource videos(CorpusStore corpus) {
    return new VideoSource() {
      @Override
      public Optional<Video> video(String id) throws IOException {
        return Video.ID.matcher(id).matches() ? corpus.read(id) : Optional.empty();
      }

      @Override
      public List<Playlist> playlists() throws IOException {
        List<Playlist> out = new ArrayList<>();
        for (String id : corpus.playlistIds()) {
          corpus.readPlaylist(id).ifPresent(out::add);
        }
        return out;
      }
    };
  }

  /**
   * Stops taking requests (those in flight finish), lets a running refresh reach a safe point, then
   * closes the index without committing anything half-done.
   */
  @Override
  public void close() {
    server.close();
    stopping.set(true);
    refresher.close(60);
    try {
      startSync.join(60_000); // it reads no more videos once stopping is set
      if (catchUp != null) {
        catchUp.join(60_000); // it stops after the video it is embedding
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      index.close();
      if (passages != null) {
        passages.close();
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("closing the index failed", e);
    }
  }
}
