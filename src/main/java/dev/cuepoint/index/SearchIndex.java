package dev.cuepoint.index;

import dev.cuepoint.corpus.AtomicFiles;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

/**
 * The Lucene index under {@code <data>/lucene/}: brought up to date from the corpus by {@link #sync},
 * searched through {@link #acquire()}/{@link #release}. Writes are idempotent (one document per video
 * id) and become visible only at commit, so a crash at any point leaves the last committed index.
 */
public final class SearchIndex implements KeywordIndex {
  private final Path path;
  private final Directory directory;
  // null when opened read-only; replaced by the next sync after one failed (a full disk)
  private volatile IndexWriter writer;
  private volatile boolean closed;
  private final SearcherManager searchers;
  private final Analyzers analyzers = new Analyzers();
  /** Stored fields of recently shown videos, with their unpacked texts: see {@link StoredCache}. */
  private final StoredCache storedCache = new StoredCache(StoredCache.DEFAULT_MAX_BYTES);
  /** The transcript fields of the last reader seen; they change only when the index does. */
  private volatile TranscriptFields transcriptFields = new TranscriptFields(null, List.of());
  private volatile Path movedAside; // where a damaged index found at open went, or null

  private record TranscriptFields(Object readerKey, List<String> fields) {}

  private SearchIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens (creating if needed) the index for writing and searching. One writer per directory. An index
   * that cannot be read is moved aside first ({@link IndexRepair}) and an empty one opened: the next
   * {@link #sync} indexes the whole corpus into it.
   */
  public static SearchIndex open(Path path) throws IOException {
    Path aside = IndexRepair.moveAsideIfDamaged(path, "keyword index");
    SearchIndex index;
    try {
      index = openWriter(path);
    } catch (IOException e) {
      if (!IndexRepair.isDamage(e) || aside != null) {
        throw e;
      }
      // damage the check did not see (a file that went between the check and the open)
      aside = IndexRepair.moveAside(path, "keyword index", e.toString());
      index = openWriter(path);
    }
    index.movedAside = aside;
    return index;
  }

  private static SearchIndex openWriter(Path path) throws IOException {
    Files.createDirectories(path);
    Directory dir = FSDirectory.open(path);
    IndexWriter writer = newWriter(path, dir);
    try {
      if (!DirectoryReader.indexExists(dir)) {
        writer.commit(); // so that searchers can open an empty index
      }
      // searchers read commits, not the writer: they see nothing before a commit anyway, and they
      // outlive a writer that a failed sync closed (see sync)
      return new SearchIndex(path, dir, writer, new SearcherManager(dir, null));
    } catch (IOException | RuntimeException e) {
      writer.close();
      dir.close();
      throw AtomicFiles.NoSpaceException.ifFull(path, asIo(e));
    }
  }

  private static IndexWriter newWriter(Path path, Directory dir) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(new Analyzers());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // closing (a shutdown in the middle of an update) must not commit half an update
    config.setCommitOnClose(false);
    try {
      return new IndexWriter(dir, config);
    } catch (LockObtainFailedException e) {
      dir.close();
      throw new IndexLockedException(path, e);
    }
  }

  /** A runtime exception whose cause is an I/O failure (Lucene's writer closed by a full disk) as that. */
  private static IOException asIo(Exception e) {
    if (e instanceof IOException io) {
      return io;
    }
    if (AtomicFiles.NoSpaceException.isNoSpace(e)) {
      return new IOException(e.getMessage(), e);
    }
    throw (RuntimeException) e;
  }

  /** The index is held by another process (a running {@code serve}, {@code import} or {@code crawl}). */
  public static final class IndexLockedException extends IOException {
    IndexLockedException(Path path, Throwable cause) {
      super("the index " + path + " is being written by another Cuepoint process (a running 'serve',"
          + " 'import' or 'crawl'?): stop it or wait for it to finish", cause);
    }
  }

  /** Opens an existing index for searching only; works while another process writes it. */
  public static SearchIndex openReadOnly(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      throw new IOException(noIndex(path));
    }
    Directory dir = FSDirectory.open(path);
    if (!DirectoryReader.indexExists(dir)) {
      dir.close();
      throw new IOException(noIndex(path));
    }
    return new SearchIndex(path, dir, null, new SearcherManager(dir, null));
  }

  private static String noIndex(Path path) {
    return "no index at " + path + ": run 'cuepoint import DIR' or 'cuepoint index' first";
  }

  public Path path() {
    return path;
  }

  /** Where the damaged index this open found was moved to, or null when it opened as it was. */
  @Override
  public Path movedAside() {
    return movedAside;
  }

  @Override
  public Analyzers analyzers() {
    return analyzers;
  }

  StoredCache storedCache() {
    return storedCache;
  }

  /** A searcher on the latest committed state; give it back with {@link #release}. */
  public IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  public void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  /** The searched reader's identity: every refresh that changes the index opens a new reader. */
  @Override
  public Object state() throws IOException {
    return readerKey(searchers);
  }

  /** The identity of the reader {@code searchers} hands out now. */
  static Object readerKey(SearcherManager searchers) throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getIndexReader().getReaderCacheHelper().getKey();
    } finally {
      searchers.release(s);
    }
  }

  @Override
  public View view() throws IOException {
    return new LuceneView(this, acquire());
  }

  /**
   * Every transcript field in the index. Merging the field infos of every segment costs as much as a
   * simple search, so it is done once per reader, not per request.
   */
  List<String> transcriptFields(IndexReader reader) {
    Object key = reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey();
    TranscriptFields cached = transcriptFields;
    if (key != null && key == cached.readerKey()) {
      return cached.fields();
    }
    List<String> fields = LuceneView.transcriptFieldsOf(reader);
    transcriptFields = new TranscriptFields(key, fields);
    return fields;
  }

  @Override
  public long sizeBytes() throws IOException {
    try (java.util.stream.Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile).mapToLong(SearchIndex::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.nio.file.NoSuchFileException e) {
      return 0; // merged away between listing and reading: no longer part of the index
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read the size of " + file, e);
    }
  }

  @Override
  public String describe() {
    return "the Lucene index in " + path;
  }

  /** Searches here are pure CPU: as many at once as there are processors. */
  @Override
  public int usefulConcurrentSearches() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public boolean repairsDamagedCopy() {
    return true;
  }

  /** Picks up changes committed by another process (read-only mode) or by {@link #sync}. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /**
   * Brings the index in line with the corpus: indexes videos that are new or whose fingerprint
   * changed, removes videos no longer in the corpus, leaves the rest alone, then commits and refreshes
   * searchers. With {@code rebuild}, every video is indexed again.
   */
  @Override
  public synchronized SyncResult sync(CorpusSnapshot corpus, boolean rebuild, Consumer<String> progress)
      throws IOException {
    if (writer == null) {
      throw new IllegalStateException("index opened read-only");
    }
    long t0 = System.nanoTime();
    if (!writer.isOpen()) {
      if (closed) {
        throw new org.apache.lucene.store.AlreadyClosedException(describe() + " is closed");
      }
      writer = newWriter(path, directory); // the last sync failed: start again from the last commit
    }
    IndexWriter w = writer;
    SyncLoop.Counts c;
    try {
      Map<String, String> have = rebuild ? Map.of() : indexedFingerprints();
      if (rebuild) {
        w.deleteAll();
      }
      c = SyncLoop.run(corpus, have, new SyncLoop.Writer() {
        @Override
        public void write(String id, Video video, String fingerprint) throws IOException {
          w.updateDocument(new Term(Fields.ID, id), VideoDocuments.of(video, fingerprint));
        }

        @Override
        public void delete(String id) throws IOException {
          w.deleteDocuments(new Term(Fields.ID, id));
        }
      }, progress);
      w.commit();
    } catch (IOException | RuntimeException e) {
      // A full disk closes Lucene's writer for good (or leaves half an update in it): drop what this
      // sync wrote, keep the last commit (searches go on from it), open a new writer on the next sync.
      try {
        w.rollback();
      } catch (IOException | RuntimeException rollback) {
        e.addSuppressed(rollback);
      }
      throw AtomicFiles.NoSpaceException.ifFull(path, asIo(e));
    }
    searchers.maybeRefreshBlocking();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    return new SyncResult(c.added(), c.updated(), c.deleted(), c.unchanged(), c.failures(), ms);
  }

  /** Video id → fingerprint of every indexed video (documents of an older schema count as absent). */
  private Map<String, String> indexedFingerprints() throws IOException {
    Map<String, String> out = new HashMap<>();
    IndexSearcher s = acquire();
    try {
      IndexReader reader = s.getIndexReader();
      for (LeafReaderContext ctx : reader.leaves()) {
        LeafReader leaf = ctx.reader();
        SortedDocValues ids = leaf.getSortedDocValues(Fields.ID);
        BinaryDocValues prints = leaf.getBinaryDocValues(Fields.FINGERPRINT);
        NumericDocValues schemas = leaf.getNumericDocValues(Fields.SCHEMA);
        if (ids == null || prints == null || schemas == null) {
          continue;
        }
        Bits live = leaf.getLiveDocs();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          if ((live != null && !live.get(doc)) || !ids.advanceExact(doc)) {
            continue;
          }
          String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
          boolean current = schemas.advanceExact(doc) && schemas.longValue() == Fields.SCHEMA_VERSION;
          out.put(id, current && prints.advanceExact(doc) ? prints.binaryValue().utf8ToString() : "");
        }
      }
    } finally {
      release(s);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    try {
      searchers.close();
      if (writer != null) {
        writer.close();
      }
    } finally {
      directory.close();
    }
  }
}
