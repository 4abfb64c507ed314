package dev.cuepoint.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;

/** Reads a video's texts and time maps out of its stored fields. */
final class StoredTexts {
  private StoredTexts() {}

  /** {@link #text(Document, String)} out of stored values. */
  static String text(StoredValues stored, String field) {
    String lang = Fields.languageOf(field);
    java.nio.ByteBuffer packed = lang == null ? null : stored.bytes(Fields.transcript(lang));
    return packed != null ? CompressedText.decompress(bytesRef(packed)) : stored.get(field);
  }

  /** {@link #timeMap(Document, String)} out of stored values. */
  static TimeMap timeMap(StoredValues stored, String field) {
    String lang = Fields.transcriptLanguageOf(field);
    String timesField = lang != null ? Fields.times(lang) : field.equals(Fields.CHAPTERS) ? Fields.CHAPTER_TIMES : null;
    java.nio.ByteBuffer b = timesField == null ? null : stored.bytes(timesField);
    return b == null ? null : TimeMap.decode(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }

  private static BytesRef bytesRef(java.nio.ByteBuffer b) {
    return new BytesRef(b.array(), b.arrayOffset() + b.position(), b.remaining());
  }

  /**
   * A matched field's text: a transcript ({@code text.<lang>} or {@code grams.<lang>}) from its
   * compressed copy, a title or chapters as stored.
   */
  static String text(Document stored, String field) {
    String lang = Fields.languageOf(field);
    BytesRef packed = lang == null ? null : stored.getBinaryValue(Fields.transcript(lang));
    // an index written before transcripts were stored compressed keeps them in text.<lang>
    return packed != null ? CompressedText.decompress(packed) : stored.get(field);
  }

  /** The time map of a matched field: its transcript's, or the chapter titles'; null for others. */
  static TimeMap timeMap(Document stored, String field) {
    String lang = Fields.transcriptLanguageOf(field);
    String timesField = lang != null ? Fields.times(lang) : field.equals(Fields.CHAPTERS) ? Fields.CHAPTER_TIMES : null;
    BytesRef bytes = timesField == null ? null : stored.getBinaryValue(timesField);
    return bytes == null ? null : TimeMap.decode(bytes.bytes, bytes.offset, bytes.length);
  }
}
