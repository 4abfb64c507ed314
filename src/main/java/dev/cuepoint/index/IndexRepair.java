package dev.cuepoint.index;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a Lucene index that can no longer be read (a segment file missing, cut short or overwritten)
 * and moves it aside, so that it is rebuilt from the corpus: the corpus is the source of truth, so a
 * damaged index costs a rebuild, never data. The damaged folder is kept (renamed with the time) for
 * whoever wants to look at it, and named in the log.
 *
 * <p>The check opens the last commit (which verifies the commit file's and every segment header's
 * checksum and each compound file's footer) and then verifies the checksum of every file of every
 * segment ({@link CodecReader#checkIntegrity()}): one sequential read of the index, a fraction of a
 * second for a few thousand lectures' transcripts and vectors.
 */
public final class IndexRepair {
  private static final Logger LOG = LoggerFactory.getLogger(IndexRepair.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private IndexRepair() {}

  /**
   * Checks the index in {@code path} and, when it is damaged, moves it aside.
   *
   * @param what how the log names it ("keyword index", "passage index")
   * @return the folder the damaged index now lives in, or null when it was sound (or absent)
   * @throws SearchIndex.IndexLockedException when another process writes it: then it is not touched
   */
  static Path moveAsideIfDamaged(Path path, String what) throws IOException {
    if (!Files.isDirectory(path)) {
      return null;
    }
    String damage;
    try (Directory dir = FSDirectory.open(path)) {
      Lock lock;
      try {
        lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
      } catch (LockObtainFailedException e) {
        throw new SearchIndex.IndexLockedException(path, e);
      }
      try (lock) {
        damage = damage(dir);
      }
    }
    if (damage == null) {
      return null;
    }
    return moveAside(path, what, damage);
  }

  /** What is wrong with the index in {@code dir}, or null when it reads (or there is none yet). */
  static String damage(Directory dir) throws IOException {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          if (leaf.reader() instanceof CodecReader codec) {
            codec.checkIntegrity();
          }
        }
      }
      return null;
    } catch (CorruptIndexException | EOFException | NoSuchFileException | FileNotFoundException
        | IndexFormatTooOldException | IndexFormatTooNewException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
      // what a decoder throws on bytes that passed no checksum yet
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * Why the keyword index must be indexed whole from the corpus before it can answer searches, or null
   * when it can answer now (its start-up sync only catches up with changes, as a refresh does): the
   * damaged index found at open was moved aside, or the corpus has videos and the index holds none of
   * them in the current document layout (a new index, or one written by an older version).
   *
   * @param corpusVideos videos in the corpus
   */
  public static String mustRebuild(KeywordIndex index, int corpusVideos) throws IOException {
    if (index.movedAside() != null) {
      return "the old one could not be read and was moved to " + index.movedAside();
    }
    if (corpusVideos == 0 || !index.repairsDamagedCopy()) {
      return null; // nothing to wait for; a cluster is searchable while it follows the corpus
    }
    try (KeywordIndex.View view = index.view()) {
      if (view.videos() == 0) {
        return "it is new";
      }
      int current = view.videosInCurrentLayout();
      return current == 0 ? "it was written by an older version, in another layout" : null;
    }
  }

  /** True when {@code e} says an index's files are damaged (rather than, say, unreadable for permissions). */
  public static boolean isDamage(Throwable e) {
    return e instanceof CorruptIndexException || e instanceof EOFException || e instanceof NoSuchFileException
        || e instanceof FileNotFoundException || e instanceof IndexFormatTooOldException
        || e instanceof IndexFormatTooNewException;
  }

  /** Renames {@code path} to {@code <name>.damaged-<UTC time>} beside it and says so in the log. */
  static Path moveAside(Path path, String what, String damage) throws IOException {
    String base = path.getFileName() + ".damaged-" + STAMP.format(Instant.now());
    Path aside = path.resolveSibling(base);
    for (int i = 2; Files.exists(aside); i++) {
      aside = path.resolveSibling(base + "-" + i);
    }
    Files.move(path, aside);
    LOG.warn("the {} in {} cannot be read ({}): moved it to {} and rebuilding it from the corpus", what, path,
        damage, aside);
    return aside;
  }
}
