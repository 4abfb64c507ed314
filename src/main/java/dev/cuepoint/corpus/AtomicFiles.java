package dev.cuepoint.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
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
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    syncFolder(dir);
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
