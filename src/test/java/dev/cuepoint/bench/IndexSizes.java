package dev.cuepoint.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Where an index's bytes are, by Lucene file kind (terms, postings, positions, offsets, stored fields,
 * doc values…), looking inside compound files: what to shrink when the index is too large.
 *
 * <pre>java -cp … dev.cuepoint.bench.IndexSizes target/bench/remix-10000/data/lucene</pre>
 */
public final class IndexSizes {
  private IndexSizes() {}

  public static void main(String[] args) throws Exception {
    Map<String, Long> byKind = of(Path.of(args[0]));
    long total = byKind.values().stream().mapToLong(Long::longValue).sum();
    byKind.forEach((ext, bytes) -> System.out.printf("%-4s %-42s %8.1f MB %5.1f%%%n", ext, KINDS.getOrDefault(ext, ""),
        bytes / 1048576.0, 100.0 * bytes / total));
    System.out.printf("total %.1f MB%n", total / 1048576.0);
  }

  static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("tim", "term dictionary"), Map.entry("tip", "term index"), Map.entry("tmd", "term metadata"),
      Map.entry("doc", "postings: documents and frequencies"), Map.entry("pos", "postings: positions"),
      Map.entry("pay", "postings: offsets (and payloads)"), Map.entry("fdt", "stored fields"),
      Map.entry("fdx", "stored fields index"), Map.entry("nvd", "norms"), Map.entry("dvd", "doc values"),
      Map.entry("kdd", "points"), Map.entry("kdi", "points index"));

  /** File extension → bytes, over the last commit's segments. */
  static Map<String, Long> of(Path index) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Directory dir = FSDirectory.open(index)) {
      SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
      for (SegmentCommitInfo sci : infos) {
        if (sci.info.getUseCompoundFile()) {
          try (Directory cfs = sci.info.getCodec().compoundFormat().getCompoundReader(dir, sci.info)) {
            for (String f : cfs.listAll()) {
              out.merge(ext(f), cfs.fileLength(f), Long::sum);
            }
          }
        } else {
          for (String f : sci.files()) {
            out.merge(ext(f), dir.fileLength(f), Long::sum);
          }
        }
      }
    }
    return out;
  }

  private static String ext(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(dot + 1);
  }
}
