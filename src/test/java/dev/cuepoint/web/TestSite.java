package dev.cuepoint.web;

import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.schedule.RefreshTask;
import dev.cuepoint.schedule.Refresher;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A real server on a free port over a real index built from a {@link Library}, serving a copy of the
 * project's {@code web/} folder with test files added under {@code /test/}: a stand-in for YouTube's
 * IFrame API script and thumbnails, since tests have no network.
 */
final class TestSite implements AutoCloseable {
  /** The stand-in for YouTube's IFrame API: a fake player recording calls in window.__player. */
  static final String FAKE_API = "/test/fake-iframe-api.js";

  static final String ADMIN_TOKEN = "web-test-admin-token-0123456789";

  final SearchIndex index;
  final WebServer server;
  final Path web;
  private final PassageIndex passages; // only on a site that searches by meaning

  private TestSite(SearchIndex index, WebServer server, Path web) {
    this(index, server, web, null);
  }

  private TestSite(SearchIndex index, WebServer server, Path web, PassageIndex passages) {
    this.index = index;
    this.server = server;
    this.web = web;
    this.passages = passages;
  }

  /** The page with the fake player. */
  static TestSite start(Path dir, Library library) throws IOException {
    return start(dir, library, library, FAKE_API);
  }

  /** Tests are one client asking hundreds of times a second: the rate limit is far above that. */
  static final RateLimiter.Limit NO_PRACTICAL_LIMIT = new RateLimiter.Limit(100_000, 100_000);

  /** @param youtubeApiUrl where the page loads the player script from */
  static TestSite start(Path dir, Library library, VideoSource videos, String youtubeApiUrl) throws IOException {
    return start(dir, library, videos, youtubeApiUrl, NO_PRACTICAL_LIMIT);
  }

  /** @param searchLimit each client's rate limit on search and suggest */
  static TestSite start(Path dir, Library library, VideoSource videos, String youtubeApiUrl,
      RateLimiter.Limit searchLimit) throws IOException {
    SearchIndex index = SearchIndex.open(dir.resolve("lucene"));
    index.sync(library, false, null);
    Path web = copyOfWeb(dir.resolve("web"));
    // a refresher whose only step syncs the index with the library, and the admin API on
    Refresher refresher = new Refresher(java.util.List.of(),
        RefreshTask.of("index", stop -> index.sync(library, false, null).summary()), null, java.time.Clock.systemUTC());
    WebServer server = new WebServer(index, new SearchService(index), videos,
        new WebServer.Settings("127.0.0.1", 0, web, youtubeApiUrl),
        new WebServer.Operations(refresher, ADMIN_TOKEN, () -> 1234L, false, searchLimit));
    server.start();
    return new TestSite(index, server, web);
  }

  /** Another server on the same index (one writer per index), e.g. with another player script. */
  TestSite alongside(VideoSource videos, String youtubeApiUrl) {
    WebServer other = new WebServer(
        index, new SearchService(index), videos, new WebServer.Settings("127.0.0.1", 0, web, youtubeApiUrl));
    other.start();
    return new TestSite(null, other, web);
  }

  /** Another server on the same index whose search API the pages of {@code corsOrigins} may call. */
  TestSite alongsideWithCors(VideoSource videos, java.util.List<String> corsOrigins) {
    WebServer other = new WebServer(index, new SearchService(index), videos,
        new WebServer.Settings("127.0.0.1", 0, web, FAKE_API, corsOrigins, java.util.List.of()),
        new WebServer.Operations(null, null, () -> null, false, NO_PRACTICAL_LIMIT));
    other.start();
    return new TestSite(null, other, web);
  }

  /**
   * Another server on the same index that also searches by meaning (modes semantic and hybrid): the
   * library's passages embedded by a {@link FakeEmbedder} into {@code vectors}.
   */
  TestSite alongsideWithMeaning(Library library, Path vectors) throws IOException {
    FakeEmbedder embedder = new FakeEmbedder();
    PassageIndex passages = PassageIndex.open(vectors, embedder);
    passages.sync(library, false, null, null);
    WebServer other = new WebServer(index, ModeSearch.of(index, new SearchService(index), passages, embedder), library,
        new WebServer.Settings("127.0.0.1", 0, web, FAKE_API), WebServer.Operations.none());
    other.start();
    return new TestSite(null, other, web, passages);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  private static Path copyOfWeb(Path to) throws IOException {
    Path from = Path.of("web");
    if (!Files.isRegularFile(from.resolve("index.html"))) {
      throw new IllegalStateException("run the tests from the project folder: no web/index.html in "
          + from.toAbsolutePath());
    }
    Files.createDirectories(to);
    // a decoy next to the served folder, for the path traversal tests to try to reach
    Files.writeString(to.resolveSibling("pom.xml"), "<project><modelVersion>decoy</modelVersion></project>");
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path test = Files.createDirectories(to.resolve("test"));
    try (InputStream in = TestSite.class.getResourceAsStream("fake-iframe-api.js")) {
      Files.copy(in, test.resolve("fake-iframe-api.js"));
    }
    String[] colors = {"#0b6e69", "#7a4bb0", "#b0574b", "#4b7ab0"};
    for (int i = 0; i < colors.length; i++) {
      Files.writeString(test.resolve("thumb-" + (i + 1) + ".svg"),
          "<svg xmlns='http://www.w3.org/2000/svg' width='320' height='180'><rect width='320' height='180' fill='"
              + colors[i] + "'/><circle cx='160' cy='90' r='40' fill='white' opacity='.6'/></svg>");
    }
    return to;
  }

  @Override
  public void close() {
    server.close();
    if (passages != null) {
      try {
        passages.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (index != null) {
      try {
        index.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
