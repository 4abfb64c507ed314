package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cuepoint index [--rebuild]}: bring the keyword index up to date with the corpus. */
@Command(
    name = "index",
    description = "Bring the keyword index up to date with the corpus (only changed videos are re-indexed).",
    mixinStandardHelpOptions = true)
final class IndexCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rebuild", description = "index every video again, from scratch")
  boolean rebuild;

  @Override
  public Integer call() throws IOException {
    SyncResult r = update(data, rebuild, spec.commandLine().getErr());
    spec.commandLine().getOut().println(r.summary());
    return r.failures().isEmpty() ? 0 : 1;
  }

  /**
   * Syncs the index of a data directory with its corpus, then (unless embeddings are off) the passage
   * vectors; progress, the vectors' summary and failures go to {@code err}.
   */
  static SyncResult update(DataDir data, boolean rebuild, PrintWriter err) throws IOException {
    CorpusStore store = new CorpusStore(data.dir);
    SyncResult r;
    try (KeywordIndex index = data.openIndex(System.getenv(), false)) {
      r = index.sync(CorpusSnapshot.of(store), rebuild, err::println);
      r.failures().forEach(f -> err.println("not indexed: " + f));
    }
    // semantic search: the passages of new or changed videos are embedded (cached by text)
    dev.cuepoint.index.Embedder embedder = Vectors.embedder();
    if (embedder != null) {
      try (dev.cuepoint.index.PassageIndex passages = dev.cuepoint.index.PassageIndex.open(data.vectors(), embedder)) {
        dev.cuepoint.index.PassageSyncResult v = passages.sync(CorpusSnapshot.of(store), rebuild, err::println, null);
        v.failures().forEach(f -> err.println("no vectors: " + f));
        err.println(v.summary());
      }
    }
    return r;
  }
}
