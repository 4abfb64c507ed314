package dev.cuepoint.crawl;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A crawler wired to a {@link FakeYouTube} and a temporary data directory, with the real caption
 * parsers, a clock the test moves, and pauses that are recorded instead of waited.
 */
final class CrawlRig implements AutoCloseable {
  final FakeYouTube fake = new FakeYouTube();
  final Path data;
  final CorpusStore store;
  final TestClock clock = new TestClock(Instant.parse("2026-05-04T18:00:00Z"));
  final List<Duration> pauses = new ArrayList<>();
  final List<String> progress = new ArrayList<>();
  Duration readTimeout = Duration.ofMillis(700);

  CrawlRig(Path data) {
    this.data = data;
    this.store = new CorpusStore(data);
  }

  static ApiCredentials.OAuth oauth(FakeYouTube fake) {
    return new ApiCredentials.OAuth(
        FakeYouTube.CLIENT_ID, FakeYouTube.CLIENT_SECRET, FakeYouTube.REFRESH_TOKEN, fake.tokenUrl());
  }

  ApiCredentials.OAuth oauth() {
    return oauth(fake);
  }

  YouTubeApi api(ApiCredentials credentials) {
    return new YouTubeApi(new YouTubeApi.Settings(fake.root(), credentials, Duration.ofSeconds(2), readTimeout));
  }

  Crawler crawler(YouTubeApi api) {
    return new Crawler(api, store, data.resolve("state"), tools());
  }

  Crawler.Tools tools() {
    Captions parsers = Captions.standard();
    CaptionTextParser text = (t, source) -> parsers.parse(new StringReader(t), parsers.detect(t, source), source);
    CaptionReader files = file -> {
      ParsedCaptions p = parsers.read(file);
      return new ParsedFile(p.format(), p.cues());
    };
    RandomGenerator random = new SplittableRandom(7);
    return new Crawler.Tools(text, files, clock, pauses::add, random, progress::add);
  }

  /** Crawls the course playlist with the API captions, OAuth, and the default budget. */
  CrawlSummary crawl() throws IOException {
    return crawler(api(oauth())).crawl(options(List.of(CaptionSourceKind.API), QuotaMeter.DEFAULT_BUDGET));
  }

  static Crawler.Options options(List<CaptionSourceKind> sources, long budget) {
    return new Crawler.Options(List.of(Lectures.PLAYLIST), List.of(), sources, Set.of(), budget, null, null);
  }

  Video video(String id) throws IOException {
    Optional<Video> v = store.read(id);
    return v.orElseThrow(() -> new AssertionError("video " + id + " is not in the corpus"));
  }

  CrawlState state() throws IOException {
    return new CrawlStateStore(data.resolve("state")).load();
  }

  @Override
  public void close() {
    fake.close();
  }

  /** A clock the test sets. */
  static final class TestClock extends Clock {
    private Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      TestClock self = this;
      return new Clock() {
        @Override
        public ZoneId getZone() {
          return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
          return self.withZone(z);
        }

        @Override
        public Instant instant() {
          return self.now;
        }
      };
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
