package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cuepoint.corpus.AtomicFiles;
import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.EmbeddingCache;
import dev.cuepoint.index.FakeEmbedder;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up during {@code import}, {@code index --rebuild} and a refresh's indexing and
 * embedding, on a real small file system (a tmpfs of {@value #MEGABYTES} MB, filled with a file up to
 * a seeded number of bytes before each step). After each failed step: the command says which folder's
 * device is full and what to do, every corpus file is whole and unchanged, no temporary file is left,
 * the keyword index, the passage index and the embedding cache open as they were (none is taken for
 * damaged and moved aside) and find at least what they found before. Once the filler is gone, the same
 * step runs again and completes — as a new command run for the commands, and on the indexes kept open for
 * the refresh, as {@code serve} keeps them. {@code -Dcuepoint.diskfull.seed=N -Dcuepoint.diskfull.rounds=N}
 * for other runs.
 *
 * <p>Needs root to mount the tmpfs (CI runs as root); elsewhere it is skipped with a message, and under
 * {@code CI=true} it fails instead.
 */
class DiskFullTest {
  static final int MEGABYTES = 24;
  static final long SEED = Long.getLong("cuepoint.diskfull.seed", 4_096);
  static final int ROUNDS = Integer.getInteger("cuepoint.diskfull.rounds", 8);
  static final String WORD = "axon";

  /**
   * What fills the disk: {@code import}, {@code index --rebuild}, a whole refresh on open indexes, or
   * (disk filled after its import and keyword indexing) the refresh's embedding alone.
   */
  enum Step { IMPORT, INDEX, REFRESH, EMBED }

  @TempDir Path tmp;
  Path disk;
  boolean mounted;

  @BeforeEach
  void mount() throws Exception {
    disk = Files.createDirectories(tmp.resolve("disk"));
    Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + MEGABYTES + "m", "tmpfs", disk.toString())
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (p.waitFor() != 0) {
      String why = "cannot mount a " + MEGABYTES + " MB tmpfs at " + disk + " to fill it up (mount needs root): " + said;
      if ("true".equals(System.getenv("CI"))) {
        fail(why + "; CI=true, so this test must run: run the tests as root");
      }
      Assumptions.abort(why);
    }
    mounted = true;
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted && new ProcessBuilder("umount", disk.toString()).start().waitFor() != 0) {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(); // an open file: detach it
    }
  }

  /** Fills the tmpfs until about {@code leave} bytes are free; the filler file is deleted to make room. */
  Path fill(long leave) throws IOException {
    Path filler = disk.resolve("filler");
    long toWrite = Files.getFileStore(disk).getUsableSpace() - leave;
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      for (long n = 0; n < toWrite; n += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, toWrite - n));
      }
    } catch (IOException full) {
      // full already: fine, that is what this is for
    }
    return filler;
  }

  record Run(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run cuepoint(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  /** {@code n} videos saying {@link #WORD} and many words of their own (a few kilobytes each). */
  static Path downloads(Path folder, String prefix, int n, Random random) throws IOException {
    for (int i = 0; i < n; i++) {
      String[] sentences = new String[40];
      for (int k = 0; k < sentences.length; k++) {
        StringBuilder s = new StringBuilder("The " + WORD + " of lecture " + prefix + i + " part " + k);
        for (int w = 0; w < 10; w++) {
          s.append(' ').append(Long.toString(random.nextLong() & 0xffffffffL, 36));
        }
        sentences[k] = s.append('.').toString();
      }
      Folders.video(folder, String.format("%s%04d", prefix, i), "Lecture " + prefix + i, sentences);
    }
    return folder;
  }

  /** Every corpus file's bytes, by name; fails on a file that does not parse. */
  static Map<String, byte[]> corpusFiles(Path data) throws IOException {
    CorpusStore store = new CorpusStore(data);
    assertEquals(store.ids().size(), store.all().count(), "every corpus file reads");
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(store.directory())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(f.getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  static long keywordHits(Path data) throws Exception {
    try (SearchIndex index = SearchIndex.open(data.resolve("lucene"))) {
      assertNull(index.movedAside(), "the keyword index opens: a full disk is no damage");
      return new SearchService(index).search(SearchRequest.of(WORD)).total();
    }
  }

  record Vectors(int passages, int cached) {}

  static Vectors vectors(Path data, FakeEmbedder embedder) throws Exception {
    try (PassageIndex p = PassageIndex.open(data.resolve("vectors"), embedder)) {
      assertNull(p.movedAside(), "the passage index opens: a full disk is no damage");
      return new Vectors(p.passages(), p.cachedVectors());
    }
  }

  static List<String> leftovers(Path data) throws IOException {
    try (Stream<Path> files = Files.walk(data)) {
      return files.map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(AtomicFiles.TEMP_PREFIX) || n.endsWith(".tmp")).toList();
    }
  }

  /** What a failed step must say: which folder's device filled up, and what to do. */
  static void saysTheDiskIsFull(String said, Path data, String what) {
    assertTrue(said.contains("no space left on the device holding " + data.toAbsolutePath())
        && said.contains("free space and run the command again"), what + " must name the full disk:\n" + said);
  }

  @Test
  void a_full_disk_during_import_index_or_refresh_keeps_what_was_stored_and_the_next_run_completes() throws Exception {
    Random random = new Random(SEED);
    FakeEmbedder embedder = new FakeEmbedder("fake-384", 384);
    Path data = disk.resolve("data");
    Run first = cuepoint("import", "--data", data.toString(), downloads(tmp.resolve("dl-0"), "oldLect", 12, random).toString());
    assertEquals(0, first.status(), first.all());
    try (PassageIndex p = PassageIndex.open(data.resolve("vectors"), embedder)) {
      p.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null, null);
    }
    int videos = 12;
    int full = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Step step = Step.values()[round % Step.values().length];
      // little room: the step runs out of it somewhere in its writes, at another point each round
      long leave = random.nextLong(64 * 1024, 512 * 1024);
      Path dl = step == Step.INDEX ? null : downloads(tmp.resolve("dl-" + (round + 1)), String.format("rnd%02dLe", round), 40, random);
      Map<String, byte[]> corpusBefore = corpusFiles(data);
      long foundBefore = keywordHits(data);
      Vectors vectorsBefore = vectors(data, embedder);
      String what = "round " + round + " (seed " + SEED + "): " + step + " with " + leave / 1024 + " KiB free";
      boolean failed;
      String said = "";
      SearchIndex openKeywords = null;
      PassageIndex openPassages = null;
      Path filler = null;
      try {
        if (step == Step.REFRESH || step == Step.EMBED) {
          openKeywords = SearchIndex.open(data.resolve("lucene"));
          openPassages = PassageIndex.open(data.resolve("vectors"), embedder);
        }
        if (step == Step.EMBED) { // with room: only the embedding meets the full disk
          ImportCommand.importInto(Folders.data(data), List.of(dl), new PrintWriter(new StringWriter()));
          openKeywords.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null);
        }
        filler = fill(leave);
        switch (step) {
          case IMPORT, INDEX -> {
            Run r = step == Step.IMPORT
                ? cuepoint("import", "--data", data.toString(), dl.toString())
                : cuepoint("index", "--rebuild", "--data", data.toString());
            failed = r.status() != 0;
            said = r.err().strip().lines().reduce((a, b) -> b).orElse("");
            if (failed) {
              assertEquals(1, r.status(), what + ":\n" + r.all());
              saysTheDiskIsFull(r.err(), data, what);
            }
          }
          case REFRESH, EMBED -> {
            // what serve's refresh does, on indexes it keeps open: import, then keywords, then passages
            failed = false;
            try {
              if (step == Step.REFRESH) {
                ImportCommand.importInto(Folders.data(data), List.of(dl), new PrintWriter(new StringWriter()));
                openKeywords.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null);
              }
              openPassages.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null, null);
            } catch (AtomicFiles.NoSpaceException e) {
              failed = true;
              said = e.getMessage();
              assertTrue(e.dir().startsWith(data.toAbsolutePath()), what + ": " + e.getMessage());
              if (step == Step.EMBED) {
                assertEquals(data.resolve("vectors").toAbsolutePath(), e.dir(), what + ": the embedding filled it");
              }
              saysTheDiskIsFull(e.getMessage(), e.dir(), what);
              // searches go on from the last commit meanwhile
              assertTrue(new SearchService(openKeywords).search(SearchRequest.of(WORD)).total() >= foundBefore, what);
            }
          }
          default -> throw new AssertionError(step);
        }
        full += failed ? 1 : 0;
        System.out.printf("%s: %s%n", what, failed ? "ran out of space: " + said : "had room enough");

        if (openKeywords == null) { // a failed command; the refresh's indexes are still open
          Map<String, byte[]> corpusAfter = corpusFiles(data);
          corpusBefore.forEach((name, bytes) -> assertArrayEquals(bytes, corpusAfter.get(name), what + ": " + name));
          assertTrue(keywordHits(data) >= foundBefore, what + ": the keyword index finds what it found before");
          Vectors v = vectors(data, embedder);
          assertTrue(v.passages() >= vectorsBefore.passages() && v.cached() >= vectorsBefore.cached(),
              what + ": passages and cached vectors kept: " + vectorsBefore + " before, " + v + " after");
        } else {
          Map<String, byte[]> corpusAfter = corpusFiles(data);
          corpusBefore.forEach((name, bytes) -> assertArrayEquals(bytes, corpusAfter.get(name), what + ": " + name));
          assertTrue(openPassages.passages() >= vectorsBefore.passages(), what + ": the open passage index still"
              + " searches what it had: " + openPassages.passages() + " passages, " + vectorsBefore + " before");
        }
        assertEquals(List.of(), leftovers(data), what + ": no temporary file left behind");

        // space again: the same step completes
        Files.delete(filler);
        switch (step) {
          case IMPORT -> {
            Run r = cuepoint("import", "--data", data.toString(), dl.toString());
            assertEquals(0, r.status(), what + ", then again with room:\n" + r.all());
            videos += 40;
          }
          case INDEX -> {
            Run r = cuepoint("index", "--rebuild", "--data", data.toString());
            assertEquals(0, r.status(), what + ", then again with room:\n" + r.all());
          }
          case REFRESH, EMBED -> {
            ImportCommand.importInto(Folders.data(data), List.of(dl), new PrintWriter(new StringWriter()));
            assertEquals(List.of(), openKeywords.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null).failures());
            assertEquals(List.of(), openPassages.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null, null)
                .failures());
            assertEquals(videos + 40, new SearchService(openKeywords).search(SearchRequest.of(WORD)).total(),
                what + ": the indexes kept open find every video once there is room");
            videos += 40;
          }
          default -> throw new AssertionError(step);
        }
      } finally {
        if (openKeywords != null) {
          openKeywords.close();
        }
        if (openPassages != null) {
          openPassages.close();
        }
        if (filler != null) {
          Files.deleteIfExists(filler);
        }
      }
      assertEquals(videos, new CorpusStore(data).ids().size(), what);
      assertEquals(videos, keywordHits(data), what + ": with room again, the keyword index finds every video");
    }
    // and the passages catch up with everything
    try (PassageIndex p = PassageIndex.open(data.resolve("vectors"), embedder)) {
      assertEquals(List.of(), p.sync(CorpusSnapshot.of(new CorpusStore(data)), false, null, null).failures());
      assertEquals(0, p.backlog(CorpusSnapshot.of(new CorpusStore(data)), embedder, false).videos(),
          "nothing left to embed");
    }
    System.out.printf("seed %d: %d of %d steps ran out of space%n", SEED, full, ROUNDS);
    assertTrue(full >= ROUNDS / 2, "most steps must run out of space to test anything: " + full + " of " + ROUNDS);
  }

  @Test
  void a_vector_cut_short_by_a_full_disk_leaves_the_cache_in_step_and_every_whole_vector_reads_after_reopening()
      throws Exception {
    FakeEmbedder embedder = new FakeEmbedder("fake-384", 384);
    Path dir = disk.resolve("vectors");
    Map<EmbeddingCache.Hash, float[]> stored = new java.util.LinkedHashMap<>();
    int n = 0;
    try (EmbeddingCache cache = EmbeddingCache.open(dir, embedder)) {
      Path filler = fill(100 * 1024 + 700); // a record is 1,552 bytes: the disk fills mid-record
      IOException full = null;
      for (; full == null && n < 1_000_000; n++) {
        String text = "passage " + n;
        float[] v = embedder.embed(List.of(text)).getFirst();
        try {
          cache.put(EmbeddingCache.Hash.of(text), v);
          stored.put(EmbeddingCache.Hash.of(text), v);
        } catch (IOException e) {
          full = e;
        }
      }
      assertTrue(full instanceof AtomicFiles.NoSpaceException, String.valueOf(full));
      saysTheDiskIsFull(full.getMessage(), dir, "a vector put on a full disk");
      Files.delete(filler);
      for (int k = 0; k < 10; k++, n++) { // room again: the next vectors go where whole records end
        String text = "passage " + n;
        float[] v = embedder.embed(List.of(text)).getFirst();
        cache.put(EmbeddingCache.Hash.of(text), v);
        stored.put(EmbeddingCache.Hash.of(text), v);
      }
      cache.flush();
    }
    try (EmbeddingCache cache = EmbeddingCache.open(dir, embedder)) {
      assertEquals(stored.size(), cache.size(), "every whole vector, and nothing else, is in the cache");
      for (Map.Entry<EmbeddingCache.Hash, float[]> e : stored.entrySet()) {
        assertArrayEquals(e.getValue(), cache.get(e.getKey()), "vector of " + e.getKey());
      }
    }
  }

  @Test
  void the_message_names_the_folder_whose_device_is_full() throws Exception {
    Path data = disk.resolve("data");
    Path filler = fill(0);
    IOException e = assertThrows(IOException.class,
        () -> AtomicFiles.write(data.resolve("corpus").resolve("a.json"), new byte[256 * 1024]));
    saysTheDiskIsFull(e.getMessage(), data.resolve("corpus"), "a write to a full disk");
    assertEquals(List.of(), leftovers(disk.resolve("data")), "no temporary file left behind");
    Files.delete(filler);
    AtomicFiles.write(data.resolve("corpus").resolve("a.json"), new byte[256 * 1024]);
    assertEquals(256 * 1024, Files.size(data.resolve("corpus").resolve("a.json")));
  }
}
