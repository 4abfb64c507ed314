package dev.cuepoint.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file's content all at once: readers see the old bytes or the new ones, never a half
 * written file, even if the machine stops mid-write. The bytes go to a hidden temporary file in the
 * same folder (a rename is only atomic within one file system), are flushed to the disk, and the
 * temporary file is renamed over the target; then the folder itself is flushed so the rename survives
 * a power cut.
 */
public final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  private AtomicFiles() {}

  /** The name prefix of temporary files; readers of a folder skip names starting with it. */
  public static final String TEMP_PREFIX = ".";

  /** Writes {@code bytes} to {@code target}, creating its folder when needed. */
  public static void write(Path target, byte[] bytes) throws IOException {
    publish(List.of(stage(target, bytes)));
  }

  /**
   * A file's new content, written and flushed to a hidden temporary file beside it, waiting for
   * {@link #publish} to put it in place.
   */
  public record Staged(Path target, Path temp) {}

  /**
   * The first half of {@link #write}: the bytes go to a temporary file in the target's folder and are
   * flushed to the disk; the target is untouched. Safe to call from several threads at once.
   */
  public static Staged stage(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw NoSpaceException.ifFull(dir, e);
    }
    // Our own name rather than Files.createTempFile: that one makes the file owner-only (0600), which
    // the renamed corpus file would keep, hiding it from a server running as another user.
    Path tmp =
        dir.resolve(
            TEMP_PREFIX
                + target.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      deleteQuietly(tmp, e);
      throw NoSpaceException.ifFull(dir, e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp, e);
      throw e;
    }
    return new Staged(target.toAbsolutePath(), tmp);
  }

  /**
   * A write that failed because the file system holding {@code dir} is full (or the user's quota is
   * spent): says which folder and what to do, in place of the system's bare "No space left on device".
   * Whatever was stored before is intact; the write can simply be done again once there is room.
   */
  public static final class NoSpaceException extends IOException {
    private final Path dir;

    public NoSpaceException(Path dir, Throwable cause) {
      super("no space left on the device holding " + dir.toAbsolutePath()
          + ": free space and run the command again (what was stored before is intact)", cause);
      this.dir = dir.toAbsolutePath();
    }

    /** The folder whose device is full. */
    public Path dir() {
      return dir;
    }

    /** {@code e} itself, or a {@link NoSpaceException} naming {@code dir} when {@code e} says the disk is full. */
    public static IOException ifFull(Path dir, IOException e) {
      return e instanceof NoSpaceException || !isNoSpace(e) ? e : new NoSpaceException(dir, e);
    }

    /** Whether {@code e} or one of its causes is the operating system saying the disk is full. */
    public static boolean isNoSpace(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof NoSpaceException) {
          return true;
        }
        String m = t.getMessage();
        if (m != null && (m.contains("No space left on device") // Linux, macOS: ENOSPC
            || m.contains("Disk quota exceeded") // EDQUOT
            || m.contains("There is not enough space on the disk"))) { // Windows
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The second half of {@link #write}, for many files at once: renames each staged file over its
   * target, in order, then flushes each folder once. Every temporary file was flushed before, so
   * after a crash at any point each target holds its old bytes or its new ones, never part of either;
   * one folder flush for a batch instead of one per file is what makes writing thousands of files
   * fast. When a rename fails, the files before it are in place, the others keep their old content,
   * and their temporary files are removed.
   */
  public static void publish(List<Staged> staged) throws IOException {
    Set<Path> dirs = new LinkedHashSet<>();
    for (int i = 0; i < staged.size(); i++) {
      Staged s = staged.get(i);
      try {
        Files.move(s.temp(), s.target(), StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        discard(staged.subList(i, staged.size()), e);
        dirs.forEach(AtomicFiles::syncFolder);
        if (e instanceof IOException io) {
          throw NoSpaceException.ifFull(s.target().getParent(), io);
        }
        throw e;
      }
      dirs.add(s.target().getParent());
    }
    dirs.forEach(AtomicFiles::syncFolder);
  }

  /** Removes staged files that will not be published (an import that stopped half way). */
  public static void discard(List<Staged> staged, Throwable reason) {
    for (Staged s : staged) {
      deleteQuietly(s.temp(), reason);
    }
  }

  private static void deleteQuietly(Path tmp, Throwable reason) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException cleanup) {
      reason.addSuppressed(cleanup);
    }
  }

  /** Flushes a folder's entries (a rename or delete) to the disk, where the platform allows it. */
  static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Windows cannot open a folder as a channel; NTFS journals the rename itself, so the data is
      // already safe there. Elsewhere this is unexpected but the file is written, so only note it.
      LOG.debug("could not flush folder {} to disk: {}", dir, e.toString());
    }
  }
}
