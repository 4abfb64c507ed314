package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code search} command lines read without picocli (for start-up time) give the command exactly the
 * fields picocli gives it, and those it cannot read the same way go to picocli.
 */
class QuickSearchArgsTest {
  static String fields(SearchCommand c) {
    return List.of(Arrays.toString(c.query), c.data.dir.toString(), c.json, c.limit, c.offset, c.moments,
        String.valueOf(c.playlist), String.valueOf(c.lang), String.valueOf(c.from), String.valueOf(c.to), c.sort,
        String.valueOf(c.mode), String.valueOf(c.data.backend)).toString();
  }

  static SearchCommand byPicocli(String[] args) {
    SearchCommand c = new SearchCommand();
    new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    return c;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "search neuron",
      "search spike timing",
      "search --mode keyword neuron",
      "search neuron --mode keyword --json",
      "search --data /tmp/x --limit 3 --offset 6 --moments 2 --sort date --playlist PL1 --lang en word",
      "search \"the brain\" learn* synaps~ title:hebb",
  })
  void plain_command_lines_are_read_as_picocli_reads_them(String line) {
    String[] args = line.split(" ");
    SearchCommand quick = SearchCommand.quick(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertNotNull(quick, line);
    assertEquals(fields(byPicocli(args)), fields(quick), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "search",
      "search --help",
      "search --limit=3 neuron",
      "search --from 2020-01-01 neuron",
      "search --backend opensearch neuron",
      "search --limit three neuron",
      "search --limit 3 --limit 4 neuron",
      "search neuron -exclude",
      "search --mode",
      "search --json --json neuron",
      "search --data",
      "index neuron",
  })
  void other_command_lines_are_left_to_picocli(String line) {
    assertNull(SearchCommand.quick(line.split(" "), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())), line);
  }
}
