package dev.cuepoint.opensearch;

import dev.cuepoint.index.Fields;
import java.util.Set;

/**
 * Lucene field names as OpenSearch fields. A dot in an OpenSearch name means "field of an object",
 * so {@code text.en} becomes {@code text_en}; analysed text fields live in the object {@code f}
 * ({@code f.text_en}), exact-value fields at the top ({@code lang_primary}).
 */
final class Names {
  /** The object holding every analysed text field. */
  static final String TEXT_OBJECT = "f";
  /** The object holding the stored fields, as Lucene stores them (not indexed). */
  static final String STORED = "stored";

  /** Exact-value fields (keywords and numbers), kept at the top level. */
  static final Set<String> VALUES = Set.of(Fields.ID, Fields.FINGERPRINT, Fields.SCHEMA, Fields.PLAYLIST,
      Fields.LANG, Fields.LANG_PRIMARY, Fields.PUBLISHED, Fields.CUES);

  private Names() {}

  /** The OpenSearch name of a Lucene field. */
  static String of(String luceneField) {
    String flat = luceneField.replace('.', '_');
    return VALUES.contains(luceneField) ? flat : TEXT_OBJECT + "." + flat;
  }

  /** The Lucene transcript field ({@code text.en}) of a field in {@link #TEXT_OBJECT}, or null. */
  static String transcriptField(String textObjectField) {
    String prefix = Fields.TEXT_PREFIX.replace('.', '_');
    return textObjectField.startsWith(prefix) ? Fields.TEXT_PREFIX + textObjectField.substring(prefix.length()) : null;
  }
}
