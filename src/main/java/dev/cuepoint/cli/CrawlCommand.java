package dev.cuepoint.cli;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.CaptionReader;
import dev.cuepoint.crawl.CaptionTextParser;
import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.crawl.Crawler;
import dev.cuepoint.crawl.OAuthStore;
import dev.cuepoint.crawl.ParsedFile;
import dev.cuepoint.crawl.YouTubeApi;
import dev.cuepoint.index.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint crawl}: playlists, metadata and captions from YouTube into the corpus; then the
 * index is brought up to date. Credentials: the OAuth grant {@code cuepoint auth} stored, else the
 * API key in {@code CUEPOINT_YOUTUBE_API_KEY}; neither is ever printed.
 */
@Command(
    name = "crawl",
    description = {
      "Fetch playlists, video metadata and captions from YouTube into the corpus, then update the index.",
      "Credentials: run 'cuepoint auth' once (needed for captions via the API), or set",
      "CUEPOINT_YOUTUBE_API_KEY. Without --playlist/--channel, the targets of the last crawl."
    },
    mixinStandardHelpOptions = true)
final class CrawlCommand implements Callable<Integer> {
  static final String API_KEY_ENV = "CUEPOINT_YOUTUBE_API_KEY";

  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--playlist", paramLabel = "ID", description = "a playlist to crawl (repeatable)")
  List<String> playlists = new ArrayList<>();

  @Option(names = "--channel", paramLabel = "ID", description = "a channel whose uploads to crawl (repeatable)")
  List<String> channels = new ArrayList<>();

  @Option(
      names = "--captions",
      split = ",",
      paramLabel = "SOURCE",
      description = "caption sources in the order to try them: api, ytdlp-folder, ytdlp"
          + " (default: api, then ytdlp-folder when --ytdlp-folder is given)")
  List<String> captions = new ArrayList<>();

  @Option(names = "--ytdlp-folder", paramLabel = "DIR", description = "a yt-dlp download folder kept current")
  Path ytDlpFolder;

  @Option(names = "--ytdlp-command", paramLabel = "PROGRAM", defaultValue = "yt-dlp",
      description = "the yt-dlp program of source ytdlp; default: ${DEFAULT-VALUE}")
  String ytDlpCommand;

  @Option(names = "--languages", split = ",", paramLabel = "LANG",
      description = "caption languages to fetch, e.g. en,de (default: all the API has; yt-dlp: the video's)")
  List<String> languages = new ArrayList<>();

  @Option(names = "--quota-budget", paramLabel = "UNITS", defaultValue = "10000",
      description = "quota units a Pacific-time day may use; the crawl stops before; default: ${DEFAULT-VALUE}")
  long quotaBudget;

  @Option(names = "--youtube-api-root", paramLabel = "URL",
      defaultValue = "${env:CUEPOINT_YOUTUBE_API_ROOT:-https://youtube.googleapis.com/}",
      description = "where Data API calls go; default: ${DEFAULT-VALUE}")
  String apiRoot;

  @Option(names = "--oauth-token-url", paramLabel = "URL", defaultValue = "${env:CUEPOINT_OAUTH_TOKEN_URL}",
      description = "the OAuth token endpoint (default: the one 'cuepoint auth' used)")
  String tokenUrl;

  @Option(names = "--no-index", description = "only update the corpus; run 'cuepoint index' later")
  boolean noIndex;

  @Option(names = "--wait-for-embeddings",
      description = "embed the new passages for semantic search before exiting (progress on stderr);"
          + " by default keyword search is ready at once and 'cuepoint serve' embeds them in the background")
  boolean waitForEmbeddings;

  private final Map<String, String> env;

  CrawlCommand() {
    this(System.getenv());
  }

  CrawlCommand(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Crawler.Options options = options(playlists, channels, captions, ytDlpFolder, ytDlpCommand, languages,
        quotaBudget);
    Crawler crawler = crawler(data, apiRoot, credentials(data, env, tokenUrl), err);
    CrawlSummary summary;
    try {
      summary = crawler.crawl(options);
    } catch (IllegalArgumentException e) {
      throw new Failures.UsageException(e.getMessage());
    }
    summary.failed().forEach(f -> err.println("failed: " + f.id() + ": " + f.reason()));
    out.println(summary.line());
    int status = summary.failed().isEmpty() && summary.result() != CrawlSummary.Result.FAILED ? 0 : 1;
    if (!noIndex) {
      SyncResult r = IndexCommand.updateKeywords(data, false, err);
      out.println(r.summary()); // keyword search has the new videos from here on
      out.flush();
      status = r.failures().isEmpty() ? status : 1;
      if (!IndexCommand.vectorsAfterFetch(data, waitForEmbeddings, out, err)) {
        status = 1;
      }
    }
    return status;
  }

  /** A crawler of the data directory's corpus through the Data API at {@code apiRoot}. */
  static Crawler crawler(DataDir data, String apiRoot, ApiCredentials credentials, PrintWriter err) {
    YouTubeApi api = new YouTubeApi(new YouTubeApi.Settings(apiRoot, credentials));
    return new Crawler(api, new CorpusStore(data.dir), data.state(), tools(err::println));
  }

  /** What to crawl and how, from the command line or the config file. */
  static Crawler.Options options(List<String> playlists, List<String> channels, List<String> captions,
      Path ytDlpFolder, String ytDlpCommand, List<String> languages, long quotaBudget) {
    List<String> order = new ArrayList<>(captions);
    if (order.isEmpty()) {
      order.add("api");
      if (ytDlpFolder != null) {
        order.add("ytdlp-folder");
      }
    }
    try {
      return new Crawler.Options(
          playlists, channels, order.stream().map(Crawler::source).toList(),
          new LinkedHashSet<>(languages), quotaBudget, ytDlpFolder, List.of(ytDlpCommand));
    } catch (IllegalArgumentException e) {
      throw new Failures.UsageException(e.getMessage());
    }
  }

  /** The stored OAuth grant, else the API key; never printed. */
  static ApiCredentials credentials(DataDir data, Map<String, String> env, String tokenUrl) throws IOException {
    Optional<ApiCredentials.OAuth> oauth = new OAuthStore(data.state()).load();
    if (oauth.isPresent()) {
      return tokenUrl == null || tokenUrl.isBlank() ? oauth.get() : oauth.get().withTokenUrl(tokenUrl);
    }
    String key = env.get(API_KEY_ENV);
    if (key == null || key.isBlank()) {
      throw new Failures.UsageException(
          "no YouTube credentials: set " + API_KEY_ENV + " to an API key of your Google Cloud project"
              + " (YouTube Data API v3 enabled), or run 'cuepoint auth' to sign in");
    }
    return new ApiCredentials.ApiKey(key.strip());
  }

  /** The real parsers, clock and pauses; progress lines to {@code progress}. */
  static Crawler.Tools tools(dev.cuepoint.crawl.CrawlProgress progress) {
    Captions parsers = Captions.standard();
    CaptionTextParser text =
        (t, source) -> parsers.parse(new StringReader(t), parsers.detect(t, source), source);
    CaptionReader files =
        file -> {
          ParsedCaptions p = parsers.read(file);
          return new ParsedFile(p.format(), p.cues());
        };
    return new Crawler.Tools(text, files, null, null, null, progress);
  }
}
