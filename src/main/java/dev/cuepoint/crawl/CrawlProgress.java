package dev.cuepoint.crawl;

/** Where the crawler tells how far it has got; the CLI prints these lines to stderr. */
@FunctionalInterface
public interface CrawlProgress {
  CrawlProgress NONE = line -> {};

  void line(String line);
}
