package dev.cuepoint.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded index tells {@link IndexRepair} without being asked what it is: whether it must be
 * indexed whole before it answers, and how many of its videos are in this version's layout.
 */
class IndexLayoutTest {
  @TempDir Path dir;

  static Video video(String id) {
    return new Video(id, "Spike timing", "", "", "", null, 0, "", "", List.of(), List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(new Cue(0, 2_000, "spike timing")))));
  }

  @Test
  void an_index_in_the_current_layout_answers_at_once() throws IOException {
    try (SearchIndex index = SearchIndex.open(dir.resolve("lucene"))) {
      assertTrue(index.repairsDamagedCopy());
      assertTrue(index.usefulConcurrentSearches() >= 1);
      assertEquals("it is new", IndexRepair.mustRebuild(index, 1));
      index.sync(CorpusSnapshot.inMemory(Map.of("vid00000001", video("vid00000001"))), false, null);
      try (KeywordIndex.View view = index.view()) {
        assertEquals(1, view.videosInCurrentLayout());
      }
      assertNull(IndexRepair.mustRebuild(index, 1));
    }
  }

  @Test
  void an_index_of_an_older_layout_is_indexed_whole_first() throws IOException {
    Path path = dir.resolve("lucene");
    try (FSDirectory d = FSDirectory.open(path);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new Analyzers()))) {
      Document old = new Document(); // a video as an older version wrote it: no layout number
      old.add(new StringField(Fields.ID, "vid00000001", Field.Store.YES));
      w.addDocument(old);
    }
    try (SearchIndex index = SearchIndex.open(path)) {
      try (KeywordIndex.View view = index.view()) {
        assertEquals(1, view.videos());
        assertEquals(0, view.videosInCurrentLayout());
      }
      String why = IndexRepair.mustRebuild(index, 1);
      assertTrue(why != null && why.contains("older version"), why);
      assertFalse(index.movedAside() != null, "an old layout is not damage");
    }
  }
}
