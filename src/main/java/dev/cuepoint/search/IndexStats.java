package dev.cuepoint.search;

import dev.cuepoint.index.Fields;
import dev.cuepoint.index.SearchIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * What the index holds right now, for the status page.
 *
 * @param videos videos indexed
 * @param transcriptsByLanguage language tag → number of videos with a transcript in it
 * @param cues caption cues in the indexed transcripts
 * @param sizeBytes bytes the index takes on disk
 */
public record IndexStats(int videos, Map<String, Integer> transcriptsByLanguage, long cues, long sizeBytes) {
  public IndexStats {
    if (videos < 0) {
      throw new IllegalArgumentException("videos must be >= 0, got " + videos);
    }
    transcriptsByLanguage = Map.copyOf(transcriptsByLanguage);
  }

  /** Counts over the searcher current now. */
  public static IndexStats of(SearchIndex index) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      Map<String, Integer> langs = new TreeMap<>();
      Terms terms = MultiTerms.getTerms(reader, Fields.LANG);
      if (terms != null) {
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          // docFreq counts deleted documents until a merge; live counts are what users expect
          int live = searcher.count(new org.apache.lucene.search.TermQuery(
              new org.apache.lucene.index.Term(Fields.LANG, BytesRef.deepCopyOf(t))));
          if (live > 0) {
            langs.put(t.utf8ToString(), live);
          }
        }
      }
      return new IndexStats(reader.numDocs(), langs, cues(reader), sizeOnDisk(index.path()));
    } finally {
      index.release(searcher);
    }
  }

  private static long cues(IndexReader reader) throws IOException {
    long sum = 0;
    for (org.apache.lucene.index.LeafReaderContext ctx : reader.leaves()) {
      org.apache.lucene.index.NumericDocValues values = ctx.reader().getNumericDocValues(Fields.CUES);
      org.apache.lucene.util.Bits live = ctx.reader().getLiveDocs();
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        if (live == null || live.get(doc)) {
          sum += values.longValue();
        }
      }
    }
    return sum;
  }

  private static long sizeOnDisk(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(IndexStats::sizeOf).sum();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0; // merged away between listing and reading: no longer part of the index
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }
}
