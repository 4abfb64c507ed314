package dev.cuepoint.index;

import dev.cuepoint.corpus.AtomicFiles;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passages of every video with their sentence-embedding vectors, in a Lucene index of its own
 * under {@code <data>/vectors/lucene} (HNSW graph over {@link Fields#VECTOR}), beside the keyword
 * index. Follows the corpus like {@link SearchIndex}: {@link #sync} rewrites only videos whose corpus
 * entry changed, and vectors come from the {@link EmbeddingCache} when the passage text was embedded
 * before, so only new text costs model time. Commits every {@link #COMMIT_EVERY} videos, so a long
 * first embedding shows up in searches as it goes and a crash loses little (the cache keeps the vectors);
 * also every {@link #COMMIT_SECONDS} seconds, since 200 videos of an hour's lectures take minutes to embed.
 * {@link #progress()} tells how far it is, from counters the sync keeps.
 */
public final class PassageIndex implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PassageIndex.class);

  /** Bumped when passages are cut or stored differently; videos indexed under another layout are redone. */
  public static final int LAYOUT = 2;

  static final int COMMIT_EVERY = 200;

  /** At most this long between commits while embedding: what a kill loses, and how often status moves. */
  static final long COMMIT_SECONDS = 30;

  private static final String VIDEO = "video";
  private static final String PASSAGE = "passage";

  private final Path path;
  private final Directory directory;
  // null when read-only; replaced by the next sync after one failed (a full disk)
  private volatile IndexWriter writer;
  private volatile boolean closed;
  private final SearcherManager searchers;
  private final Embedder embedder; // null when read-only
  private final EmbeddingCache cache; // null when read-only
  private volatile PassageProgress progress;
  private volatile Path movedAside; // where a damaged index found at open went, or null

  private PassageIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
      Embedder embedder, EmbeddingCache cache) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
    this.embedder = embedder;
    this.cache = cache;
    this.progress = PassageProgress.unknown(embedder == null ? null : embedder.id());
  }

  /**
   * Opens (creating) the passage index in {@code dir/lucene} for writing, with its embedding cache in
   * {@code dir}.
   */
  public static PassageIndex open(Path dir, Embedder embedder) throws IOException {
    Path path = dir.resolve("lucene");
    Path aside = IndexRepair.moveAsideIfDamaged(path, "passage index");
    PassageIndex index;
    try {
      index = openWriter(dir, path, embedder);
    } catch (IOException e) {
      if (!IndexRepair.isDamage(e) || aside != null) {
        throw e;
      }
      aside = IndexRepair.moveAside(path, "passage index", e.toString());
      index = openWriter(dir, path, embedder);
    }
    index.movedAside = aside;
    return index;
  }

  private static PassageIndex openWriter(Path dir, Path path, Embedder embedder) throws IOException {
    Files.createDirectories(path);
    Directory d = FSDirectory.open(path);
    IndexWriter writer = newWriter(path, d);
    try {
      if (!DirectoryReader.indexExists(d)) {
        writer.commit();
      }
      EmbeddingCache cache = EmbeddingCache.open(dir, embedder);
      // searchers read commits, not the writer (nothing is seen before a commit anyway), so they
      // outlive a writer a failed sync closed
      return new PassageIndex(path, d, writer, new SearcherManager(d, null), embedder, cache);
    } catch (IOException | RuntimeException e) {
      writer.close();
      d.close();
      if (e instanceof IOException io) {
        throw AtomicFiles.NoSpaceException.ifFull(path, io);
      }
      throw e;
    }
  }

  private static IndexWriter newWriter(Path path, Directory d) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig();
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCommitOnClose(false);
    config.setRAMBufferSizeMB(64);
    try {
      return new IndexWriter(d, config);
    } catch (LockObtainFailedException e) {
      d.close();
      throw new SearchIndex.IndexLockedException(path, e);
    }
  }

  /** Opens an existing passage index for searching only (works while another process writes it). */
  public static PassageIndex openReadOnly(Path dir) throws IOException {
    Path path = dir.resolve("lucene");
    if (!Files.isDirectory(path)) {
      throw new IOException(noIndex(path));
    }
    Directory d = FSDirectory.open(path);
    if (!DirectoryReader.indexExists(d)) {
      d.close();
      throw new IOException(noIndex(path));
    }
    return new PassageIndex(path, d, null, new SearcherManager(d, null), null, null);
  }

  private static String noIndex(Path path) {
    return "no passage vectors at " + path + ": run 'cuepoint index' (with embeddings on) first";
  }

  public Path path() {
    return path;
  }

  /**
   * Where the damaged passage index this open found was moved to, or null. Its passages are written
   * again by the next {@link #sync}; their vectors mostly come from the embedding cache.
   */
  public Path movedAside() {
    return movedAside;
  }

  public IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  public void release(IndexSearcher s) throws IOException {
    searchers.release(s);
  }

  /** A passage near a query vector: its video, time span, text, language, caption kind, and cosine. */
  public record Nearest(String videoId, long startMs, long endMs, String text, String lang, String kind,
      float cosine) {}

  private static final java.util.Set<String> NEAREST_FIELDS =
      java.util.Set.of(Fields.ID, Fields.START_MS, Fields.END_MS, Fields.PASSAGE, Fields.LANG, Fields.CAPTIONS);

  /**
   * The {@code k} passages nearest {@code vector} (HNSW graph; exact when the filter leaves few) that
   * pass {@code filter} (the keyword index's fields: id, playlist, languages, dates; null for none),
   * nearest first.
   */
  public java.util.List<Nearest> nearest(float[] vector, int k, SearchQuery filter) throws IOException {
    org.apache.lucene.search.Query f = filter == null ? null : new LuceneQueryTranslator().toLucene(filter);
    org.apache.lucene.search.Query knn =
        new org.apache.lucene.search.KnnFloatVectorQuery(Fields.VECTOR, vector, k, f);
    IndexSearcher s = acquire();
    try {
      java.util.List<Nearest> out = new java.util.ArrayList<>();
      for (org.apache.lucene.search.ScoreDoc sd : s.search(knn, k).scoreDocs) {
        org.apache.lucene.document.Document d = s.storedFields().document(sd.doc, NEAREST_FIELDS);
        // Lucene scores a dot product of unit vectors as (1 + cos) / 2; the cosine reads better
        out.add(new Nearest(d.get(Fields.ID), d.getField(Fields.START_MS).numericValue().longValue(),
            d.getField(Fields.END_MS).numericValue().longValue(), d.get(Fields.PASSAGE), d.get(Fields.LANG),
            d.get(Fields.CAPTIONS), 2 * sd.score - 1));
      }
      return out;
    } finally {
      release(s);
    }
  }

  /** An object that stays equal while the passages stay the same (see {@link KeywordIndex#state()}). */
  public Object state() throws IOException {
    return SearchIndex.readerKey(searchers);
  }

  /** Picks up commits of another process (read-only mode). */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Bytes of the passage index and the embedding cache on disk. */
  public long sizeOnDisk() throws IOException {
    long sum = 0;
    for (String f : directory.listAll()) {
      try {
        sum += directory.fileLength(f);
      } catch (java.nio.file.NoSuchFileException e) {
        // merged away while we listed
      }
    }
    return sum + (cache == null ? 0 : cache.bytes());
  }

  /** How far this index is with the corpus, as the last (or the running) sync of this process counted. */
  public PassageProgress progress() {
    return progress;
  }

  /**
   * What a sync would do now, without doing it (works read-only too).
   *
   * @param videos videos whose passages are to be written: new to the index, or changed
   * @param passages the passages of those videos; -1 when not counted
   * @param removed videos to take out: they left the corpus
   */
  public record Backlog(int videos, int passages, int removed) {
    public boolean empty() {
      return videos == 0 && removed == 0;
    }
  }

  /**
   * What the index lacks of the corpus for {@code embedder}'s vectors; with {@code countPassages} the
   * pending videos are read and cut into passages to count them (no model time), else only compared by
   * fingerprint.
   */
  public Backlog backlog(CorpusSnapshot corpus, Embedder embedder, boolean countPassages) throws IOException {
    Map<String, String> wanted = wanted(corpus, embedder);
    Map<String, String> have = indexed();
    List<String> todo = todo(wanted, have);
    int removed = (int) have.keySet().stream().filter(id -> !wanted.containsKey(id)).count();
    int passages = -1;
    if (countPassages) {
      passages = 0;
      for (String id : todo) {
        passages += countPassages(corpus, id, embedder);
      }
    }
    return new Backlog(todo.size(), passages, removed);
  }

  private static Map<String, String> wanted(CorpusSnapshot corpus, Embedder embedder) throws IOException {
    Map<String, String> wanted = new HashMap<>();
    corpus.fingerprints().forEach((id, print) -> wanted.put(id, print + "|" + embedder.id() + "|" + LAYOUT));
    return wanted;
  }

  /** Ids whose passages are to be written, in the order a sync writes them. */
  private static List<String> todo(Map<String, String> wanted, Map<String, String> have) {
    return new java.util.TreeSet<>(wanted.keySet()).stream().filter(id -> !wanted.get(id).equals(have.get(id))).toList();
  }

  /** Passages a video will have (0 when it cannot be read: the sync reports that failure). */
  private static int countPassages(CorpusSnapshot corpus, String id, Embedder embedder) {
    try {
      int n = 0;
      for (Transcript t : embeddable(corpus.load(id), embedder)) {
        n += Passages.of(t.cues()).size();
      }
      return n;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Passages of one video in the index. */
  private int passagesOf(IndexSearcher s, String id) throws IOException {
    return s.count(new org.apache.lucene.search.BooleanQuery.Builder()
        .add(new TermQuery(new Term(Fields.ID, id)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Fields.DOC_TYPE, PASSAGE)), org.apache.lucene.search.BooleanClause.Occur.FILTER)
        .build());
  }

  /** Passages in the index that belong to videos whose entry is current: those not about to be rewritten. */
  private int currentPassages(Map<String, String> wanted, Map<String, String> have) throws IOException {
    IndexSearcher s = acquire();
    try {
      int n = s.count(new TermQuery(new Term(Fields.DOC_TYPE, PASSAGE)));
      for (Map.Entry<String, String> e : have.entrySet()) {
        if (!e.getValue().equals(wanted.get(e.getKey()))) {
          n -= passagesOf(s, e.getKey());
        }
      }
      return n;
    } finally {
      release(s);
    }
  }

  /** The passages of a video that are embedded: its searchable transcripts in languages the model knows. */
  public static List<Transcript> embeddable(Video v, Embedder embedder) {
    return VideoDocuments.searchable(v.transcripts()).stream().filter(t -> embedder.handles(t.language())).toList();
  }

  /**
   * Brings the passage index in line with the corpus (see the class comment). With {@code rebuild}
   * every video's passages are written again (their vectors still come from the cache).
   */
  public synchronized PassageSyncResult sync(CorpusSnapshot corpus, boolean rebuild, Consumer<String> progress,
      BooleanSupplier stop) throws IOException {
    if (writer == null) {
      throw new IllegalStateException("passage index opened read-only");
    }
    if (!writer.isOpen()) {
      if (closed) {
        throw new AlreadyClosedException("the passage index in " + path + " is closed");
      }
      writer = newWriter(path, directory); // the last sync failed: go on from the last commit
    }
    try {
      return syncOpen(corpus, rebuild, progress, stop);
    } catch (IOException | RuntimeException e) {
      // A full disk closes Lucene's writer for good: drop what was written since the last commit (the
      // commits made so far stay, searches go on from them) and open a new writer on the next sync.
      try {
        writer.rollback();
      } catch (IOException | RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      if (AtomicFiles.NoSpaceException.isNoSpace(e)) {
        throw e instanceof AtomicFiles.NoSpaceException full ? full
            : new AtomicFiles.NoSpaceException(path.getParent(), e);
      }
      throw e;
    }
  }

  private PassageSyncResult syncOpen(CorpusSnapshot corpus, boolean rebuild, Consumer<String> progress,
      BooleanSupplier stop) throws IOException {
    long t0 = System.nanoTime();
    Map<String, String> wanted = wanted(corpus, embedder);
    Map<String, String> have = rebuild ? Map.of() : indexed();
    // the counters progress() reads: what the corpus has and what is in the index, counted once here
    Counter counter = new Counter(rebuild ? 0 : currentPassages(wanted, have));
    List<String> pending = todo(wanted, have);
    Map<String, Integer> expected = new HashMap<>();
    for (String id : pending) {
      expected.put(id, countPassages(corpus, id, embedder));
    }
    if (rebuild) {
      writer.deleteAll();
    }
    counter.start(pending.size(), expected.values().stream().mapToInt(Integer::intValue).sum());
    int added = 0, updated = 0, unchanged = 0, deleted = 0, passages = 0, embedded = 0, done = 0;
    boolean stopped = false;
    List<String> failures = new ArrayList<>();
    long lastReport = System.nanoTime();
    long lastCommit = System.nanoTime();
    int todo = pending.size();
    if (progress != null && todo > 0) {
      progress.accept("embedding %,d passages of %,d videos…".formatted(counter.toWrite, todo));
    }
    try {
      for (String id : new java.util.TreeSet<>(wanted.keySet())) {
        String print = wanted.get(id);
        String old = have.get(id);
        if (print.equals(old)) {
          unchanged++;
          continue;
        }
        if (stop != null && stop.getAsBoolean()) {
          stopped = true;
          break;
        }
        try {
          Video v = corpus.load(id);
          int[] counts = new int[2];
          writer.updateDocuments(new Term(Fields.ID, id), documents(v, print, counts));
          passages += counts[0];
          embedded += counts[1];
          counter.wrote(counts[0], expected.getOrDefault(id, 0));
          if (old == null) {
            added++;
          } else {
            updated++;
          }
        } catch (Embedder.ShuttingDown ex) {
          stopped = true; // the process is stopping: what is written so far is committed below
          break;
        } catch (IOException | RuntimeException ex) {
          if (AtomicFiles.NoSpaceException.isNoSpace(ex) || ex instanceof AlreadyClosedException) {
            throw ex; // the index's failure, not this video's: every later video would fail the same way
          }
          failures.add(id + ": " + ex.getMessage());
          if (ex instanceof RuntimeException) {
            LOG.warn("passages of video {} not indexed", id, ex); // a bug or the model: the stack says which
          } else {
            LOG.warn("passages of video {} not indexed: {}", id, ex.getMessage());
          }
        }
        done++;
        if (done % COMMIT_EVERY == 0 || System.nanoTime() - lastCommit > COMMIT_SECONDS * 1_000_000_000L) {
          commit();
          counter.committed();
          lastCommit = System.nanoTime();
        }
        if (progress != null && System.nanoTime() - lastReport > 5_000_000_000L) {
          progress.accept(this.progress.line());
          lastReport = System.nanoTime();
        }
      }
      if (!stopped) {
        for (String id : have.keySet()) {
          if (!wanted.containsKey(id)) {
            writer.deleteDocuments(new Term(Fields.ID, id));
            deleted++;
          }
        }
      }
      commit();
      counter.committed();
    } finally {
      counter.stop();
    }
    if (!stopped && failures.isEmpty() && cache.size() > 2L * count(PASSAGE) + 1024) {
      int dropped = cache.compact(liveHashes());
      if (dropped > 0) {
        LOG.info("embedding cache: dropped {} vectors of text no longer in the corpus", dropped);
      }
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new PassageSyncResult(added, updated, deleted, unchanged, passages, embedded, failures, stopped, ms);
  }

  /** Keeps {@link #progress} while a sync runs; only the sync's thread calls it. */
  private final class Counter {
    private final int current; // passages in the index of videos that stay as they are
    private int passages; // passages the corpus has
    private int pendingVideos;
    private int committed; // passages written and committed by this sync
    private int uncommitted;
    private int written;
    int toWrite;
    private long t0;
    private boolean running;

    Counter(int current) {
      this.current = current;
    }

    void start(int videos, int passagesToWrite) {
      pendingVideos = videos;
      toWrite = passagesToWrite;
      passages = current + passagesToWrite;
      t0 = System.nanoTime();
      running = true;
      publish();
    }

    /** A video's passages written; {@code expected} is what the count before said it would have. */
    void wrote(int n, int expected) {
      written += n;
      uncommitted += n;
      passages += n - expected; // its corpus entry changed since the count
      toWrite += n - expected;
      pendingVideos--;
      publish();
    }

    void committed() {
      committed += uncommitted;
      uncommitted = 0;
      publish();
    }

    void stop() {
      running = false;
      publish();
    }

    private void publish() {
      double seconds = (System.nanoTime() - t0) / 1e9;
      progress = new PassageProgress(embedder.id(), passages, current + committed, pendingVideos, running, written,
          toWrite, seconds > 0 ? written / seconds : 0);
    }
  }

  private void commit() throws IOException {
    cache.flush(); // vectors first: the index must never name a passage whose vector a crash could lose
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  /** The documents of one video: its marker, then one per passage; counts[0] passages, counts[1] embedded. */
  private List<Document> documents(Video v, String print, int[] counts) throws IOException {
    List<Document> docs = new ArrayList<>();
    Document marker = new Document();
    marker.add(new StringField(Fields.ID, v.id(), Field.Store.YES));
    marker.add(new StringField(Fields.DOC_TYPE, VIDEO, Field.Store.NO));
    marker.add(new StoredField(Fields.PASSAGES_OF, print));
    docs.add(marker);
    for (Transcript t : embeddable(v, embedder)) {
      List<Passage> ps = Passages.of(t.cues());
      List<float[]> vectors = vectors(ps, counts);
      for (int i = 0; i < ps.size(); i++) {
        docs.add(passage(v, t, ps.get(i), vectors.get(i)));
      }
      counts[0] += ps.size();
    }
    return docs;
  }

  /** Vectors of the passages: from the cache, the rest embedded in one batch and cached. */
  private List<float[]> vectors(List<Passage> ps, int[] counts) throws IOException {
    List<float[]> out = new ArrayList<>(ps.size());
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      float[] v = cache.get(EmbeddingCache.Hash.of(ps.get(i).text()));
      out.add(v);
      if (v == null) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> fresh = embedder.embed(missing.stream().map(i -> ps.get(i).text()).toList());
      for (int k = 0; k < missing.size(); k++) {
        int i = missing.get(k);
        cache.put(EmbeddingCache.Hash.of(ps.get(i).text()), fresh.get(k));
        out.set(i, fresh.get(k));
      }
      counts[1] += missing.size();
    }
    return out;
  }

  private static Document passage(Video v, Transcript t, Passage p, float[] vector) {
    Document d = new Document();
    d.add(new StringField(Fields.ID, v.id(), Field.Store.YES));
    d.add(new StringField(Fields.DOC_TYPE, PASSAGE, Field.Store.NO));
    d.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
    d.add(new StoredField(Fields.START_MS, p.startMs()));
    d.add(new StoredField(Fields.END_MS, p.endMs()));
    d.add(new StoredField(Fields.PASSAGE, p.text()));
    d.add(new StringField(Fields.LANG, t.language(), Field.Store.YES));
    d.add(new StringField(Fields.LANG_PRIMARY, Languages.primary(t.language()), Field.Store.NO));
    d.add(new StoredField(Fields.CAPTIONS, t.kind().json()));
    for (PlaylistEntry pl : v.playlists()) {
      d.add(new StringField(Fields.PLAYLIST, pl.playlistId(), Field.Store.NO));
    }
    if (v.publishedAt() != null) {
      d.add(new LongPoint(Fields.PUBLISHED, v.publishedAt().toEpochMilli()));
    }
    return d;
  }

  /** Video id → passages fingerprint, from the video documents. */
  private Map<String, String> indexed() throws IOException {
    Map<String, String> out = new HashMap<>();
    IndexSearcher s = acquire();
    try {
      int n = Math.max(1, s.getIndexReader().numDocs());
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Fields.DOC_TYPE, VIDEO)), n).scoreDocs) {
        Document d = s.storedFields().document(sd.doc, Set.of(Fields.ID, Fields.PASSAGES_OF));
        out.put(d.get(Fields.ID), d.get(Fields.PASSAGES_OF));
      }
    } finally {
      release(s);
    }
    return out;
  }

  private int count(String type) throws IOException {
    IndexSearcher s = acquire();
    try {
      return s.count(new TermQuery(new Term(Fields.DOC_TYPE, type)));
    } finally {
      release(s);
    }
  }

  /** Passages in the index (as last committed). */
  public int passages() throws IOException {
    return count(PASSAGE);
  }

  /** Hashes of every passage text in the index: the vectors the cache must keep. */
  private Set<EmbeddingCache.Hash> liveHashes() throws IOException {
    Set<EmbeddingCache.Hash> out = new HashSet<>();
    IndexSearcher s = acquire();
    try {
      int n = Math.max(1, s.getIndexReader().numDocs());
      for (ScoreDoc sd : s.search(new TermQuery(new Term(Fields.DOC_TYPE, PASSAGE)), n).scoreDocs) {
        out.add(EmbeddingCache.Hash.of(s.storedFields().document(sd.doc, Set.of(Fields.PASSAGE)).get(Fields.PASSAGE)));
      }
    } finally {
      release(s);
    }
    return out;
  }

  /** Vectors in the embedding cache. */
  public int cachedVectors() {
    return cache == null ? 0 : cache.size();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
      if (cache != null) {
        cache.close();
      }
    } finally {
      directory.close();
    }
  }
}
