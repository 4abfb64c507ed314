package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.crawl.Crawler;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SyncResult;
import dev.cuepoint.schedule.RefreshTask;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.schedule.Schedule;
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
  final SearchIndex index;
  final Refresher refresher;
  final WebServer server;

  private Service(SearchIndex index, Refresher refresher, WebServer server) {
    this.index = index;
    this.refresher = refresher;
    this.server = server;
  }

  /** Opens the index (catching up with the corpus), starts the web server and the schedule. */
  static Service start(DataDir data, Config settings, Path web, java.util.Map<String, String> env, PrintWriter out,
      PrintWriter err) throws IOException {
    Schedule schedule = settings.refresh() == null ? null : schedule(settings.refresh());
    CorpusStore corpus = new CorpusStore(data.dir);
    SearchIndex index = SearchIndex.open(data.lucene());
    try {
      SyncResult synced = index.sync(CorpusSnapshot.of(corpus), false, err::println);
      if (synced.changed()) {
        out.println(synced.summary());
      }
      Refresher refresher = new Refresher(sources(data, settings, env, err), indexStep(index, corpus), schedule,
          Clock.systemDefaultZone());
      WebServer.Operations ops = new WebServer.Operations(refresher, settings.adminToken(),
          () -> quotaUsedToday(data), settings.accessLog(), settings.searchLimit());
      WebServer server = new WebServer(index, new SearchService(index), videos(corpus),
          new WebServer.Settings(settings.host(), settings.port(), web, null), ops).start();
      refresher.startSchedule();
      return new Service(index, refresher, server);
    } catch (RuntimeException | IOException e) {
      index.close();
      throw e;
    }
  }

  private static Long quotaUsedToday(DataDir data) {
    try {
      return Crawler.quotaUsedToday(data.state(), Clock.systemUTC());
    } catch (IOException e) {
      return null; // no readable crawl state: unknown, which the status says as null
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
      PrintWriter err) throws IOException {
    List<RefreshTask> out = new ArrayList<>();
    if (!settings.playlists().isEmpty() || !settings.channels().isEmpty()) {
      String root = settings.youtubeApiRoot() != null ? settings.youtubeApiRoot()
          : env.getOrDefault("CUEPOINT_YOUTUBE_API_ROOT", "https://youtube.googleapis.com/");
      // checked now, so that missing credentials stop the start, not every refresh
      ApiCredentials credentials = CrawlCommand.credentials(data, env, env.get("CUEPOINT_OAUTH_TOKEN_URL"));
      Crawler.Options options = CrawlCommand.options(settings.playlists(), settings.channels(),
          settings.captionSources(), settings.ytdlpFolders().isEmpty() ? null : settings.ytdlpFolders().getFirst(),
          "yt-dlp", settings.languages(), settings.quotaBudget());
      out.add(RefreshTask.of("crawl", stop -> {
        CrawlSummary summary = CrawlCommand.crawler(data, root, credentials, err).crawl(options);
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

  /** The last refresh step: the index follows the corpus; searchers switch over at its commit. */
  private static RefreshTask indexStep(SearchIndex index, CorpusStore corpus) {
    return RefreshTask.of("index", stop -> index.sync(CorpusSnapshot.of(corpus), false, null).summary());
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
    refresher.close(60);
    try {
      index.close();
    } catch (IOException e) {
      System.err.println("cuepoint serve: closing the index failed: " + e.getMessage());
    }
  }
}
