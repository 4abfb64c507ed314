package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

class StoredCacheTest {
  private static Document video(String title, int textChars) {
    Document d = new Document();
    d.add(new StoredField(Fields.TITLE, title));
    d.add(new StoredField(Fields.DESCRIPTION, "x".repeat(textChars)));
    return d;
  }

  @Test
  void aDocumentIsReadOnceWhileItIsHeld() throws Exception {
    StoredCache cache = new StoredCache(1 << 20);
    AtomicInteger reads = new AtomicInteger();
    Object segment = new Object();
    StoredCache.Entry first = cache.get(new StoredCache.Key(segment, 3), () -> {
      reads.incrementAndGet();
      return video("one", 100);
    });
    StoredCache.Entry again = cache.get(new StoredCache.Key(segment, 3), () -> {
      reads.incrementAndGet();
      return video("other", 100);
    });
    assertSame(first, again);
    assertEquals(1, reads.get());
    assertEquals("one", again.text(Fields.TITLE));
    // the same document number in another segment is another video
    StoredCache.Entry elsewhere = cache.get(new StoredCache.Key(new Object(), 3), () -> video("two", 100));
    assertEquals("two", elsewhere.text(Fields.TITLE));
  }

  @Test
  void theLeastRecentlyUsedGoFirstAndTheBoundHolds() throws Exception {
    StoredCache cache = new StoredCache(10_000);
    Object segment = new Object();
    for (int doc = 0; doc < 20; doc++) {
      cache.get(new StoredCache.Key(segment, doc), () -> video("v", 1000));
      cache.get(new StoredCache.Key(segment, 0), () -> video("not read again while held", 1000)).text(Fields.TITLE);
      assertTrue(cache.bytes() <= 10_000, "held " + cache.bytes() + " bytes");
    }
    // document 0 was used after every other, so it is still held; document 1 long gone
    assertEquals("v", cache.get(new StoredCache.Key(segment, 0), () -> video("read again", 10)).text(Fields.TITLE));
    assertEquals("read again", cache.get(new StoredCache.Key(segment, 1), () -> video("read again", 10)).text(Fields.TITLE));
  }

  @Test
  void aCacheOfNothingHoldsNothing() throws Exception {
    StoredCache cache = new StoredCache(0);
    Object segment = new Object();
    StoredCache.Entry a = cache.get(new StoredCache.Key(segment, 1), () -> video("a", 10));
    StoredCache.Entry b = cache.get(new StoredCache.Key(segment, 1), () -> video("a", 10));
    assertNotSame(a, b);
    assertEquals(0, cache.bytes());
  }
}
