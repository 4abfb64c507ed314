package dev.cuepoint.asr;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a stream of 16 kHz mono 16-bit PCM into one buffer of fixed size, again and again, so that a
 * recording of any length is held in memory one chunk at a time. Every chunk but the last is full and
 * holds whole samples.
 */
final class PcmChunks {
  /** 16 kHz, 2 bytes a sample. */
  static final int BYTES_PER_MS = 32;

  /** 200 ms of audio: small enough for prompt interruption, large enough for few native calls. */
  static final int CHUNK_BYTES = 200 * BYTES_PER_MS;

  private final InputStream in;
  private final byte[] buffer;
  private long position;

  PcmChunks(InputStream in) {
    this(in, CHUNK_BYTES);
  }

  PcmChunks(InputStream in, int chunkBytes) {
    if (chunkBytes <= 0 || chunkBytes % 2 != 0) {
      throw new IllegalArgumentException("chunk must be a positive, even number of bytes, got " + chunkBytes);
    }
    this.in = in;
    this.buffer = new byte[chunkBytes];
  }

  /** The buffer each {@link #next} fills; the same array every time. */
  byte[] buffer() {
    return buffer;
  }

  /** Bytes read so far. */
  long position() {
    return position;
  }

  /**
   * Fills the buffer with the next chunk, at most {@code limit} bytes of it (a whole number of
   * samples); returns how many bytes it holds, 0 at the end of the stream.
   */
  int next(long limit) throws IOException {
    int want = (int) Math.min(buffer.length, Math.max(0, limit));
    want -= want % 2;
    int n = in.readNBytes(buffer, 0, want);
    if (n % 2 != 0) {
      n--; // a torn last sample at the very end of the stream carries nothing
    }
    position += n;
    return n;
  }

  int next() throws IOException {
    return next(buffer.length);
  }

  /** Reads and drops {@code bytes} bytes (resuming after a checkpoint); false when the stream ended first. */
  boolean skip(long bytes) throws IOException {
    long target = position + bytes;
    while (position < target) {
      if (next(target - position) == 0) {
        return false;
      }
    }
    return true;
  }
}
