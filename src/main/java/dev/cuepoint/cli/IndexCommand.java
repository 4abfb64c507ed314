package dev.cuepoint.cli;

import dev.cuepoint.corpus.CorpusStore;
import dev.cuepoint.index.CorpusSnapshot;
import dev.cuepoint.index.Embedder;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.PassageSyncResult;
import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.index.SyncResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cuepoint index [--rebuild]}: bring the keyword index, then the passage vectors, up to date with
 * the corpus. Also the two halves {@code import} and {@code crawl} run after fetching: the keyword index
 * at once, the vectors now ({@code --wait-for-embeddings}) or later.
 */
@Command(
    name = "index",
    description = {
      "Bring the keyword index up to date with the corpus (only changed videos are re-indexed),",
      "then embed the passages semantic search lacks (progress on stderr)."
    },
    mixinStandardHelpOptions = true)
final class IndexCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--rebuild", description = "index every video again, from scratch")
  boolean rebuild;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    SyncResult r = updateKeywords(data, rebuild, err);
    spec.commandLine().getOut().println(r.summary());
    boolean embedded = embed(data, rebuild, err);
    return r.failures().isEmpty() && embedded ? 0 : 1;
  }

  /** Syncs the keyword index of a data directory with its corpus; progress and failures go to {@code err}. */
  static SyncResult updateKeywords(DataDir data, boolean rebuild, PrintWriter err) throws IOException {
    CorpusStore store = new CorpusStore(data.dir);
    try (KeywordIndex index = data.openIndex(System.getenv(), false)) {
      SyncResult r = index.sync(CorpusSnapshot.of(store), rebuild, err::println);
      r.failures().forEach(f -> err.println("not indexed: " + f));
      return r;
    }
  }

  /**
   * Embeds the passages the passage index lacks (unless embeddings are off), committing as it goes:
   * progress lines, failures and the summary go to {@code err}. False when a video failed.
   */
  static boolean embed(DataDir data, boolean rebuild, PrintWriter err) throws IOException {
    Embedder embedder = Vectors.embedder();
    if (embedder == null) {
      return true;
    }
    try (PassageIndex passages = PassageIndex.open(data.vectors(), embedder)) {
      PassageSyncResult v = passages.sync(CorpusSnapshot.of(new CorpusStore(data.dir)), rebuild, err::println, null);
      v.failures().forEach(f -> err.println("no vectors: " + f));
      err.println(v.summary());
      return v.failures().isEmpty();
    }
  }

  /**
   * After {@code import} or {@code crawl} updated the keyword index: with {@code wait}, embeds the new
   * passages now (see {@link #embed}); else prints one line on {@code out} saying what is left to embed
   * and who embeds it. Removals alone (nothing to embed) are done at once. False when a video failed.
   */
  static boolean vectorsAfterFetch(DataDir data, boolean wait, PrintWriter out, PrintWriter err) throws IOException {
    if (wait) {
      return embed(data, false, err);
    }
    Embedder embedder = Vectors.embedder();
    if (embedder == null) {
      return true;
    }
    CorpusSnapshot corpus = CorpusSnapshot.of(new CorpusStore(data.dir));
    PassageIndex passages;
    boolean held = false;
    try {
      passages = PassageIndex.open(data.vectors(), embedder);
    } catch (SearchIndex.IndexLockedException e) {
      passages = PassageIndex.openReadOnly(data.vectors()); // a running serve holds it
      held = true;
    }
    try (PassageIndex p = passages) {
      PassageIndex.Backlog left = p.backlog(corpus, embedder, true);
      if (left.videos() == 0) {
        if (left.removed() > 0 && !held) {
          p.sync(corpus, false, null, null); // only deletions: nothing for the model
        }
        return true;
      }
      out.println(String.format(Locale.ROOT,
          "semantic search: %,d passages of %,d videos left to embed; %s", left.passages(), left.videos(), held
              ? "the running 'cuepoint serve' embeds them at its next refresh"
              : "'cuepoint serve' embeds them in the background (or now: 'cuepoint index', or --wait-for-embeddings)"));
      return true;
    }
  }
}
