package dev.cuepoint.web;

import dev.cuepoint.captions.Captions;
import dev.cuepoint.captions.ParsedCaptions;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.corpus.Video;
import dev.cuepoint.crawl.FakeSpeechToText;
import dev.cuepoint.crawl.ImportSummary;
import dev.cuepoint.crawl.ParsedFile;
import dev.cuepoint.crawl.Transcriber;
import dev.cuepoint.crawl.YtDlpImporter;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A folder of recordings imported with the fake recogniser into a real corpus and Lucene index, served
 * by a real server whose media folders are the data directory and {@code media}.
 */
final class LocalSite implements AutoCloseable {
  final Path data;
  final CorpusStore store;
  final SearchIndex index;
  final WebServer server;
  final ImportSummary imported;

  private LocalSite(Path data, CorpusStore store, SearchIndex index, WebServer server, ImportSummary imported) {
    this.data = data;
    this.store = store;
    this.index = index;
    this.server = server;
    this.imported = imported;
  }

  /** Imports {@code media} (what each recording says: {@code heard}), indexes it and serves it. */
  static LocalSite start(Path dir, Path media, FakeSpeechToText speech) throws IOException {
    Path data = dir.resolve("data");
    CorpusStore store = new CorpusStore(data);
    Captions parsers = Captions.standard();
    ImportSummary imported;
    try (Transcriber t = new Transcriber(() -> speech)) {
      imported = new YtDlpImporter(store, f -> {
        ParsedCaptions p = parsers.read(f);
        return new ParsedFile(p.format(), p.cues());
      }, t).importFolders(List.of(media));
    }
    SearchIndex index = SearchIndex.open(data.resolve("lucene"));
    reindex(store, index);
    VideoSource videos = VideoSource.of(
        id -> Video.ID.matcher(id).matches() ? store.read(id) : Optional.empty(), List::of);
    WebServer server = new WebServer(index, new SearchService(index), videos,
        new WebServer.Settings("127.0.0.1", 0, Path.of("web"), TestSite.FAKE_API, List.of(), List.of(data, media)));
    server.start();
    return new LocalSite(data, store, index, server, imported);
  }

  /** Brings the index up to date with the corpus (after a test wrote to it). */
  static void reindex(CorpusStore store, SearchIndex index) throws IOException {
    Map<String, Video> all = new LinkedHashMap<>();
    try (var videos = store.all()) {
      videos.forEach(v -> all.put(v.id(), v));
    }
    index.sync(CorpusSnapshot.inMemory(all), false, null);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  @Override
  public void close() throws IOException {
    server.close();
    index.close();
  }
}
