package dev.cuepoint.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The stored fields of recently shown videos, read once and kept with their unpacked transcripts and
 * decoded time maps, so that a video shown again (the long lectures that hold the common words are
 * shown for many searches) costs no stored-field read, no inflating and no decoding. Keyed by segment
 * and document: a segment's stored fields never change, so an entry is right for as long as it is
 * used; entries of merged-away segments are simply never asked for again and age out. Bounded by an
 * estimate of the bytes held (least recently used out first). Thread-safe.
 */
final class StoredCache {
  /**
   * What the cache may hold, estimated: an eighth of the heap, at most 256 MB (some 7,000 lectures of
   * 20 minutes; at least 16 MB).
   */
  static final long DEFAULT_MAX_BYTES = Math.clamp(Runtime.getRuntime().maxMemory() / 8, 16L << 20, 256L << 20);

  /** A document of one segment. */
  record Key(Object segment, int doc) {}

  /** One video: all its stored fields, and what was decoded from them so far. */
  static final class Entry {
    final Document all;
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, TimeMap> times = new ConcurrentHashMap<>();
    private final StoredCache owner;
    private final Key key;

    private Entry(StoredCache owner, Key key, Document all) {
      this.owner = owner;
      this.key = key;
      this.all = all;
    }

    /** A text field's text ({@link StoredTexts#text}), decoded once. */
    String text(String field) {
      return decoded(texts, field, f -> StoredTexts.text(all, f), StoredCache::sizeOf);
    }

    /** A text field's time map ({@link StoredTexts#timeMap}), decoded once. */
    TimeMap timeMap(String field) {
      return decoded(times, field, f -> StoredTexts.timeMap(all, f), m -> 12L * m.size());
    }

    private <T> T decoded(Map<String, T> memo, String field, Function<String, T> decode,
        java.util.function.ToLongFunction<T> size) {
      T v = memo.get(field);
      if (v == null) {
        v = decode.apply(field);
        if (v != null && memo.putIfAbsent(field, v) == null) {
          owner.grew(key, size.applyAsLong(v));
        }
      }
      return v;
    }
  }

  private final long maxBytes;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
  private final Map<Key, Long> sizes = new java.util.HashMap<>();
  private long bytes;

  StoredCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The entry of a document, its stored fields read by {@code read} when not held. */
  Entry get(Key key, StoredRead read) throws java.io.IOException {
    synchronized (this) {
      Entry e = entries.get(key);
      if (e != null) {
        return e;
      }
    }
    Document all = read.document(); // outside the lock: two threads may read the same video once each
    Entry e = new Entry(this, key, all);
    synchronized (this) {
      Entry raced = entries.get(key);
      if (raced != null) {
        return raced;
      }
      if (maxBytes > 0) {
        entries.put(key, e);
        sizes.put(key, 0L);
        grew(key, sizeOf(all));
      }
    }
    return e;
  }

  /** An entry not held (the reader cannot tell its segment): decoded texts are kept for one search. */
  Entry uncached(StoredRead read) throws java.io.IOException {
    return new Entry(this, null, read.document());
  }

  interface StoredRead {
    Document document() throws java.io.IOException;
  }

  private synchronized void grew(Key key, long by) {
    Long was = sizes.get(key);
    if (was == null) {
      return; // evicted meanwhile, or never held
    }
    sizes.put(key, was + by);
    bytes += by;
    var it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Key k = it.next().getKey();
      bytes -= sizes.remove(k);
      it.remove();
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  /** A string's bytes: one a character when all are Latin-1 (the JVM keeps those compact), else two. */
  static long sizeOf(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return 40 + 2L * s.length();
      }
    }
    return 40 + s.length();
  }

  private static long sizeOf(Document d) {
    long n = 64;
    for (IndexableField f : d) {
      BytesRef b = f.binaryValue();
      String s = b == null ? f.stringValue() : null;
      n += 48 + (b != null ? b.length : s != null ? sizeOf(s) : 16);
    }
    return n;
  }
}
