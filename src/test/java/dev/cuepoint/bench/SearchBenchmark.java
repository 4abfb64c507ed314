package dev.cuepoint.bench;

import dev.cuepoint.index.SearchIndex;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * In-process latency of one search, per engine and query kind, on an index {@link Bench} built
 * ({@code dir} holds {@code data/lucene} and {@code fts5.db}). Each call runs the next query of its
 * kind in turn. Cuepoint's search is the whole answer the API serves (top 10 videos, their moments
 * and snippets); FTS5's is the top {@value Fts5#LIMIT} cues by bm25 with their video id, time and text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmark {
  @Param("")
  public String dir;

  @Param({"cuepoint", "fts5"})
  public String engine;

  @Param({"ONE_WORD", "MULTI_WORD", "PHRASE", "PREFIX", "FUZZY", "RARE", "COMMON"})
  public String kind;

  private SearchIndex index;
  private SearchService service;
  private Fts5 fts5;
  private List<QueryMix.Query> queries;
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    QueryMix.Kind k = QueryMix.Kind.valueOf(kind);
    queries = QueryMix.of(k);
    if (engine.equals("fts5")) {
      queries = queries.stream().filter(q -> q.fts5() != null).toList();
      fts5 = Fts5.open(Path.of(dir, "fts5.db"));
    } else {
      index = SearchIndex.openReadOnly(Path.of(dir, "data", "lucene"));
      service = new SearchService(index);
    }
    if (queries.isEmpty()) {
      throw new IllegalStateException(engine + " cannot run " + kind + " queries"); // JMH skips it
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (fts5 != null) {
      fts5.close();
    }
    if (index != null) {
      index.close();
    }
  }

  @Benchmark
  public Object search() throws Exception {
    QueryMix.Query q = queries.get(next++ % queries.size());
    return fts5 != null ? fts5.search(q.fts5()) : service.search(SearchRequest.of(q.cuepoint()));
  }
}
