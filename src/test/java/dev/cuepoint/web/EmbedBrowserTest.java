package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embeddable search box (issue 22) on a course page served from another origin (another port), in
 * real headless Chromium: the page embeds Cuepoint's {@code /embed.js} with one script tag, and a
 * stand-in for YouTube's embedded player (served from a third port, as YouTube's would be) that records
 * the commands it is sent. A fourth port serves the same page from an origin the server does not list.
 */
class EmbedBrowserTest {
  static final String VIDEO = "stdpLecture"; // the video the course page embeds

  @TempDir static Path dir;
  static TestSite site; // CORS closed
  static TestSite cuepoint; // lists the course's origin
  static HttpServer course;
  static HttpServer player;
  static HttpServer stranger;
  static ChromeDriver driver;
  static String axe;

  @BeforeAll
  static void start() throws IOException {
    player = serve(ex -> fakePlayer());
    course = serve(null);
    stranger = serve(null);
    Library library = Library.standard();
    site = TestSite.start(dir, library);
    cuepoint = site.alongsideWithCors(library, List.of(origin(course)));
    coursePage(course);
    coursePage(stranger);
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
    try (InputStream in = EmbedBrowserTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    for (HttpServer s : new HttpServer[] {course, player, stranger}) {
      if (s != null) {
        s.stop(0);
      }
    }
    if (cuepoint != null) {
      cuepoint.close();
    }
    if (site != null) {
      site.close();
    }
  }

  // ------------------------------------------------------------------ the other sites

  interface Page {
    String html(com.sun.net.httpserver.HttpExchange ex);
  }

  static HttpServer serve(Page page) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    if (page != null) {
      s.createContext("/", ex -> send(ex, page.html(ex)));
    }
    s.start();
    return s;
  }

  static void send(com.sun.net.httpserver.HttpExchange ex, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  static String origin(HttpServer s) {
    return "http://127.0.0.1:" + s.getAddress().getPort();
  }

  /**
   * A course page as a static site generator would make one: its own CSS (with rules that would break a
   * widget sharing its styles), the lecture's YouTube iframe with the JS API on, the script tag.
   */
  static void coursePage(HttpServer s) {
    String html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Week 7: plasticity</title>
        <style>
          :root { --cuepoint-accent: rgb(120, 20, 90); }
          div { font-size: 40px; }
          input, button { display: none !important; }
          a { color: rgb(0, 200, 0); }
        </style></head>
        <body><main>
        <h1>Week 7: spike-timing-dependent plasticity</h1>
        <p>Read the notes, then watch the lecture.</p>
        <div id="search-here"></div>
        <iframe id="lecture" title="Lecture video" width="560" height="315"
          src="PLAYER/embed/VIDEO?enablejsapi=1&amp;origin=COURSE"></iframe>
        <script src="CUEPOINT/embed.js" data-playlist="PLtestCourse" data-limit="5" data-target="#search-here"
          data-placeholder="Search the lectures" async></script>
        </main></body></html>
        """
        .replace("PLAYER", origin(player)).replace("VIDEO", VIDEO).replace("COURSE", origin(s))
        .replace("CUEPOINT", "http://127.0.0.1:" + cuepoint.server.port());
    s.createContext("/week7.html", ex -> send(ex, html));
  }

  /** YouTube's embedded player as far as commands go: it keeps every message it is sent, with its sender. */
  static String fakePlayer() {
    return """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Player</title></head>
        <body><p id="said">fake player</p><script>
        window.__received = [];
        addEventListener('message', (e) => {
          window.__received.push({ data: String(e.data), origin: e.origin });
          document.getElementById('said').textContent = String(e.data);
        });
        </script></body></html>
        """;
  }

  // ------------------------------------------------------------------ helpers

  static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static SearchContext open(HttpServer from) {
    driver.get(origin(from) + "/week7.html");
    WebElement host = waitUntil(d -> d.findElement(By.cssSelector("#search-here .cuepoint-search")));
    return host.getShadowRoot();
  }

  static List<WebElement> moments(SearchContext box) {
    return box.findElements(By.cssSelector("a.moment"));
  }

  static String inBox(String expression) {
    return String.valueOf(js("const r = document.querySelector('.cuepoint-search').shadowRoot; return " + expression));
  }

  static JsonNode received() {
    driver.switchTo().frame(driver.findElement(By.id("lecture")));
    try {
      return new ObjectMapper().readTree((String) js("return JSON.stringify(window.__received)"));
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      driver.switchTo().defaultContent();
    }
  }

  // ------------------------------------------------------------------ tests

  @Test
  void a_course_page_on_another_origin_searches_and_a_moment_seeks_the_page_s_own_player() throws IOException {
    SearchContext box = open(course);
    WebElement q = box.findElement(By.cssSelector("input[type=search]"));
    assertTrue(q.isDisplayed(), "the page's 'input { display: none }' does not reach inside the box");
    assertEquals("Search the lectures", q.getDomAttribute("placeholder"));
    assertEquals("rgb(120, 20, 90)", inBox("getComputedStyle(r.querySelector('button[type=submit]')).backgroundColor"),
        "styled by the page's --cuepoint-accent");
    assertEquals("15px", inBox("getComputedStyle(r.querySelector('input')).fontSize"), "not the page's 40px divs");

    q.sendKeys("stdp" + Keys.ENTER);
    waitUntil(d -> !moments(box).isEmpty());
    JsonNode api = Http.get(cuepoint.url("/api/search?q=stdp&playlist=PLtestCourse&limit=5&moments=3")).json();
    JsonNode first = api.get("results").get(0);
    assertEquals(VIDEO, first.get("videoId").asText());
    assertEquals(first.get("moments").size(), moments(box).size());
    WebElement m = moments(box).getFirst();
    JsonNode expected = first.get("moments").get(0);
    assertEquals(expected.get("url").asText(), m.getDomAttribute("href"), "a YouTube link with t= where no player is");
    assertTrue(m.getDomAttribute("href").contains("&t="), m.getDomAttribute("href"));
    assertTrue(box.findElement(By.cssSelector(".status")).getText().startsWith(api.get("total").asInt() + " video"),
        box.findElement(By.cssSelector(".status")).getText());
    assertTrue(m.findElements(By.tagName("mark")).size() > 0, "the matched words are marked");

    List<String> violations = seriousViolationsAndCheckTheBoxWasSeen();
    assertEquals(List.of(), violations, "axe on the course page with the results open");

    m.click();
    waitUntil(d -> received().size() >= 2);
    JsonNode got = received();
    JsonNode seek = new ObjectMapper().readTree(got.get(0).get("data").asText());
    assertEquals("seekTo", seek.get("func").asText(), got.toString());
    int second = (int) Math.floor(expected.get("start").asDouble());
    assertEquals(second, seek.get("args").get(0).asInt(), "seeks to the moment's second: " + got);
    assertEquals("playVideo", new ObjectMapper().readTree(got.get(1).get("data").asText()).get("func").asText());
    assertEquals(origin(course), got.get(0).get("origin").asText(), "sent by the course page");
    assertTrue(driver.getWindowHandles().size() == 1, "no YouTube tab was opened");
    assertEquals("true", inBox("r.querySelector('.panel').hidden"), "the results close once the player seeks");
    assertEquals("lecture", driver.switchTo().activeElement().getDomAttribute("id"), "focus on the player");
  }

  /** axe-core's serious and critical violations; fails unless axe reported on nodes inside the box's shadow root. */
  static List<String> seriousViolationsAndCheckTheBoxWasSeen() throws IOException {
    js(axe);
    Object raw = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document).then(r => done(JSON.stringify({violations: r.violations,"
            + " inShadow: [...r.passes, ...r.violations].flatMap(x => x.nodes)"
            + ".filter(n => Array.isArray(n.target[0])).length})), e => done(JSON.stringify({error: String(e)})));");
    JsonNode r = new ObjectMapper().readTree((String) raw);
    assertFalse(r.has("error"), r.toString());
    assertTrue(r.get("inShadow").asInt() > 5, "axe checked the box's own elements: " + r.get("inShadow"));
    List<String> out = new ArrayList<>();
    for (JsonNode v : r.get("violations")) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        out.add(impact + " " + v.get("id").asText() + ": " + v.get("help").asText() + " " + v.get("nodes"));
      }
    }
    return out;
  }

  @Test
  void a_moment_of_a_video_the_page_does_not_embed_opens_youtube_at_its_second() {
    SearchContext box = open(course);
    // note whether the box let the link do its default (open YouTube), then stop it: there is no network
    js("window.__opened = []; document.addEventListener('click', e => {"
        + " const a = e.composedPath()[0].closest && e.composedPath()[0].closest('a');"
        + " if (!a) return; window.__opened.push({href: a.href, prevented: e.defaultPrevented}); e.preventDefault(); });");
    box.findElement(By.cssSelector("input")).sendKeys("hebbian" + Keys.ENTER);
    waitUntil(d -> !moments(box).isEmpty());
    WebElement m = moments(box).stream().filter(a -> "hebbLecture".equals(a.getDomAttribute("data-video"))).findFirst()
        .orElseThrow(() -> new AssertionError(box.findElement(By.cssSelector(".panel")).getText()));
    assertEquals("_blank", m.getDomAttribute("target"));
    String href = m.getDomAttribute("href");
    assertTrue(href.startsWith("https://www.youtube.com/watch?v=hebbLecture&t=" + m.getDomAttribute("data-t") + "s"), href);
    m.findElement(By.className("time")).click();
    waitUntil(d -> !"[]".equals(String.valueOf(js("return JSON.stringify(window.__opened)"))));
    assertEquals("false", String.valueOf(js("return window.__opened[0].prevented")), "the link was left to open YouTube");
    assertEquals(href, js("return window.__opened[0].href"));
    assertEquals(0, received().size(), "the page's player of another video was not touched");
  }

  @Test
  void escape_closes_the_results_and_focus_returns_to_the_box() {
    SearchContext box = open(course);
    WebElement q = box.findElement(By.cssSelector("input"));
    q.sendKeys("hebbian" + Keys.ENTER);
    waitUntil(d -> !moments(box).isEmpty());
    q.sendKeys(Keys.ARROW_DOWN);
    assertEquals("moment", inBox("r.activeElement && r.activeElement.className"), "↓ goes to the first moment");
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    waitUntil(d -> "true".equals(inBox("r.querySelector('.panel').hidden")));
    assertEquals("cp-q", inBox("r.activeElement && r.activeElement.id"), "focus back in the search box");
    assertEquals("hebbian", q.getDomProperty("value"), "Escape keeps what was typed");
    // the label names the box for screen readers
    assertEquals("Search the lectures", inBox("r.querySelector('label[for=cp-q]').textContent"));
  }

  @Test
  void a_site_the_server_does_not_list_cannot_read_the_answers_and_says_so() {
    SearchContext box = open(stranger);
    assertNotEquals(origin(course), origin(stranger));
    box.findElement(By.cssSelector("input")).sendKeys("stdp" + Keys.ENTER);
    WebElement status = box.findElement(By.cssSelector(".status"));
    waitUntil(d -> status.getText().contains("cannot be reached"));
    assertTrue(moments(box).isEmpty());
  }

  /** The box runs inside other people's sites: a title or caption holding markup must stay text there. */
  @Test
  void markup_in_a_title_or_caption_stays_text_on_the_course_page() {
    SearchContext box = open(course);
    box.findElement(By.cssSelector("input")).sendKeys("beware" + Keys.ENTER);
    waitUntil(d -> !moments(box).isEmpty());
    assertEquals(Library.HOSTILE_TITLE, box.findElement(By.cssSelector(".title")).getText());
    assertTrue(moments(box).getFirst().getText().contains("<script>alert(1)</script>"), moments(box).getFirst().getText());
    assertEquals("0", inBox("r.querySelectorAll('script, img').length"));
    assertEquals(0L, js("return document.querySelectorAll('img').length"));
  }
}
