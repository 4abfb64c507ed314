package dev.cuepoint.index;

import dev.cuepoint.corpus.AtomicFiles;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Vectors already computed, by a hash of the text they were computed from, in one append-only file per
 * model ({@code embeddings-<model>.bin}): a refresh embeds only passages whose text is new. Only the
 * hash → file position table is kept in memory (a few dozen bytes per vector); vectors are read from
 * the file when asked for. A record cut short by a crash is dropped when the file is next opened; a
 * file whose header is damaged is dropped as a whole, and a vector that is not of unit length (every
 * embedder's vectors are; bytes overwritten on disk are not) counts as absent: a cache can only cost
 * model time, never a wrong or failed search.
 *
 * <p>File layout: the header {@code CUEPOINT-VECTORS 1}, the dimension count (int), then records of a
 * 16-byte hash (the first half of the text's SHA-256) and the vector's floats, little-endian.
 */
public final class EmbeddingCache implements Closeable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddingCache.class);
  private static final byte[] MAGIC = "CUEPOINT-VECTORS 1\n".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + Integer.BYTES;

  /** The first 128 bits of a text's SHA-256. */
  public record Hash(long hi, long lo) {
    public static Hash of(String text) {
      try {
        ByteBuffer b = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        return new Hash(b.getLong(), b.getLong());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JVM has no SHA-256", e);
      }
    }
  }

  private final Path file;
  private final int dims;
  private final int recordBytes;
  private final Map<Hash, Long> positions = new HashMap<>();
  private FileChannel channel;
  /**
   * Where the next record goes: the end of the last whole record. A record whose write failed (a full
   * disk) is cut off again, so the next one never lands out of step with the record layout.
   */
  private long end;

  private EmbeddingCache(Path file, int dims) {
    this.file = file;
    this.dims = dims;
    this.recordBytes = 16 + dims * Float.BYTES;
  }

  /** Opens (creating) the cache of one embedder in {@code dir}. */
  public static EmbeddingCache open(Path dir, Embedder embedder) throws IOException {
    Files.createDirectories(dir);
    String name = "embeddings-" + embedder.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin";
    EmbeddingCache cache = new EmbeddingCache(dir.resolve(name), embedder.dimensions());
    try {
      cache.load();
    } catch (IOException e) {
      cache.channelClose(e);
      throw AtomicFiles.NoSpaceException.ifFull(dir, e);
    }
    return cache;
  }

  private void load() throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (channel.size() < HEADER) {
      channel.truncate(0);
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putInt(dims).flip();
      writeFully(h, 0);
      channel.force(true);
      end = HEADER;
      return;
    }
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    readFully(h, 0);
    h.flip();
    byte[] magic = new byte[MAGIC.length];
    h.get(magic);
    int fileDims = h.getInt();
    if (!java.util.Arrays.equals(magic, MAGIC) || fileDims != dims) {
      LOG.warn("embedding cache {} is damaged or not a {}-dimension vector file: dropped it; its vectors are"
          + " computed again", file, dims);
      channel.truncate(0);
      writeFully(ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putInt(dims).flip(), 0);
      channel.force(true);
      end = HEADER;
      return;
    }
    long whole = (channel.size() - HEADER) / recordBytes;
    ByteBuffer keys = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (long i = 0; i < whole; i++) {
      long at = HEADER + i * recordBytes;
      keys.clear();
      readFully(keys, at);
      keys.flip();
      positions.put(new Hash(keys.getLong(), keys.getLong()), at + 16);
    }
    end = HEADER + whole * recordBytes;
    if (channel.size() > end) {
      channel.truncate(end); // the tail of a record a crash interrupted
    }
  }

  /** The cached vector of a text, or null. */
  public synchronized float[] get(Hash hash) throws IOException {
    Long at = positions.get(hash);
    if (at == null) {
      return null;
    }
    ByteBuffer b = ByteBuffer.allocate(dims * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    readFully(b, at);
    b.flip();
    float[] v = new float[dims];
    b.asFloatBuffer().get(v);
    if (!unitLength(v)) {
      positions.remove(hash); // overwritten on disk: embedded again, and put appends the new vector
      return null;
    }
    return v;
  }

  private static boolean unitLength(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.abs(sum - 1) < 1e-3; // NaN fails too
  }

  public synchronized void put(Hash hash, float[] vector) throws IOException {
    if (vector.length != dims) {
      throw new IllegalArgumentException("vector must have " + dims + " dimensions, got " + vector.length);
    }
    if (positions.containsKey(hash)) {
      return;
    }
    ByteBuffer b = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(hash.hi()).putLong(hash.lo());
    for (float x : vector) {
      b.putFloat(x);
    }
    b.flip();
    long at = end;
    try {
      writeFully(b, at);
    } catch (IOException e) {
      cutBack(at, e);
      throw AtomicFiles.NoSpaceException.ifFull(file.getParent(), e);
    }
    end = at + recordBytes;
    positions.put(hash, at + 16);
  }

  /** Drops the part of a record a failed write left at {@code at}, so the file ends with whole records. */
  private void cutBack(long at, IOException reason) {
    try {
      if (channel.size() > at) {
        channel.truncate(at);
      }
    } catch (IOException e) {
      reason.addSuppressed(e); // the next open drops the torn tail anyway
    }
  }

  private void channelClose(IOException reason) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      reason.addSuppressed(e);
    }
  }

  /** Makes what was put so far survive a crash. */
  public synchronized void flush() throws IOException {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw AtomicFiles.NoSpaceException.ifFull(file.getParent(), e);
    }
  }

  public synchronized int size() {
    return positions.size();
  }

  public synchronized long bytes() throws IOException {
    return channel.size();
  }

  /**
   * Drops the vectors of texts no longer in use when they are most of the file (videos edited many
   * times over): rewrites the file with just {@code live} and swaps it in atomically.
   *
   * @return how many vectors were dropped
   */
  public synchronized int compact(Set<Hash> live) throws IOException {
    long stale = positions.keySet().stream().filter(h -> !live.contains(h)).count();
    if (stale < 1024 || stale < positions.size() / 2) {
      return 0;
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Map<Hash, Long> kept = new HashMap<>();
    try {
      writeCompacted(tmp, live, kept);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp); // the old file is untouched: keep using it
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof IOException io) {
        throw AtomicFiles.NoSpaceException.ifFull(file.getParent(), io);
      }
      throw e;
    }
    channel.close();
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    end = channel.size();
    positions.clear();
    positions.putAll(kept);
    return (int) stale;
  }

  private void writeCompacted(Path tmp, Set<Hash> live, Map<Hash, Long> kept) throws IOException {
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putInt(dims).flip();
      while (h.hasRemaining()) {
        out.write(h);
      }
      ByteBuffer rec = ByteBuffer.allocate(recordBytes);
      for (Map.Entry<Hash, Long> e : positions.entrySet()) {
        if (!live.contains(e.getKey())) {
          continue;
        }
        rec.clear();
        readFully(rec, e.getValue() - 16);
        rec.flip();
        long at = out.position();
        while (rec.hasRemaining()) {
          out.write(rec);
        }
        kept.put(e.getKey(), at + 16);
      }
      out.force(true);
    }
  }

  private void readFully(ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      int n = channel.read(b, at);
      if (n < 0) {
        throw new IOException("embedding cache " + file + " ends early at byte " + at);
      }
      at += n;
    }
  }

  private void writeFully(ByteBuffer b, long at) throws IOException {
    while (b.hasRemaining()) {
      at += channel.write(b, at);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
