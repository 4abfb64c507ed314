package dev.cuepoint.cli;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.asr.Recognizers;
import dev.cuepoint.crawl.Transcriber;
import dev.cuepoint.crawl.ApiCredentials;
import dev.cuepoint.crawl.CaptionReader;
import dev.cuepoint.crawl.CaptionTextParser;
import dev.cuepoint.crawl.CrawlSummary;
import dev.cuepoint.crawl.Crawler;
import dev.cuepoint.crawl.OAuthStore;
import dev.cuepoint.crawl.ParsedFile;
import dev.cuepoint.crawl.TimedTextSettings;
import dev.cuepoint.crawl.YouTubeApi;
import dev.cuepoint.crawl.YouTubeTargets;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
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
      "Credentials: CUEPOINT_YOUTUBE_API_KEY is enough for public playlists (captions come from",
      "youtube.com's player, source timedtext); 'cuepoint auth' adds the API captions of your own videos.",
      "Without --playlist/--channel, the targets of the last crawl. Exit status: 0 done, 1 some videos",
      "failed or the crawl stopped early (blocked, quota; run it again later), 2 bad command line."
    },
    mixinStandardHelpOptions = true)
final class CrawlCommand implements Callable<Integer> {
  static final String API_KEY_ENV = "CUEPOINT_YOUTUBE_API_KEY";

  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--playlist", paramLabel = "ID|URL",
      description = "a playlist to crawl: its id or address (…/playlist?list=PL…); repeatable")
  List<String> playlists = new ArrayList<>();

  @Option(names = "--channel", paramLabel = "ID|URL",
      description = "a channel whose uploads to crawl: UC…, @handle, or its address; repeatable")
  List<String> channels = new ArrayList<>();

  @Option(
      names = "--captions",
      split = ",",
      paramLabel = "SOURCE",
      description = "caption sources in the order to try them: api, timedtext, ytdlp-folder, ytdlp, asr"
          + " (default: api when 'cuepoint auth' was run, timedtext, ytdlp-folder when --ytdlp-folder is given,"
          + " ytdlp when yt-dlp is on the PATH, asr with --asr)")
  List<String> captions = new ArrayList<>();

  @Option(names = "--asr",
      description = "end the default caption sources with asr: a video with no captions anywhere has its audio"
          + " fetched with yt-dlp and transcribed by Cuepoint (setting asrCaptions, env CUEPOINT_ASR_CAPTIONS)")
  boolean asr;

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

  @Option(names = "--youtube-web-root", paramLabel = "URL",
      defaultValue = "${env:CUEPOINT_YOUTUBE_WEB_ROOT:-https://www.youtube.com/}",
      description = "where source timedtext asks for captions (env CUEPOINT_YOUTUBE_WEB_ROOT); default: ${DEFAULT-VALUE}")
  String webRoot;

  @Option(names = "--proxy", paramLabel = "URL", defaultValue = "${env:CUEPOINT_PROXY}",
      description = "HTTP(S) proxy for source timedtext, e.g. http://user:password@host:3128 (env CUEPOINT_PROXY)")
  String proxy;

  @Option(names = "--cookies", paramLabel = "FILE",
      description = "a Netscape cookies.txt sent to youtube.com by source timedtext (see the README for the risk)")
  Path cookies;

  @Option(names = "--timedtext-delay", paramLabel = "DURATION", defaultValue = "${env:CUEPOINT_TIMEDTEXT_DELAY:-2s}",
      description = "pause between requests to youtube.com, plus up to half again at random, e.g. 500ms, 2s"
          + " (env CUEPOINT_TIMEDTEXT_DELAY); default: ${DEFAULT-VALUE}")
  String timedtextDelay;

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
    checkDataDir(data);
    checkUrl("--youtube-api-root", apiRoot);
    TimedTextSettings web = timedText(webRoot, proxy, cookies, timedtextDelay);
    ApiCredentials credentials = credentials(data, env, tokenUrl);
    SpeechSettings speech = Config.speech(data.config, data.dir, env, asr ? Map.of("asrCaptions", "true") : Map.of());
    Crawler.Options options = options(targets(playlists, YouTubeTargets::playlist),
        targets(channels, YouTubeTargets::channel), captions, ytDlpFolder, ytDlpCommand, languages,
        quotaBudget, credentials instanceof ApiCredentials.OAuth, web, speech.asrCaptions());
    Crawler crawler = crawler(data, apiRoot, credentials, err);
    CrawlSummary summary;
    try {
      summary = crawler.crawl(options);
    } catch (IllegalArgumentException e) {
      throw new Failures.UsageException(e.getMessage());
    }
    summary.failed().forEach(f -> err.println("failed: " + f.id() + ": " + f.reason()));
    out.println(summary.line());
    // stopped early (blocked, quota) is not done: a script or timer should know to run it again
    int status = summary.failed().isEmpty() && summary.result() == CrawlSummary.Result.COMPLETE ? 0 : 1;
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

  /**
   * A crawler of the data directory's corpus through the Data API at {@code apiRoot}; caption source
   * asr loads Cuepoint's recogniser when a video first needs it, on {@code asrThreads} cores.
   */
  static Crawler crawler(DataDir data, String apiRoot, ApiCredentials credentials, PrintWriter err) {
    YouTubeApi api = new YouTubeApi(new YouTubeApi.Settings(apiRoot, credentials));
    Transcriber speech = new Transcriber(() -> Recognizers.open(data.dir,
        Config.speech(data.config, data.dir, System.getenv(), Map.of()).asrThreads()));
    return new Crawler(api, new CorpusStore(data.dir), data.state(), tools(err::println).withSpeech(speech, null));
  }

  /** What to crawl and how, from the command line or the config file. */
  static Crawler.Options options(List<String> playlists, List<String> channels, List<String> captions,
      Path ytDlpFolder, String ytDlpCommand, List<String> languages, long quotaBudget, boolean oauth,
      TimedTextSettings web) {
    return options(playlists, channels, captions, ytDlpFolder, ytDlpCommand, languages, quotaBudget, oauth, web, false);
  }

  /** As above; {@code asr}: the default order ends with caption source asr. */
  static Crawler.Options options(List<String> playlists, List<String> channels, List<String> captions,
      Path ytDlpFolder, String ytDlpCommand, List<String> languages, long quotaBudget, boolean oauth,
      TimedTextSettings web, boolean asr) {
    List<String> order = new ArrayList<>(captions);
    if (order.isEmpty()) {
      // captions.list answers only the videos' owner: without OAuth it is never worth a call
      if (oauth) {
        order.add("api");
      }
      order.add("timedtext");
      if (ytDlpFolder != null) {
        order.add("ytdlp-folder");
      }
      if (onPath(ytDlpCommand)) {
        order.add("ytdlp");
      }
      if (asr) {
        order.add("asr"); // skipped per video, saying why, when yt-dlp is not installed
      }
    }
    try {
      return new Crawler.Options(
          playlists, channels, order.stream().map(Crawler::source).toList(),
          new LinkedHashSet<>(languages), quotaBudget, ytDlpFolder, List.of(ytDlpCommand), web);
    } catch (IllegalArgumentException e) {
      throw new Failures.UsageException(e.getMessage());
    }
  }

  /** Ids from ids or addresses, or a usage error naming the bad one. */
  static List<String> targets(List<String> given, java.util.function.UnaryOperator<String> parse) {
    try {
      return given.stream().map(parse).toList();
    } catch (IllegalArgumentException e) {
      throw new Failures.UsageException(e.getMessage());
    }
  }

  /** Whether {@code program} is a path to a program, or a program on the PATH. */
  static boolean onPath(String program) {
    if (program == null || program.isBlank()) {
      return false;
    }
    if (program.contains("/")) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv("PATH");
    return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .filter(d -> !d.isBlank())
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  /** The data directory must be a folder or not exist yet: never the current folder by accident. */
  static void checkDataDir(DataDir data) {
    if (data.dir == null || data.dir.toString().isBlank()) {
      throw new Failures.UsageException("--data is empty: name the data directory, e.g. --data index");
    }
    if (Files.exists(data.dir) && !Files.isDirectory(data.dir)) {
      throw new Failures.UsageException("--data " + data.dir + " is a file, not a directory: name a directory");
    }
  }

  /** An http(s) URL with a host and a valid port, or a usage error naming the option. */
  static void checkUrl(String option, String url) {
    try {
      URI u = new URI(url);
      if (u.getHost() == null || !("http".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
        throw new URISyntaxException(url, "not an http(s) URL with a host and, if any, a numeric port");
      }
    } catch (URISyntaxException e) {
      throw new Failures.UsageException(option + " '" + url + "' is not a valid URL: "
          + e.getReason() + "; e.g. http://127.0.0.1:8080/");
    }
  }

  /** The settings of source timedtext, checked; a usage error names the bad one. */
  static TimedTextSettings timedText(String webRoot, String proxy, Path cookies, String delay) {
    checkUrl("--youtube-web-root", webRoot);
    if (proxy != null && !proxy.isBlank()) {
      checkUrl("--proxy", proxy);
    }
    if (cookies != null && !Files.isRegularFile(cookies)) {
      throw new Failures.UsageException("--cookies " + cookies + " is not a file: export cookies.txt from a browser");
    }
    try {
      return new TimedTextSettings(URI.create(webRoot), proxy == null || proxy.isBlank() ? null : URI.create(proxy),
          cookies, Durations.parse(delay));
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
