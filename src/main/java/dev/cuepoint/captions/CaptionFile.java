package dev.cuepoint.captions;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One caption file opened for reading: refused when over the size limit before any byte is read,
 * its first bytes checked to be UTF-8 text and kept for format detection, and the rest streamed to
 * a parser through a strict UTF-8 decoder (a BOM, if any, is left for the parser to skip).
 */
final class CaptionFile implements Closeable {
  /** How much of a file format detection looks at. */
  static final int HEAD_BYTES = 8 * 1024;

  private final String name;
  private final InputStream in;
  private final String head;
  private CheckedReader reader;

  private CaptionFile(String name, InputStream in, String head) {
    this.name = name;
    this.in = in;
    this.head = head;
  }

  static CaptionFile open(Path file, long maxBytes) throws CaptionException, IOException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new CaptionException(name, 0, "is a directory, not a caption file");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new CaptionException(name, 0, "no such file", e);
    }
    if (size > maxBytes) {
      throw new CaptionException(
          name,
          0,
          "is " + bytes(size) + ", over the " + bytes(maxBytes) + " limit for a caption file");
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
    try {
      in.mark(HEAD_BYTES);
      byte[] head = in.readNBytes(HEAD_BYTES);
      in.reset();
      return new CaptionFile(name, in, decodeHead(head, head.length < HEAD_BYTES, name));
    } catch (CaptionException | IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The first {@link #HEAD_BYTES} bytes as text (a character cut at the end is left out). */
  String head() {
    return head;
  }

  /** The whole file as text, from its first byte. */
  Reader reader() {
    if (reader == null) {
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      reader = new CheckedReader(new InputStreamReader(in, utf8));
    }
    return reader;
  }

  /**
   * The error to report when the reader met bytes that are not UTF-8, or null. Parsers may wrap the
   * decoder's exception in their own (StAX does), so the reader remembers it for the caller.
   */
  CaptionException decodingFailure() {
    if (reader == null || reader.failure == null) {
      return null;
    }
    return new CaptionException(
        name,
        0,
        "is not UTF-8 text (some bytes after the first "
            + HEAD_BYTES / 1024
            + " KB are not valid UTF-8); save it as UTF-8",
        reader.failure);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  static String decodeHead(byte[] head, boolean whole, String name) throws CaptionException {
    if (head.length >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      throw new CaptionException(
          name, 0, "is UTF-16 text; Cuepoint reads UTF-8 caption files (save it as UTF-8)");
    }
    for (byte b : head) {
      if (b == 0) {
        throw new CaptionException(
            name, 0, "not a caption file: it holds binary data (NUL bytes), not text");
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer bytes = ByteBuffer.wrap(head);
    CharBuffer chars = CharBuffer.allocate(head.length);
    CoderResult result = utf8.decode(bytes, chars, whole);
    if (result.isError()) {
      throw new CaptionException(
          name,
          0,
          String.format(
              Locale.ROOT,
              "is not UTF-8 text (byte 0x%02X at offset %d is not valid UTF-8); save it as UTF-8",
              head[bytes.position()] & 0xFF,
              bytes.position()));
    }
    return chars.flip().toString();
  }

  static String bytes(long n) {
    return n < 1024 * 1024
        ? n + " bytes"
        : String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
  }

  /** Remembers the first decoding error, whatever a parser then does with it. */
  private static final class CheckedReader extends FilterReader {
    private CharacterCodingException failure;

    CheckedReader(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (CharacterCodingException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (CharacterCodingException e) {
        failure = failure == null ? e : failure;
        throw e;
      }
    }
  }
}
