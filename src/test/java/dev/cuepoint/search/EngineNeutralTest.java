package dev.cuepoint.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The search layer and the web server know no search engine: no class in {@code dev.cuepoint.search}
 * or {@code dev.cuepoint.web} names a Lucene type (an import, or a fully qualified name in code). They
 * speak {@code index.SearchQuery} and {@code index.KeywordIndex}; the engines' adapters live in
 * {@code index} and {@code opensearch}.
 */
class EngineNeutralTest {
  private static final Path SOURCES = Path.of("src", "main", "java", "dev", "cuepoint");

  /** Block comments, then line comments: a Lucene name in a comment is not a use of Lucene. */
  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");

  private static final Pattern LUCENE = Pattern.compile("\\borg\\.apache\\.lucene\\.[\\w.]*");

  @Test
  void search_and_web_name_no_lucene_type() throws IOException {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    for (String pkg : List.of("search", "web")) {
      Path dir = SOURCES.resolve(pkg);
      assertTrue(Files.isDirectory(dir), "no sources at " + dir.toAbsolutePath() + ": run from the project folder");
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          scanned++;
          found.addAll(luceneNames(f));
        }
      }
    }
    assertTrue(scanned > 20, "expected the search and web sources, scanned " + scanned + " files");
    assertEquals(List.of(), found, "search and web must not use Lucene: give the index layer a method instead");
  }

  /** Each Lucene name in a source, as "File.java:line name". */
  static List<String> luceneNames(Path source) throws IOException {
    String text = Files.readString(source);
    Matcher comments = COMMENTS.matcher(text);
    StringBuilder code = new StringBuilder();
    while (comments.find()) {
      // keep the line breaks of a comment, so that line numbers stay right
      comments.appendReplacement(code, Matcher.quoteReplacement(comments.group().replaceAll("[^\\n]", " ")));
    }
    comments.appendTail(code);
    List<String> out = new ArrayList<>();
    Matcher m = LUCENE.matcher(code);
    while (m.find()) {
      long line = code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      out.add(source.getFileName() + ":" + line + " " + m.group());
    }
    return out;
  }

  @Test
  void finds_an_import_a_qualified_name_and_skips_comments(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("Sample.java");
    Files.writeString(f, String.join("\n", "package x;", "import org.apache.lucene.search.Query;",
        "/* org.apache.lucene.index.Term in a comment */", "class Sample { // org.apache.lucene.util.BytesRef",
        "  Object o = new org.apache.lucene.document.Document();", "}"));
    assertEquals(List.of("Sample.java:2 org.apache.lucene.search.Query",
        "Sample.java:5 org.apache.lucene.document.Document"), luceneNames(f));
  }
}
