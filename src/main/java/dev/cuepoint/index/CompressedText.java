package dev.cuepoint.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.util.BytesRef;

/**
 * A transcript's text as it is stored in the index ({@code transcript.<lang>}): UTF-8, deflated, after
 * its length in bytes (4 bytes, big-endian).
 *
 * <p>Why not Lucene's own stored-field compression: Lucene decompresses a whole document to read any
 * of its stored fields, and a search reads every shown video's title and channel. With the transcript
 * (nine tenths of a document) inside Lucene's block, that read unpacked the transcript too; deflated
 * here, it is bytes Lucene copies, and only the moment finder inflates them. Deflate also packs
 * transcripts a third smaller than Lucene's LZ4 did, which keeps the index within 1.5× the raw text.
 */
public final class CompressedText {
  /**
   * Measured on the 10,000-video benchmark corpus: level 1 packs transcripts to 42% of their UTF-8
   * bytes at ~60 MB/s; higher levels gain a few percent for two to four times the indexing time.
   */
  static final int LEVEL = 1;

  private CompressedText() {}

  /** The stored form of {@code text}. */
  static byte[] compress(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(LEVEL, true);
    try {
      deflater.setInput(utf8);
      deflater.finish();
      byte[] out = new byte[4 + utf8.length + utf8.length / 8 + 64];
      int n = 4;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      out[0] = (byte) (utf8.length >>> 24);
      out[1] = (byte) (utf8.length >>> 16);
      out[2] = (byte) (utf8.length >>> 8);
      out[3] = (byte) utf8.length;
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }

  /** The text stored by {@link #compress}. */
  public static String decompress(BytesRef stored) {
    byte[] b = stored.bytes;
    int at = stored.offset;
    if (stored.length < 4) {
      throw new IllegalStateException("stored transcript is " + stored.length + " bytes, too short: re-index with --rebuild");
    }
    int length = ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    byte[] utf8 = new byte[length];
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(b, at + 4, stored.length - 4);
      int n = 0;
      while (n < length) {
        int got = inflater.inflate(utf8, n, length - n);
        if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        n += got;
      }
      if (n != length) {
        throw new IllegalStateException("stored transcript inflates to " + n + " bytes, not " + length
            + ": re-index with --rebuild");
      }
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored transcript is not deflate data: re-index with --rebuild", e);
    } finally {
      inflater.end();
    }
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
