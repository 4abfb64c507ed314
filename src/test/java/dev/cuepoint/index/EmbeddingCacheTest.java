package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir Path dir;
  final FakeEmbedder embedder = new FakeEmbedder();

  @Test
  void vectors_survive_reopening_and_are_found_by_text() throws IOException {
    float[] v = embedder.embed("neurons fire spikes");
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      c.put(EmbeddingCache.Hash.of("neurons fire spikes"), v);
      c.flush();
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertArrayEquals(v, c.get(EmbeddingCache.Hash.of("neurons fire spikes")));
      assertNull(c.get(EmbeddingCache.Hash.of("neurons fire spikes!")));
      assertEquals(1, c.size());
    }
  }

  @Test
  void a_record_cut_short_by_a_crash_is_dropped() throws IOException {
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      c.put(EmbeddingCache.Hash.of("a"), embedder.embed("alpha"));
      c.put(EmbeddingCache.Hash.of("b"), embedder.embed("beta"));
    }
    Path file = Files.list(dir).findFirst().orElseThrow();
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 10);
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertEquals(1, c.size());
      c.put(EmbeddingCache.Hash.of("c"), embedder.embed("gamma"));
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertArrayEquals(embedder.embed("gamma"), c.get(EmbeddingCache.Hash.of("c")));
      assertArrayEquals(embedder.embed("alpha"), c.get(EmbeddingCache.Hash.of("a")));
    }
  }

  @Test
  void a_cache_whose_header_is_damaged_is_dropped_and_filled_again() throws IOException {
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      c.put(EmbeddingCache.Hash.of("a"), embedder.embed("alpha"));
    }
    Path file = Files.list(dir).findFirst().orElseThrow();
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.allocate(8), 0); // zeros over the magic
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertEquals(0, c.size());
      assertNull(c.get(EmbeddingCache.Hash.of("a")));
      c.put(EmbeddingCache.Hash.of("a"), embedder.embed("alpha"));
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertArrayEquals(embedder.embed("alpha"), c.get(EmbeddingCache.Hash.of("a")));
    }
  }

  @Test
  void a_cache_of_another_dimension_count_is_dropped_not_misread() throws IOException {
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      c.put(EmbeddingCache.Hash.of("a"), embedder.embed("alpha"));
    }
    Embedder wider = new FakeEmbedder("fake-bag-of-words", 128);
    try (EmbeddingCache c = EmbeddingCache.open(dir, wider)) {
      assertEquals(0, c.size());
    }
  }

  @Test
  void a_vector_overwritten_on_disk_counts_as_absent_and_is_stored_again() throws IOException {
    EmbeddingCache.Hash a = EmbeddingCache.Hash.of("a");
    EmbeddingCache.Hash b = EmbeddingCache.Hash.of("b");
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      c.put(a, embedder.embed("alpha"));
      c.put(b, embedder.embed("beta"));
    }
    Path file = Files.list(dir).findFirst().orElseThrow();
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.allocate(64), ch.size() - 64); // zeros over the end of b's vector
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertArrayEquals(embedder.embed("alpha"), c.get(a));
      assertNull(c.get(b));
      c.put(b, embedder.embed("beta"));
      assertArrayEquals(embedder.embed("beta"), c.get(b));
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertArrayEquals(embedder.embed("beta"), c.get(b), "the vector stored again is the one found");
    }
  }

  @Test
  void compacting_keeps_only_live_vectors_when_most_are_stale() throws IOException {
    Set<EmbeddingCache.Hash> live = new HashSet<>();
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      for (int i = 0; i < 3000; i++) {
        EmbeddingCache.Hash h = EmbeddingCache.Hash.of("text " + i);
        c.put(h, embedder.embed("text " + i));
        if (i % 10 == 0) {
          live.add(h);
        }
      }
      assertEquals(2700, c.compact(live));
      assertEquals(300, c.size());
      assertArrayEquals(embedder.embed("text 10"), c.get(EmbeddingCache.Hash.of("text 10")));
      assertNull(c.get(EmbeddingCache.Hash.of("text 11")));
    }
    try (EmbeddingCache c = EmbeddingCache.open(dir, embedder)) {
      assertEquals(300, c.size());
    }
  }
}
