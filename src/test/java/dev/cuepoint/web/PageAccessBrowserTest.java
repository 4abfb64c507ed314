package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page for every person and every lecture length (issue 19), in real headless Chromium: axe-core's
 * rules on the home, results and watch pages at desktop and phone sizes; journeys by keyboard alone; a
 * 2,300-line lecture (tab stops, find speed, the transcript inside its card); "Show all N moments" on a
 * video ranked past 100; layouts that must not break.
 */
class PageAccessBrowserTest {
  /**
   * A lecture of 1 h 55 min in 2,300 lines, each starting half a second after a whole second, with
   * word timings as auto-captions have them: a word every quarter second from the line's start.
   */
  static final String LONG = "longLecture";
  static final int LONG_LINES = 2_300;

  /** A video whose thumbnail is missing (404). */
  static final String NO_THUMB = "noThumbVid1";

  @TempDir static Path dir;
  static TestSite site;
  static TestSite offline; // the player script answers 404
  static ChromeDriver driver;
  static String axe;

  static Library library() {
    Library l = VideoMomentsApiTest.crowded();
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < LONG_LINES; i++) {
      long start = i * 3_000L + 500;
      String text = i % 50 == 25
          ? "a complex system of " + i + " parts behaves in complex ways"
          : "we go on about cortical oscillations and rhythms, line " + i;
      cues.add(new Cue(start, start + 2_900, text, timedWords(start, text)));
    }
    l.add(new Video(LONG, "The longest lecture", "", "Cuepoint tests", "UCtest",
        Instant.parse("2020-06-01T00:00:00Z"), 6_900, "/test/thumb-2.svg", "en", List.of(), List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", cues))));
    l.add(new Video(NO_THUMB, "A zygote lecture with no picture", "", "Cuepoint tests", "UCtest",
        Instant.parse("2020-06-02T00:00:00Z"), 300, "/test/missing.svg", "en", List.of(), List.of(),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(
            new Cue(2_000, 5_000, "the zygote divides"))))));
    return l;
  }

  static List<dev.cuepoint.captions.Word> timedWords(long start, String text) {
    String[] words = text.split(" ");
    List<dev.cuepoint.captions.Word> out = new ArrayList<>();
    for (int k = 0; k < words.length; k++) {
      out.add(new dev.cuepoint.captions.Word(start + k * 250L, words[k]));
    }
    return out;
  }

  @BeforeAll
  static void start() throws IOException {
    Library library = library();
    site = TestSite.start(dir, library);
    offline = site.alongside(library, "/test/no-such-iframe-api.js");
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
    try (InputStream in = PageAccessBrowserTest.class.getResourceAsStream(
        "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is missing: the org.webjars.npm:axe-core test dependency");
      }
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (offline != null) {
      offline.close();
    }
    if (site != null) {
      site.close();
    }
  }

  // ------------------------------------------------------------------ helpers

  static void open(TestSite s, String path) {
    driver.get(s.url(path));
    waitUntil(d -> js("return document.readyState").equals("complete"));
  }

  static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  static WebElement active() {
    return driver.switchTo().activeElement();
  }

  static List<WebElement> moments() {
    return driver.findElements(By.cssSelector("a.moment"));
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  static void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    // the window's outer size includes no chrome in headless mode; check what the page sees
    waitUntil(d -> ((Number) js("return window.innerWidth")).intValue() == width);
  }

  /** Presses {@code key} (with Shift when asked) until {@code done}, at most {@code max} times; the presses. */
  static int pressUntil(CharSequence key, boolean shift, int max, Function<WebElement, Boolean> done) {
    for (int i = 1; i <= max; i++) {
      active().sendKeys(shift ? Keys.chord(Keys.SHIFT, key) : key);
      if (done.apply(active())) {
        return i;
      }
    }
    throw new AssertionError("not reached in " + max + " presses; focus on " + describe(active()));
  }

  static String describe(WebElement e) {
    return e.getTagName() + "#" + e.getDomAttribute("id") + "." + e.getDomAttribute("class") + " '"
        + e.getText().lines().findFirst().orElse("") + "'";
  }

  static List<Call> moves() {
    Object raw = js("return window.__player ? JSON.stringify(window.__player.calls) : '[]'");
    List<Call> out = new ArrayList<>();
    try {
      for (JsonNode c : new ObjectMapper().readTree((String) raw)) {
        if (c.get("fn").asText().contains("ById") || c.get("fn").asText().equals("seekTo")) {
          out.add(new Call(c.get("fn").asText(), c.path("videoId").asText(null), c.path("seconds").asDouble()));
        }
      }
    } catch (IOException e) {
      throw new AssertionError(String.valueOf(raw), e);
    }
    return out;
  }

  record Call(String fn, String videoId, double seconds) {}

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  static List<String> seriousViolations() throws IOException {
    js(axe);
    Object raw = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error',"
            + " impact: 'critical', help: String(e), nodes: []}])));");
    List<String> out = new ArrayList<>();
    for (JsonNode v : new ObjectMapper().readTree((String) raw)) {
      String impact = v.path("impact").asText();
      if (impact.equals("serious") || impact.equals("critical")) {
        List<String> targets = new ArrayList<>();
        for (JsonNode n : v.get("nodes")) {
          targets.add(n.get("target").toString());
        }
        out.add(impact + " " + v.get("id").asText() + ": " + v.get("help").asText() + " " + targets);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ axe-core

  @ParameterizedTest(name = "{0} at {1}x{2}")
  @CsvSource({
      "/, 1366, 900",
      "/?q=stdp, 1366, 900",
      "/watch/stdpLecture?t=90&q=stdp, 1366, 900",
      "/, 390, 844",
      "/?q=stdp, 390, 844",
      "/watch/stdpLecture?t=90&q=stdp, 390, 844",
  })
  void axe_finds_no_serious_or_critical_violation(String path, int width, int height) throws IOException {
    Dimension before = driver.manage().window().getSize();
    try {
      size(width, height);
      open(site, path);
      if (path.contains("q=")) {
        waitUntil(d -> !moments().isEmpty());
      }
      if (path.startsWith("/watch")) {
        waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
        waitUntil(d -> !d.findElements(By.cssSelector(".line.current")).isEmpty());
      }
      assertEquals(List.of(), seriousViolations(), path + " at " + width + "x" + height);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Test
  void axe_finds_no_serious_violation_without_youtube_s_player() throws IOException {
    open(offline, "/watch/stdpLecture?t=30&q=stdp");
    waitUntil(d -> d.findElement(By.id("player-fallback")).isDisplayed());
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    assertEquals(List.of(), seriousViolations());
  }

  @ParameterizedTest
  @CsvSource({"/?q=stdp", "/watch/stdpLecture?t=90&q=stdp"})
  void in_the_dark_theme_axe_finds_no_serious_violation(String path) throws IOException {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features",
        List.of(java.util.Map.of("name", "prefers-color-scheme", "value", "dark"))));
    try {
      open(site, path);
      waitUntil(d -> !moments().isEmpty());
      if (path.startsWith("/watch")) {
        waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
      }
      assertEquals("rgb(20, 24, 27)", js("return getComputedStyle(document.body).backgroundColor"), "dark");
      assertEquals(List.of(), seriousViolations(), path + " in the dark theme");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", List.of()));
    }
  }

  @Test
  void printed_the_transcript_is_whole_and_the_rest_is_left_out() {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
    try {
      open(site, "/watch/stdpLecture?t=90&q=stdp");
      waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
      assertFalse(driver.findElement(By.id("results")).isDisplayed(), "the results are not printed");
      assertFalse(driver.findElement(By.cssSelector("header.top")).isDisplayed());
      assertEquals(Boolean.TRUE, js("const l = document.getElementById('lines'); return l.scrollHeight <= l.clientHeight + 1"),
          "every line is on paper, none scrolled away");
    } finally {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
    }
  }

  @Test
  void axe_is_really_run_a_planted_violation_is_caught() throws IOException {
    open(site, "/");
    js("const i = document.createElement('img'); i.src = '/test/thumb-1.svg'; document.getElementById('intro').append(i);");
    List<String> found = seriousViolations();
    assertTrue(found.stream().anyMatch(v -> v.contains("image-alt")), found.toString());
  }

  /** WCAG 1.4.11: the borders that show where to type and click stand out 3:1 from the white around them. */
  @Test
  void input_and_button_borders_have_at_least_3_to_1_contrast() {
    open(site, "/watch/stdpLecture?t=0&q=stdp");
    waitUntil(d -> !moments().isEmpty());
    driver.findElement(By.cssSelector("#filters summary")).click();
    for (String selector : List.of("#q", "#find", "#close-watch", "#copy-youtube", "#from", "#playlist")) {
      String color = (String) js("return getComputedStyle(document.querySelector(arguments[0])).borderTopColor", selector);
      double ratio = contrast(color, "rgb(255, 255, 255)");
      assertTrue(ratio >= 3, selector + " border " + color + ": " + ratio + ":1");
    }
  }

  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static double luminance(String rgb) {
    String[] p = rgb.replaceAll("[^0-9,.]", "").split(",");
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Double.parseDouble(p[i]) / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  // ------------------------------------------------------------------ keyboard

  @Test
  void keyboard_journey_search_moment_play_find_close_and_back_to_the_same_moment() {
    open(site, "/");
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", active().getDomAttribute("id"));
    active().sendKeys("stdp" + Keys.ENTER);
    waitUntil(d -> moments().size() == 3);
    active().sendKeys(Keys.ARROW_DOWN);
    active().sendKeys(Keys.ARROW_DOWN);
    WebElement chosen = active();
    assertEquals(moments().get(1), chosen);
    String t = chosen.getDomAttribute("data-t");
    chosen.sendKeys(Keys.ENTER);
    waitUntil(d -> !moves().isEmpty());
    assertEquals(new Call("loadVideoById", "stdpLecture", Double.parseDouble(t)), moves().getFirst());
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);

    int toFind = pressUntil(Keys.TAB, true, 12, e -> "find".equals(e.getDomAttribute("id")));
    assertTrue(toFind <= 6, "from the moment back to find: " + toFind + " presses");
    active().sendKeys("timing" + Keys.ENTER);
    waitUntil(d -> text("find-count").startsWith("1 of "));
    assertEquals("lines", active().getDomAttribute("id"), "Enter in find moves focus to the hit");
    WebElement hit = driver.findElement(By.cssSelector(".line.found-here"));
    assertTrue(hit.getText().contains("timing"), hit.getText());
    int seeks = moves().size();
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> moves().size() > seeks);
    assertEquals("seekTo", moves().getLast().fn(), "Enter on the hit plays from it: " + moves());

    int toClose = pressUntil(Keys.TAB, true, 12, e -> "close-watch".equals(e.getDomAttribute("id")));
    assertTrue(toClose <= 8, "from the transcript back to Close: " + toClose + " presses");
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> !d.findElement(By.id("watch")).isDisplayed());
    WebElement back = active();
    assertEquals("a", back.getTagName(), describe(back));
    assertEquals("stdpLecture", back.getDomAttribute("data-video"));
    assertEquals(t, back.getDomAttribute("data-t"), "focus is back on the moment that was played");
  }

  @Test
  void one_letter_shortcuts_move_find_copy_and_question_mark_lists_them() throws IOException {
    open(site, "/watch/stdpLecture?t=0&q=stdp");
    waitUntil(d -> moments().size() == 3);
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    driver.findElement(By.tagName("body")).sendKeys("j");
    assertEquals(moments().get(0), active());
    active().sendKeys("j");
    active().sendKeys("j");
    active().sendKeys("k");
    assertEquals(moments().get(1), active());
    // headless Chromium's clipboard waits for a permission nobody gives: a stand-in records the text
    js("Object.defineProperty(navigator, 'clipboard', {value: {writeText: t => { window.__copied = t;"
        + " return Promise.resolve(); }}})");
    active().sendKeys("c");
    waitUntil(d -> String.valueOf(js("return window.__copied")).endsWith("/watch/stdpLecture?q=stdp"));
    assertTrue(text("copied").startsWith("Cuepoint link copied: "), text("copied"));
    active().sendKeys("f");
    assertEquals("find", active().getDomAttribute("id"));
    active().sendKeys("?");
    assertFalse(driver.findElement(By.id("keys-help")).isDisplayed(), "? is typed into the find box, not a shortcut");
    active().sendKeys(Keys.BACK_SPACE);
    js("arguments[0].focus()", moments().get(0));
    active().sendKeys("?");
    WebElement help = driver.findElement(By.id("keys-help"));
    waitUntil(d -> help.isDisplayed());
    assertTrue(help.getText().contains("find in the transcript"), help.getText());
    assertEquals(List.of(), seriousViolations(), "with the list of shortcuts open");
    active().sendKeys(Keys.ESCAPE);
    waitUntil(d -> !help.isDisplayed());
    assertTrue(driver.findElement(By.id("watch")).isDisplayed(), "Escape closed the list, not the player");
  }

  @Test
  void arrow_keys_move_inside_the_transcript_and_enter_plays_from_the_line() {
    open(site, "/watch/stdpLecture?t=0&q=stdp");
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    waitUntil(d -> !moves().isEmpty());
    WebElement lines = driver.findElement(By.id("lines"));
    js("arguments[0].focus()", lines);
    active().sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    String activeId = lines.getDomAttribute("aria-activedescendant");
    assertEquals("line-2", activeId);
    assertEquals("true", driver.findElement(By.id(activeId)).getDomAttribute("aria-selected"));
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> moves().getLast().equals(new Call("seekTo", "stdpLecture", 30)));
    active().sendKeys(Keys.END);
    assertEquals("line-" + (driver.findElements(By.cssSelector("#lines li")).size() - 1),
        lines.getDomAttribute("aria-activedescendant"));
  }

  @Test
  void the_long_lecture_s_watch_page_has_few_tab_stops() {
    open(site, "/watch/" + LONG + "?t=0&q=complex");
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == LONG_LINES);
    waitUntil(d -> !moments().isEmpty());
    long stops = (Long) js("return Array.from(document.querySelectorAll("
        + "'a[href], button, input, select, textarea, summary, [tabindex]'))"
        + ".filter(e => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0).length");
    assertTrue(stops <= 80, stops + " tab stops");
    assertEquals(0L, js("return document.querySelectorAll('#lines [tabindex], #lines button, #lines a').length"),
        "no line is a tab stop of its own");
  }

  @Test
  void enter_on_a_moment_without_youtube_s_player_says_it_opens_youtube_and_the_transcript_stays_reachable() {
    open(offline, "/?q=stdp");
    waitUntil(d -> moments().stream().allMatch(m -> m.getDomAttribute("href").startsWith("https://")));
    for (WebElement m : moments()) {
      assertTrue(m.getDomAttribute("aria-label").endsWith("opens YouTube in a new tab"), m.getDomAttribute("aria-label"));
    }
    WebElement read = driver.findElement(By.cssSelector("li.video[data-video='stdpLecture'] a.transcript-link"));
    assertTrue(read.isDisplayed());
    js("arguments[0].focus()", read);
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> d.findElement(By.id("player-fallback")).isDisplayed());
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    assertEquals("lines", active().getDomAttribute("id"), "the transcript has the focus");
  }

  @Test
  void escape_in_the_search_box_keeps_the_query_and_closes_the_suggestions() {
    open(site, "/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("plast");
    waitUntil(d -> d.findElement(By.id("suggestions")).isDisplayed());
    q.sendKeys(Keys.ESCAPE);
    assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
    q.sendKeys(Keys.ESCAPE);
    assertEquals("plast", q.getDomProperty("value"));
  }

  @Test
  void the_tab_title_follows_searches_made_in_the_page() {
    open(site, "/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("stdp" + Keys.ENTER);
    waitUntil(d -> d.getTitle().equals("stdp — Cuepoint"));
    q.clear();
    q.sendKeys("hebbian" + Keys.ENTER);
    waitUntil(d -> d.getTitle().equals("hebbian — Cuepoint"));
    assertEquals(1L, js("return document.querySelectorAll('h1').length"));
  }

  // ------------------------------------------------------------------ a lecture that scales

  /** Typed slower than the find box waits (120 ms): every letter marks the lines anew. */
  @Test
  void typing_seven_letters_into_find_blocks_the_page_under_400_ms() {
    open(site, "/watch/" + LONG + "?t=0");
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == LONG_LINES);
    js("window.__long = 0; new PerformanceObserver(l => l.getEntries().forEach(e => window.__long += e.duration))"
        + ".observe({type: 'longtask'});");
    WebElement find = driver.findElement(By.id("find"));
    long t0 = System.nanoTime();
    String typed = "";
    for (char c : "complex".toCharArray()) {
      find.sendKeys(String.valueOf(c));
      String now = typed += c;
      // each letter is marked before the next is typed, as by someone typing slower than the find box waits
      waitUntil(d -> now.equals(d.findElement(By.id("lines")).getDomAttribute("data-find")));
    }
    waitUntil(d -> text("find-count").equals((LONG_LINES / 50) + " lines"));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    double blocked = ((Number) js("return window.__long")).doubleValue();
    System.out.println("find in transcript, 7 letters on " + LONG_LINES + " lines: long tasks " + blocked
        + " ms, typing took " + ms + " ms");
    assertTrue(blocked < 400, "long tasks while typing: " + blocked + " ms (typing took " + ms + " ms)");
    assertEquals(2L * (LONG_LINES / 50), js("return document.querySelectorAll('#lines mark.find').length"));
  }

  @Test
  void the_transcript_stays_inside_its_card_at_1280_by_720() {
    Dimension before = driver.manage().window().getSize();
    try {
      size(1280, 720);
      open(site, "/watch/" + LONG + "?t=0&q=complex");
      waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == LONG_LINES);
      @SuppressWarnings("unchecked")
      List<Number> r = (List<Number>) js("const w = document.getElementById('watch').getBoundingClientRect(),"
          + " l = document.getElementById('lines').getBoundingClientRect(); return [w.bottom, l.bottom, l.height];");
      assertTrue(r.get(1).doubleValue() <= r.get(0).doubleValue() + 0.5, "lines end at " + r.get(1) + ", card at " + r.get(0));
      assertTrue(r.get(2).doubleValue() >= 150, "room for several lines: " + r.get(2) + " px");
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Test
  void after_choosing_a_moment_its_line_is_current_not_the_one_before() {
    open(site, "/?q=complex");
    WebElement m = waitUntil(d -> d.findElement(By.cssSelector("a.moment[data-video='" + LONG + "']")));
    String said = m.findElement(By.className("words")).getText();
    m.click();
    waitUntil(d -> !moves().isEmpty());
    double start = Double.parseDouble(m.getDomAttribute("data-start"));
    assertEquals(Math.floor(start), moves().getFirst().seconds(), "the player starts at the whole second before");
    assertNotEquals(start, moves().getFirst().seconds(), "the test needs a moment that does not start on a second");
    WebElement current = waitUntil(d -> d.findElement(By.cssSelector(".line.current")));
    assertTrue(said.contains(current.findElement(By.className("txt")).getText()),
        "current: '" + current.getText() + "', moment: '" + said + "'");
  }

  @Test
  void a_link_s_whole_second_makes_the_line_starting_in_it_current() {
    open(site, "/watch/" + LONG + "?t=75"); // line 25 starts at 75.5 s, line 24 at 72.5 s
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == LONG_LINES);
    waitUntil(d -> !moves().isEmpty());
    WebElement current = waitUntil(d -> d.findElement(By.cssSelector(".line.current")));
    assertEquals("line-25", current.getDomAttribute("id"), current.getText());
    js("window.__player.time = 78.6; window.__player.state = 1;"); // playback goes on: line 26 at 78.5 s
    waitUntil(d -> "line-26".equals(d.findElement(By.cssSelector(".line.current")).getDomAttribute("id")));
  }

  @Test
  void show_all_moments_works_on_a_video_ranked_past_100() {
    open(site, "/?q=synapse&mode=keyword");
    waitUntil(d -> !moments().isEmpty());
    By far = By.cssSelector("li.video[data-video='" + VideoMomentsApiTest.FAR + "']");
    for (int page = 0; page < 20 && driver.findElements(far).isEmpty(); page++) {
      int shown = driver.findElements(By.cssSelector("li.video")).size();
      WebElement more = driver.findElement(By.id("more"));
      assertTrue(more.isDisplayed(), "More videos after " + shown);
      js("arguments[0].focus()", more);
      active().sendKeys(Keys.ENTER);
      waitUntil(d -> d.findElements(By.cssSelector("li.video")).size() > shown);
      WebElement first = driver.findElements(By.cssSelector("li.video")).get(shown);
      assertEquals(first.getDomAttribute("data-video"), active().getDomAttribute("data-video"),
          "focus on the first new video after More");
    }
    int rank = ((Long) js("return Array.from(document.querySelectorAll('li.video'))"
        + ".findIndex(li => li.dataset.video === arguments[0])", VideoMomentsApiTest.FAR)).intValue() + 1;
    assertTrue(rank > 100, "ranked " + rank);
    WebElement card = driver.findElement(far);
    assertEquals(5, card.findElements(By.cssSelector("a.moment")).size());
    WebElement all = card.findElement(By.cssSelector(".more-moments"));
    assertEquals("Show all " + VideoMomentsApiTest.FAR_MOMENTS + " moments", all.getText());
    js("arguments[0].focus()", all);
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> d.findElement(far).findElements(By.cssSelector("a.moment")).size() == VideoMomentsApiTest.FAR_MOMENTS);
    List<WebElement> links = driver.findElement(far).findElements(By.cssSelector("a.moment"));
    assertEquals(links.get(5), active(), "focus on the first moment not shown before");
    assertTrue(driver.findElement(far).findElements(By.cssSelector(".more-moments")).isEmpty());
  }

  // ------------------------------------------------------------------ layout

  @Test
  void a_400_letter_query_without_spaces_does_not_widen_the_phone_page() {
    Dimension before = driver.manage().window().getSize();
    try {
      size(390, 844);
      open(site, "/?q=" + "x".repeat(400));
      waitUntil(d -> !text("status").isEmpty() && !text("status").startsWith("Searching"));
      assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
          "scrollWidth " + js("return document.documentElement.scrollWidth"));
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Test
  void a_thumbnail_that_fails_leaves_no_empty_column() {
    open(site, "/?q=zygote");
    WebElement card = waitUntil(d -> d.findElement(By.cssSelector("li.video[data-video='" + NO_THUMB + "']")));
    waitUntil(d -> card.getDomAttribute("class").contains("no-thumb"));
    assertTrue(card.findElements(By.cssSelector(".thumb, .duration")).isEmpty());
    double gap = card.findElement(By.cssSelector(".video-head")).getRect().getX() - card.getRect().getX();
    assertTrue(gap < 30, "the title starts " + gap + " px into the card");
  }

  @Test
  void the_intro_s_examples_are_words_the_index_holds() {
    open(site, "/");
    waitUntil(d -> !text("ex-words").equals("spike timing"));
    String[] words = text("ex-words").split(" ");
    assertEquals(2, words.length);
    for (String w : words) {
      JsonNode r = Http.get(site.url("/api/search?q=" + w + "&mode=keyword")).json();
      assertTrue(r.get("total").asInt() > 0, w + " is not in the index");
    }
    assertTrue(text("ex-exclude").startsWith("-"));
    assertTrue(text("ex-prefix").endsWith("*"));
  }

  // ------------------------------------------------------------------ words

  /** The text the named CSS highlight marks, or null when it marks nothing. */
  static String highlighted(String name) {
    return (String) js("const h = CSS.highlights.get(arguments[0]); return h && h.size ? [...h][0].toString() : null", name);
  }

  static void openLongAt75() {
    open(site, "/watch/" + LONG + "?t=75"); // line 25 starts at 75.5 s: "a complex system of 25 parts behaves in complex ways"
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == LONG_LINES);
    waitUntil(d -> "loaded".equals(d.findElement(By.id("lines")).getDomAttribute("data-words")));
    waitUntil(d -> !moves().isEmpty());
  }

  @Test
  void the_word_being_said_is_marked_as_playback_goes_and_never_early() {
    openLongAt75();
    waitUntil(d -> "a".equals(highlighted("cuepoint-word"))); // the link's line, from its first word
    // words every 0.25 s from 75.5 s: "system" at 76.0, "of" at 76.25
    js("window.__player.time = 76.0; window.__player.state = 1;");
    waitUntil(d -> "system".equals(highlighted("cuepoint-word")));
    js("window.__player.time = 76.24;");
    // the page follows playback every 250 ms: after two of its ticks at 76.24 s it must still say "system"
    awaitPageTime(0.6);
    assertEquals("system", highlighted("cuepoint-word"), "'of' starts at 76.25 s, not before");
    assertEquals("line-25", driver.findElement(By.cssSelector(".line.current")).getDomAttribute("id"));
    js("window.__player.time = 76.25;");
    waitUntil(d -> "of".equals(highlighted("cuepoint-word")));
    js("window.__player.time = 78.49;"); // line 26 starts at 78.5 s: still line 25, its last word
    waitUntil(d -> "ways".equals(highlighted("cuepoint-word")));
    assertEquals("line-25", driver.findElement(By.cssSelector(".line.current")).getDomAttribute("id"));
    js("window.__player.time = 78.5;");
    waitUntil(d -> "we".equals(highlighted("cuepoint-word")));
    assertEquals("line-26", driver.findElement(By.cssSelector(".line.current")).getDomAttribute("id"));
  }

  /** Waits until the page's clock moved on by {@code seconds}, measured in the page (no sleep in the test). */
  static void awaitPageTime(double seconds) {
    double t0 = ((Number) js("return performance.now()")).doubleValue();
    waitUntil(d -> ((Number) js("return performance.now()")).doubleValue() - t0 >= seconds * 1000);
  }

  @Test
  void clicking_a_word_plays_from_that_word_and_the_time_stamp_from_the_line() {
    openLongAt75();
    @SuppressWarnings("unchecked")
    List<Number> box = (List<Number>) js("const txt = document.querySelector('#line-25 .txt');"
        + " const at = txt.textContent.indexOf('behaves'); const r = document.createRange();"
        + " const w = document.createTreeWalker(txt, NodeFilter.SHOW_TEXT); let n, seen = 0;"
        + " while ((n = w.nextNode())) { if (at < seen + n.data.length) break; seen += n.data.length; }"
        + " r.setStart(n, at - seen); r.setEnd(n, at - seen + 7); const b = r.getBoundingClientRect();"
        + " return [b.left + b.width / 2, b.top + b.height / 2];");
    int before = moves().size();
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToLocation(box.get(0).intValue(), box.get(1).intValue()).click().perform();
    waitUntil(d -> moves().size() > before);
    // "behaves" is the 7th word: 75.5 + 6 × 0.25 = 77.0 s
    assertEquals(new Call("seekTo", LONG, 77), moves().getLast());
    waitUntil(d -> "behaves".equals(highlighted("cuepoint-word")));
    assertTrue(driver.getCurrentUrl().contains("t=77"), driver.getCurrentUrl());

    WebElement stamp = driver.findElement(By.cssSelector("#line-27 .ts"));
    int seeks = moves().size();
    stamp.click();
    waitUntil(d -> moves().size() > seeks);
    assertEquals(new Call("seekTo", LONG, 81), moves().getLast(), "line 27 starts at 81.5 s");
    waitUntil(d -> "line-27".equals(d.findElement(By.cssSelector(".line.current")).getDomAttribute("id")));
    // the player is at 81 s, before the line: it stays current over the page's next ticks (not line 26)
    awaitPageTime(0.6);
    assertEquals("line-27", driver.findElement(By.cssSelector(".line.current")).getDomAttribute("id"));
  }

  @Test
  void left_and_right_arrows_choose_a_word_of_the_line_and_enter_plays_from_it() {
    openLongAt75();
    WebElement lines = driver.findElement(By.id("lines"));
    js("arguments[0].focus()", lines);
    assertEquals("line-25", lines.getDomAttribute("aria-activedescendant"), "the list starts at the current line");
    active().sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    assertEquals("system", highlighted("cuepoint-word-cursor"));
    assertEquals("system, 1:16", text("word-status"), "said to screen readers");
    active().sendKeys(Keys.ARROW_LEFT);
    assertEquals("complex", highlighted("cuepoint-word-cursor"));
    int seeks = moves().size();
    active().sendKeys(Keys.ENTER);
    waitUntil(d -> moves().size() > seeks);
    assertEquals(new Call("seekTo", LONG, 75), moves().getLast(), "'complex' is said at 75.75 s");
    waitUntil(d -> "complex".equals(highlighted("cuepoint-word")));
    active().sendKeys(Keys.ARROW_DOWN);
    assertNull(highlighted("cuepoint-word-cursor"), "another line: no word chosen");
    assertEquals(0L, js("return document.querySelectorAll('#lines [tabindex], #lines span.word').length"),
        "words are not elements, let alone tab stops");
  }

  /**
   * What the watch page transfers for the long lecture (gzip, as the browser receives it): word timings
   * inside /api/videos/{id} as before, against the lines alone plus the compact /words answer.
   */
  @Test
  void word_timings_come_in_a_compact_answer_of_their_own() {
    openLongAt75();
    @SuppressWarnings("unchecked")
    java.util.Map<String, Number> sizes = (java.util.Map<String, Number>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; const id = arguments[0];"
            + "fetch('/api/videos/' + id).then(r => r.text()).then(() => {"
            + " const out = {page: 0};"
            + " for (const e of performance.getEntries()) {"
            + "  if (e.name.endsWith('/api/videos/' + id)) [out.full, out.fullRaw] = [e.transferSize, e.decodedBodySize];"
            + "  else if (e.name.endsWith('/api/videos/' + id + '?words=false')) [out.lines, out.linesRaw] = [e.transferSize, e.decodedBodySize];"
            + "  else if (e.name.includes('/api/videos/' + id + '/words')) [out.words, out.wordsRaw] = [e.transferSize, e.decodedBodySize];"
            + "  if (e.transferSize && !e.name.endsWith('/api/videos/' + id)) out.page += e.transferSize; }"
            + " done(out); });", LONG);
    long full = sizes.get("full").longValue();
    long lines = sizes.get("lines").longValue();
    long words = sizes.get("words").longValue();
    System.out.println("watch page of the " + LONG_LINES + "-line lecture, bytes transferred (gzip): video with words "
        + full + ", without " + lines + ", compact words " + words + "; the whole page now " + sizes.get("page")
        + "; unzipped: " + sizes.get("fullRaw") + ", " + sizes.get("linesRaw") + ", " + sizes.get("wordsRaw"));
    assertTrue(lines > 0 && words > 0 && full > lines, sizes.toString());
    assertTrue(words * 2 < full - lines, "the compact words are under half of what they weigh inside the video: " + sizes);
  }
}
