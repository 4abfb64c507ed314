package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Unit tests of the page's pure modules ({@code format.js}, {@code url.js}), run in the same Chromium
 * the page runs in, as the page loads them (ES modules from the server, no build step).
 */
class PageModulesBrowserTest {
  @org.junit.jupiter.api.io.TempDir static Path dir;
  static TestSite site;
  static ChromeDriver driver;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    site = TestSite.start(dir, Library.standard());
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
    driver.get(site.url("/"));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (site != null) {
      site.close();
    }
  }

  /** The JSON of {@code expression}, evaluated with the module's exports in scope as {@code m}. */
  static String eval(String module, String expression) {
    // the expression is part of the script (the page's CSP allows no eval)
    Object out = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "import(arguments[0]).then(m => done(JSON.stringify(" + expression + ")))"
            + ".catch(e => done('error: ' + e));",
        module);
    return (String) out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      m.clock(0)                                   | "0:00"
      m.clock(59.99)                               | "0:59"
      m.clock(754.2)                               | "12:34"
      m.clock(3725)                                | "1:02:05"
      m.clock(-3)                                  | "0:00"
      m.plural(1, 'moment')                        | "1 moment"
      m.plural(0, 'moment')                        | "0 moments"
      m.youtubeWatch('abc_DEF-123', 90.9)          | "https://www.youtube.com/watch?v=abc_DEF-123&t=90s"
      m.youtuBe('abc_DEF-123', 0)                  | "https://youtu.be/abc_DEF-123"
      m.queryWords('"Spike timing" -dopamine title:neuron OR x') | ["spike","timing","neuron"]
      m.wordRanges('Neurons fire; the neuron fired', ['neuron', 'fire']) | [[0,7],[8,12],[18,24],[25,30]]
      m.findRanges('abcABCabc', 'bc')              | [[1,3],[4,6],[7,9]]
      m.findRanges('abc', '')                      | []
      m.shorten('short text', 120)                 | "short text"
      m.shorten('one two three four', 12)          | "one two…"
      m.shorten('a  b\\n c', 10)                   | "a b c"
      m.headline({total: 0, wordMatches: 0, mode: 'keyword'}, 'zebrafish') | "No moments found for “zebrafish”."
      m.headline({total: 3, wordMatches: 3, mode: 'keyword'}, 'stdp')  | "3 videos for “stdp”"
      m.headline({total: 2, wordMatches: 1, mode: 'keyword'}, 'stdp hebbian') | "1 video with all the words of “stdp hebbian” · 1 with some of the words"
      m.headline({total: 4, wordMatches: 0, mode: 'hybrid'}, 'membrane zebrafish') | "No exact matches for “membrane zebrafish” · 4 related videos"
      m.headline({total: 5, wordMatches: null, mode: 'semantic'}, 'why') | "5 videos related by meaning to “why”"
      """)
  void format_js(String expression, String expected) throws IOException {
    assertEquals(JSON.readTree(expected), JSON.readTree(eval("/format.js", expression)), expression);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      m.readUrl('http://x/?q=stdp').q                                   | "stdp"
      m.readUrl('http://x/watch/stdpLecture?t=90&q=stdp').video          | "stdpLecture"
      m.readUrl('http://x/watch/stdpLecture?t=90&q=stdp').t              | 90
      m.readUrl('http://x/watch/short?t=90').video                       | null
      m.readUrl('http://x/?q=a&t=-5').t                                  | 0
      m.readUrl('http://x/?q=a&sort=relevance').sort                     | ""
      m.urlFor({q: 'spike timing', video: null, t: 0, mode: 'keyword'}) | "/?q=spike+timing&mode=keyword"
      m.urlFor({q: 'stdp', video: 'stdpLecture', t: 90.7})              | "/watch/stdpLecture?t=90&q=stdp"
      m.urlFor(m.readUrl('http://x/watch/stdpLecture?t=4&q=a%26b&lang=de')) | "/watch/stdpLecture?t=4&q=a%26b&lang=de"
      """)
  void url_js(String expression, String expected) throws IOException {
    assertEquals(JSON.readTree(expected), JSON.readTree(eval("/url.js", expression)), expression);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      m.wordSpans('we go on', [0, 0, 3, 250, 6, 500], 10)                 | [{"from":0,"to":2,"at":10},{"from":3,"to":5,"at":10.25},{"from":6,"to":8,"at":10.5}]
      m.wordSpans('end.  ', [0, 0], 2)                                     | [{"from":0,"to":4,"at":2}]
      m.wordSpans('abc', [], 1)                                            | []
      m.wordSpans('abc', null, 1)                                          | []
      m.wordSpans('abc', [5, 0], 1)                                        | []
      m.wordAt(m.wordSpans('a b c', [0, 0, 2, 250, 4, 500], 75.5), 75.49)  | -1
      m.wordAt(m.wordSpans('a b c', [0, 0, 2, 250, 4, 500], 75.5), 75.5)  | 0
      m.wordAt(m.wordSpans('a b c', [0, 0, 2, 250, 4, 500], 75.5), 75.74) | 0
      m.wordAt(m.wordSpans('a b c', [0, 0, 2, 250, 4, 500], 75.5), 75.75) | 1
      m.wordAt(m.wordSpans('a b c', [0, 0, 2, 250, 4, 500], 75.5), 99)    | 2
      m.wordAtChar(m.wordSpans('ab cd', [0, 0, 3, 250], 0), 0)            | 0
      m.wordAtChar(m.wordSpans('ab cd', [0, 0, 3, 250], 0), 2)            | 0
      m.wordAtChar(m.wordSpans('ab cd', [0, 0, 3, 250], 0), 3)            | 1
      m.wordAtChar(m.wordSpans(' ab', [1, 0], 0), 0)                      | -1
      """)
  void words_js(String expression, String expected) throws IOException {
    assertEquals(JSON.readTree(expected), JSON.readTree(eval("/words.js", expression)), expression);
  }
}
