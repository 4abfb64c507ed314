package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void a_cache_of_another_dimension_count_is_refused_with_what_to_do() throws IOException {
    EmbeddingCache.open(dir, embedder).close();
    Embedder wider = new FakeEmbedder() {
      @Override
      public int dimensions() {
        return 128;
      }
    };
    IOException e = assertThrows(IOException.class, () -> EmbeddingCache.open(dir, wider));
    assertEquals(true, e.getMessage().contains("delete it"), e.getMessage());
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
