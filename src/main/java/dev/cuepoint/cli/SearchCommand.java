package dev.cuepoint.cli;

import dev.cuepoint.index.IndexRepair;
import dev.cuepoint.index.PassageIndex;
import dev.cuepoint.index.KeywordIndex;
import dev.cuepoint.search.ModeSearch;
import dev.cuepoint.search.Moment;
import dev.cuepoint.search.SearchRequest;
import dev.cuepoint.search.SearchResponse;
import dev.cuepoint.search.SearchService;
import dev.cuepoint.search.VideoHit;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cuepoint search QUERY}: the same results as {@code GET /api/search}. */
@Command(
    name = "search",
    description = {
      "Search the index and print videos with their moments.",
      "Query language: words (all count; videos with every word first), \"quoted phrases\",",
      "prefix neuro*, wildcard n?uron, fuzzy hebian~ (or ~1, ~2), -exclude, a OR b,",
      "fields title: chapter: description: channel: transcript:"
    },
    mixinStandardHelpOptions = true)
final class SearchCommand implements Callable<Integer> {
  @Mixin DataDir data;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "QUERY", description = "what to search for")
  String[] query;

  @Option(names = "--json", description = "print JSON, as the HTTP API does")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "videos to show (1-100)")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "videos to skip")
  int offset;

  @Option(names = "--moments", paramLabel = "N", defaultValue = "5", description = "moments per video")
  int moments;

  @Option(names = "--playlist", paramLabel = "ID", description = "only videos in this playlist")
  String playlist;

  @Option(names = "--lang", paramLabel = "LANG", description = "only transcripts in this language")
  String lang;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "published on or after")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "published on or before")
  LocalDate to;

  @Option(
      names = "--sort",
      defaultValue = "relevance",
      paramLabel = "ORDER",
      description = "relevance or date (newest first)")
  String sort;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "keyword (the words said), semantic (by meaning) or hybrid (words first, meaning for the rest);"
          + " default: hybrid where passage vectors exist, else keyword")
  String mode;

  // set when the command line was read without picocli (see quick); else picocli's streams
  private PrintWriter out;
  private PrintWriter err;

  private PrintWriter out() {
    return out != null ? out : spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return err != null ? err : spec.commandLine().getErr();
  }

  /** The options {@link #quick} reads: each takes a value. */
  private static final java.util.Set<String> VALUE_OPTIONS =
      java.util.Set.of("--data", "--mode", "--limit", "--offset", "--moments", "--playlist", "--lang", "--sort");

  /**
   * A search command line read without picocli, or null when picocli must read it. Picocli builds its
   * model of the command by reflection and its classes (Java 5 class files) stay out of the JVM's
   * start-up cache: that is a third of a search's start. So the plain, common command lines — words
   * and the options above, {@code --opt value} or {@code --json}, each at most once — are read here, to
   * the same fields and defaults; anything else (help, {@code --opt=value}, dates, the OpenSearch
   * options, a word starting with "-", a value that does not parse, a mistake) goes to picocli, which
   * answers as it always has.
   */
  static SearchCommand quick(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 2 || !args[0].equals("search")) {
      return null;
    }
    java.util.Map<String, String> values = new java.util.HashMap<>();
    java.util.List<String> words = new java.util.ArrayList<>();
    boolean json = false;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--json")) {
        if (json) {
          return null;
        }
        json = true;
      } else if (VALUE_OPTIONS.contains(a)) {
        if (i + 1 >= args.length || args[i + 1].startsWith("-") || values.put(a, args[++i]) != null) {
          return null;
        }
      } else if (a.startsWith("-")) {
        return null;
      } else {
        words.add(a);
      }
    }
    String dataEnv = System.getenv("CUEPOINT_DATA");
    if (words.isEmpty() || (dataEnv != null && dataEnv.isBlank())) {
      return null;
    }
    SearchCommand c = new SearchCommand();
    try {
      c.limit = Integer.parseInt(values.getOrDefault("--limit", "10"));
      c.offset = Integer.parseInt(values.getOrDefault("--offset", "0"));
      c.moments = Integer.parseInt(values.getOrDefault("--moments", "5"));
      c.data = new DataDir();
      c.data.dir = java.nio.file.Path.of(values.getOrDefault("--data", dataEnv != null ? dataEnv : "index"));
    } catch (NumberFormatException | java.nio.file.InvalidPathException e) {
      return null; // picocli says what is wrong
    }
    c.query = words.toArray(String[]::new);
    c.json = json;
    c.mode = values.get("--mode");
    c.sort = values.getOrDefault("--sort", "relevance");
    c.playlist = values.get("--playlist");
    c.lang = values.get("--lang");
    c.out = out;
    c.err = err;
    return c;
  }

  /** Runs a command {@link #quick} read: the exit status, failures reported as picocli's handler does. */
  int runQuick() {
    try {
      return call();
    } catch (Exception e) {
      return Failures.handle(e, "search", err);
    }
  }

  @Override
  public Integer call() throws Exception {
    SearchRequest.Sort order = switch (sort.toLowerCase(java.util.Locale.ROOT)) {
      case "relevance" -> SearchRequest.Sort.RELEVANCE;
      case "date" -> SearchRequest.Sort.DATE;
      default -> throw new Failures.UsageException("--sort must be 'relevance' or 'date', got '" + sort + "'");
    };
    SearchRequest.Mode chosen = mode == null ? null : switch (mode.toLowerCase(java.util.Locale.ROOT)) {
      case "keyword" -> SearchRequest.Mode.KEYWORD;
      case "semantic" -> SearchRequest.Mode.SEMANTIC;
      case "hybrid" -> SearchRequest.Mode.HYBRID;
      default -> throw new Failures.UsageException(
          "--mode must be 'keyword', 'semantic' or 'hybrid', got '" + mode + "'");
    };
    SearchRequest request = new SearchRequest(String.join(" ", query), limit, offset, playlist, lang, from, to,
        order, moments, java.util.List.of(), chosen);
    try (KeywordIndex index = openKeywords();
        PassageIndex passages = passagesFor(chosen)) {
      SearchService keyword = new SearchService(index);
      ModeSearch modes = passages == null
          ? ModeSearch.keywordOnly(keyword, java.nio.file.Files.isDirectory(data.vectors())
              ? Vectors.offReason() : "no passage vectors in " + data.vectors() + " (run 'cuepoint index')")
          : ModeSearch.of(index, keyword, passages, Vectors.embedder());
      SearchResponse response = modes.search(request);
      if (passages != null && !"keyword".equals(response.mode())) {
        notePending(passages);
      }
      PrintWriter out = out();
      if (json) {
        out.println(Json.write(response));
      } else {
        print(response, out, System.console() != null);
      }
    }
    return 0;
  }

  /**
   * The passage index for a search in {@code chosen} mode, or null for keyword search: when no mode is
   * asked for, and the data directory has no vectors or embeddings are off, the search is keyword.
   */
  private PassageIndex passagesFor(SearchRequest.Mode chosen) throws java.io.IOException {
    if (chosen == SearchRequest.Mode.KEYWORD) {
      return null;
    }
    boolean have = java.nio.file.Files.isDirectory(data.vectors().resolve("lucene"));
    if (chosen == null && (!have || Vectors.embedder() == null)) {
      return null;
    }
    if (Vectors.embedder() == null) {
      return null; // ModeSearch says why semantic search is off
    }
    try {
      return PassageIndex.openReadOnly(data.vectors());
    } catch (java.io.IOException e) {
      if (!IndexRepair.isDamage(e)) {
        throw e;
      }
      // the passage index cannot be read: opening it for writing moves it aside, then it is rebuilt
      err().println("the passage index cannot be read (" + e.getMessage()
          + "): rebuilding it from the corpus");
      IndexCommand.embed(data, false, err());
      return PassageIndex.openReadOnly(data.vectors());
    }
  }

  /** The keyword index, read-only; one that cannot be read is rebuilt from the corpus first. */
  private KeywordIndex openKeywords() throws java.io.IOException {
    try {
      return data.openIndex(System.getenv(), true);
    } catch (java.io.IOException e) {
      if (!IndexRepair.isDamage(e)) {
        throw e;
      }
      err().println("the keyword index cannot be read (" + e.getMessage()
          + "): rebuilding it from the corpus");
      IndexCommand.updateKeywords(data, false, err());
      return data.openIndex(System.getenv(), true);
    }
  }

  /** Says on stderr when semantic search does not cover the whole corpus yet (an import that did not wait). */
  private void notePending(PassageIndex passages) throws java.io.IOException {
    PassageIndex.Backlog left = passages.backlog(
        dev.cuepoint.index.CorpusSnapshot.of(new dev.cuepoint.corpus.CorpusStore(data.dir)), Vectors.embedder(), false);
    if (left.videos() > 0) {
      err().printf(
          "note: semantic search covers only the passages embedded so far: those of %d of the corpus's videos are"
              + " not embedded yet ('cuepoint index' embeds them now; 'cuepoint serve' in the background)%n",
          left.videos());
    }
  }

  static void print(SearchResponse r, PrintWriter out, boolean ansi) {
    out.printf("%d video%s for %s (%d ms)%n", r.total(), r.total() == 1 ? "" : "s", r.query(), r.tookMs());
    if (r.suggestion() != null) {
      out.println("Did you mean: " + r.suggestion());
    }
    for (VideoHit v : r.results()) {
      out.println();
      out.printf("%s  [%s]%s  %d moment%s%n", v.title().isEmpty() ? "(untitled)" : v.title(), v.videoId(),
          v.publishedAt() == null ? "" : "  " + v.publishedAt().substring(0, 10),
          v.momentsTotal(), v.momentsTotal() == 1 ? "" : "s");
      for (Moment m : v.moments()) {
        out.printf("  %8s  %s%n            %s%n", clock(m.start()), marked(m, ansi), m.url());
      }
    }
  }

  /** Seconds as 1:02:03 or 2:03. */
  static String clock(double seconds) {
    long s = (long) seconds;
    return s >= 3600
        ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60)
        : "%d:%02d".formatted(s / 60, s % 60);
  }

  private static String marked(Moment m, boolean ansi) {
    StringBuilder b = new StringBuilder(m.text());
    for (int i = m.highlights().size() - 1; i >= 0; i--) {
      int[] h = m.highlights().get(i);
      b.insert(h[1], ansi ? "\u001b[0m" : "]");
      b.insert(h[0], ansi ? "\u001b[1m" : "[");
    }
    return b.toString();
  }
}
