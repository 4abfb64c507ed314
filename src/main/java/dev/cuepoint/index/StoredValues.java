package dev.cuepoint.index;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * Some stored fields of a video, as any engine gives them back: each field's values in stored order,
 * each a {@link String}, a {@link Long} (numbers: dates, durations, times) or a read-only
 * {@link ByteBuffer} (compressed transcripts, time maps). Immutable.
 */
public final class StoredValues {
  private static final StoredValues EMPTY = new StoredValues(Map.of());

  private final Map<String, List<Object>> values;

  private StoredValues(Map<String, List<Object>> values) {
    this.values = values;
  }

  public static StoredValues empty() {
    return EMPTY;
  }

  /** The fields of a Lucene document, those named in {@code names} (every field when null). */
  public static StoredValues of(Document doc, java.util.Set<String> names) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (IndexableField f : doc) {
      if (names != null && !names.contains(f.name())) {
        continue;
      }
      Object v;
      if (f.numericValue() != null) {
        v = f.numericValue().longValue();
      } else if (f.stringValue() != null) {
        v = f.stringValue();
      } else {
        BytesRef b = f.binaryValue();
        if (b == null) {
          continue;
        }
        v = ByteBuffer.wrap(b.bytes, b.offset, b.length).slice(); // no copy: transcripts are large
      }
      out.computeIfAbsent(f.name(), k -> new ArrayList<>(1)).add(v);
    }
    out.replaceAll((k, l) -> Collections.unmodifiableList(l));
    return new StoredValues(Collections.unmodifiableMap(out));
  }

  /** The first value of a field as text (a number as its digits), or null when it has none or bytes. */
  public String get(String field) {
    List<Object> l = values.get(field);
    if (l == null) {
      return null;
    }
    Object v = l.getFirst();
    return v instanceof String || v instanceof Long ? v.toString() : null;
  }

  /** Every text value of a field, in stored order. */
  public String[] values(String field) {
    List<Object> l = values.get(field);
    if (l == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>(l.size());
    for (Object v : l) {
      if (v instanceof String || v instanceof Long) {
        out.add(v.toString());
      }
    }
    return out.toArray(String[]::new);
  }

  /** The first value of a numeric field, or null. */
  public Long number(String field) {
    List<Object> l = values.get(field);
    return l != null && l.getFirst() instanceof Long n ? n : null;
  }

  /** The first value of a binary field (its position and limit are the value's; not to be written), or null. */
  public ByteBuffer bytes(String field) {
    List<Object> l = values.get(field);
    return l != null && l.getFirst() instanceof ByteBuffer b ? b.duplicate() : null;
  }

  /** The names of the fields held, in stored order. */
  public java.util.Set<String> fields() {
    return values.keySet();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredValues s && values.equals(s.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "StoredValues" + values.keySet();
  }
}
