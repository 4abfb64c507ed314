package dev.cuepoint.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decode loop holds one chunk of audio at a time, however long the recording. */
class PcmChunksTest {
  /** A stream of {@code length} bytes made up as they are read, never held whole. */
  private static final class Endless extends InputStream {
    final long length;
    long served;
    int largestRead;

    Endless(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      return served < length ? (int) (served++ & 0x7f) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - served);
      largestRead = Math.max(largestRead, n);
      Arrays.fill(b, off, off + n, (byte) (served & 0x7f));
      served += n;
      return n;
    }
  }

  @Test
  void three_hours_of_audio_pass_through_one_fixed_buffer() throws Exception {
    long threeHours = 3L * 3600 * 1000 * PcmChunks.BYTES_PER_MS; // 345,600,000 bytes
    Endless in = new Endless(threeHours);
    PcmChunks chunks = new PcmChunks(in);
    byte[] buffer = chunks.buffer();
    long total = 0;
    long reads = 0;
    for (int n; (n = chunks.next()) > 0; ) {
      assertSame(buffer, chunks.buffer(), "the same buffer every time");
      assertTrue(n <= PcmChunks.CHUNK_BYTES && n % 2 == 0, "a chunk of at most " + PcmChunks.CHUNK_BYTES + " bytes of whole samples: " + n);
      total += n;
      reads++;
    }
    assertEquals(threeHours, total);
    assertEquals(threeHours, chunks.position());
    assertEquals(PcmChunks.CHUNK_BYTES, buffer.length);
    assertTrue(in.largestRead <= PcmChunks.CHUNK_BYTES, "never asks the decoder for more than a chunk: " + in.largestRead);
    assertEquals(threeHours / PcmChunks.CHUNK_BYTES, reads);
  }

  @Test
  void skipping_to_a_checkpoint_reads_through_the_same_buffer_and_stops_exactly_there() throws Exception {
    Endless in = new Endless(1_000_000);
    PcmChunks chunks = new PcmChunks(in);
    assertTrue(chunks.skip(640_000 + 6));
    assertEquals(640_006, chunks.position());
    assertTrue(in.largestRead <= PcmChunks.CHUNK_BYTES);
    int n = chunks.next();
    assertEquals(PcmChunks.CHUNK_BYTES, n);
    assertEquals((byte) (640_006 & 0x7f), chunks.buffer()[0], "the next chunk starts right after the skipped bytes");
    assertFalse(new PcmChunks(new Endless(1000)).skip(2000), "a stream shorter than the checkpoint says so");
  }

  @Test
  void a_torn_last_sample_is_dropped_and_a_limit_is_kept() throws Exception {
    PcmChunks chunks = new PcmChunks(new ByteArrayInputStream(new byte[7]), 4);
    assertEquals(4, chunks.next());
    assertEquals(2, chunks.next(), "three bytes left: one whole sample");
    assertEquals(0, chunks.next());
    PcmChunks limited = new PcmChunks(new ByteArrayInputStream(new byte[100]), 64);
    assertEquals(10, limited.next(11), "at most the limit, in whole samples");
  }
}
