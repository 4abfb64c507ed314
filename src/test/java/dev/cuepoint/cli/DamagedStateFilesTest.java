package dev.cuepoint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.FakeYouTube;
import dev.cuepoint.crawl.Lectures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A crawl state (which also holds the quota spent today) or OAuth file that was cut short, zeroed or
 * overwritten: {@code cuepoint crawl} says in one line which file and what to do, never a stack trace.
 */
class DamagedStateFilesTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "crawl.json, empty, delete it",
    "crawl.json, zeros, delete it",
    "crawl.json, cut, delete it",
    "oauth.json, empty, cuepoint auth",
    "oauth.json, zeros, cuepoint auth",
    "oauth.json, cut, cuepoint auth",
  })
  void a_damaged_state_file_is_reported_in_one_line_with_what_to_do(String file, String damage, String todo)
      throws Exception {
    Path state = Files.createDirectories(tmp.resolve("data/state"));
    String whole = file.equals("oauth.json")
        ? "{\"clientId\": \"id\", \"clientSecret\": \"secret\", \"refreshToken\": \"token\", \"tokenUrl\": \"http://x/\"}"
        : "{\"schema\": 1, \"videos\": {}}";
    byte[] bytes = switch (damage) {
      case "empty" -> new byte[0];
      case "zeros" -> new byte[64];
      default -> whole.substring(0, whole.length() / 2).getBytes();
    };
    Files.write(state.resolve(file), bytes);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (FakeYouTube fake = new FakeYouTube()) {
      Lectures.serve(fake);
      CommandLine cl = new CommandLine(new CrawlCommand(file.equals("oauth.json")
          ? Map.of() : Map.of("CUEPOINT_YOUTUBE_API_KEY", FakeYouTube.KEY)));
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      cl.setExecutionExceptionHandler(new Failures());
      int status = cl.execute("--data", tmp.resolve("data").toString(), "--playlist", Lectures.PLAYLIST,
          "--youtube-api-root", fake.root(), "--oauth-token-url", fake.tokenUrl());
      assertEquals(1, status, err.toString());
    }
    String said = err.toString().strip();
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.contains(state.resolve(file).toString()) && said.contains(todo), said);
  }
}
