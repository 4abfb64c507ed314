package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in real headless Chromium, against a real server and index. YouTube's player is
 * replaced by a stand-in script that records what the page asks of it (window.__player).
 * Set CUEPOINT_SCREENSHOTS=DIR to save screenshots of the main states.
 */
class PageBrowserTest {
  @TempDir static Path dir;
  static TestSite site;
  static TestSite offline; // the player script answers 404
  static TestSite meaning; // searches by meaning too (fake embedder)
  static ChromeDriver driver;
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws IOException {
    Library library = Library.standard();
    site = TestSite.start(dir, library);
    offline = site.alongside(library, "/test/no-such-iframe-api.js");
    meaning = site.alongsideWithMeaning(library, dir.resolve("vectors"));
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (offline != null) {
      offline.close();
    }
    if (meaning != null) {
      meaning.close();
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
    return new WebDriverWait(driver, Duration.ofSeconds(5)).until(condition);
  }

  static Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Path and query of the address bar, e.g. /watch/ID?t=90&q=stdp. */
  static String address() {
    URI u = URI.create(driver.getCurrentUrl());
    return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  record Call(String fn, String videoId, double seconds) {}

  static List<Call> playerCalls() {
    Object raw = js("return window.__player ? JSON.stringify(window.__player.calls) : '[]'");
    List<Call> out = new ArrayList<>();
    try {
      for (JsonNode c : JSON.readTree((String) raw)) {
        out.add(new Call(c.get("fn").asText(), c.path("videoId").asText(null), c.path("seconds").asDouble()));
      }
    } catch (IOException e) {
      throw new AssertionError(String.valueOf(raw), e);
    }
    return out;
  }

  /** The calls that load, cue or seek (play/pause left out). */
  static List<Call> moves() {
    return playerCalls().stream().filter(c -> !c.fn().endsWith("Video") || c.fn().contains("ById")).toList();
  }

  static void search(String query) {
    WebElement q = driver.findElement(By.id("q"));
    q.clear();
    q.sendKeys(query + Keys.ENTER);
    waitUntil(d -> !text("status").isEmpty() && !text("status").startsWith("Searching"));
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  static List<WebElement> moments() {
    return driver.findElements(By.cssSelector("a.moment"));
  }

  static WebElement momentAt(String video, int t) {
    return driver.findElement(By.cssSelector("a.moment[data-video='" + video + "'][data-t='" + t + "']"));
  }

  static void shot(String name) throws IOException {
    String target = System.getenv("CUEPOINT_SCREENSHOTS");
    if (target != null && !target.isBlank()) {
      Path d = Files.createDirectories(Path.of(target));
      Files.write(d.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
  }

  static List<String> severeLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  // ------------------------------------------------------------------ tests

  @Test
  void a_search_shows_videos_with_their_moments_highlighted() throws IOException {
    open(site, "/");
    assertTrue(driver.findElement(By.id("intro")).isDisplayed(), "the empty page explains what to type");
    search("stdp");
    assertEquals("/?q=stdp", address());
    List<WebElement> videos = driver.findElements(By.cssSelector("li.video"));
    assertEquals(1, videos.size());
    assertEquals("Spike-timing-dependent plasticity", videos.get(0).findElement(By.cssSelector("h3")).getText());
    assertTrue(videos.get(0).findElement(By.cssSelector(".meta")).getText().contains("3 moments"));
    assertEquals(3, moments().size());
    for (WebElement m : moments()) {
      List<WebElement> marks = m.findElements(By.tagName("mark"));
      assertFalse(marks.isEmpty(), m.getText());
      assertEquals("stdp", marks.get(0).getText().toLowerCase());
    }
    List<String> stamps = moments().stream().map(m -> m.findElement(By.className("ts")).getText()).sorted().toList();
    assertEquals(List.of("0:04", "1:30", "8:20"), stamps);
    assertTrue(text("status").startsWith("1 video for “stdp”"), text("status"));
    shot("1-results");
  }

  @Test
  void choosing_a_moment_plays_it_here_and_puts_it_in_the_address_bar() throws IOException {
    open(site, "/?q=stdp");
    waitUntil(d -> !moments().isEmpty());
    js("window.__samePage = true");
    momentAt("stdpLecture", 90).click();
    waitUntil(d -> !moves().isEmpty());
    assertEquals(List.of(new Call("loadVideoById", "stdpLecture", 90)), moves());
    assertEquals("/watch/stdpLecture?t=90&q=stdp", address());
    assertEquals(Boolean.TRUE, js("return window.__samePage === true"), "the page did not reload");
    assertTrue(driver.findElement(By.id("watch")).isDisplayed());
    waitUntil(d -> text("now-title").equals("Spike-timing-dependent plasticity"));
    waitUntil(d -> driver.findElement(By.cssSelector(".line.current")).getText().contains("STDP again"));
    shot("2-player-and-transcript");
  }

  @Test
  void another_moment_of_the_same_video_seeks_the_same_player() {
    open(site, "/?q=stdp");
    waitUntil(d -> !moments().isEmpty());
    momentAt("stdpLecture", 4).click();
    waitUntil(d -> moves().size() == 1);
    momentAt("stdpLecture", 500).click();
    waitUntil(d -> moves().size() == 2);
    assertEquals(List.of(new Call("loadVideoById", "stdpLecture", 4), new Call("seekTo", "stdpLecture", 500)),
        moves());
    assertEquals(1L, js("return window.__player.created"));
    assertEquals("/watch/stdpLecture?t=500&q=stdp", address());
  }

  @Test
  void back_and_forward_restore_the_search_and_the_moment() {
    open(site, "/");
    search("stdp");
    waitUntil(d -> !moments().isEmpty());
    momentAt("stdpLecture", 4).click();
    waitUntil(d -> address().equals("/watch/stdpLecture?t=4&q=stdp"));
    momentAt("stdpLecture", 90).click();
    waitUntil(d -> address().equals("/watch/stdpLecture?t=90&q=stdp"));

    driver.navigate().back();
    waitUntil(d -> address().equals("/watch/stdpLecture?t=4&q=stdp"));
    waitUntil(d -> moves().getLast().equals(new Call("seekTo", "stdpLecture", 4)));

    driver.navigate().back();
    waitUntil(d -> address().equals("/?q=stdp"));
    waitUntil(d -> !driver.findElement(By.id("watch")).isDisplayed());
    assertEquals("stdp", driver.findElement(By.id("q")).getDomProperty("value"));
    assertEquals(3, moments().size());

    driver.navigate().back();
    waitUntil(d -> address().equals("/"));
    waitUntil(d -> driver.findElements(By.cssSelector("li.video")).isEmpty());
    assertEquals("", driver.findElement(By.id("q")).getDomProperty("value"));

    driver.navigate().forward();
    driver.navigate().forward();
    driver.navigate().forward();
    waitUntil(d -> address().equals("/watch/stdpLecture?t=90&q=stdp"));
    waitUntil(d -> driver.findElement(By.id("watch")).isDisplayed());
    waitUntil(d -> moves().getLast().equals(new Call("seekTo", "stdpLecture", 90)));
  }

  @Test
  void a_copied_watch_link_reopens_the_same_moment() {
    open(site, "/watch/stdpLecture?t=30&q=membrane");
    waitUntil(d -> !moves().isEmpty());
    Call first = moves().getFirst();
    assertTrue(first.fn().equals("cueVideoById") || first.fn().equals("loadVideoById"), first.toString());
    assertEquals("stdpLecture", first.videoId());
    assertEquals(30, first.seconds());
    waitUntil(d -> !moments().isEmpty());
    assertEquals("membrane", driver.findElement(By.id("q")).getDomProperty("value"));
    WebElement current = waitUntil(d -> d.findElement(By.cssSelector(".line.current")));
    assertTrue(current.getText().contains("A neuron fires"), current.getText());
    assertEquals("membrane", current.findElement(By.tagName("mark")).getText().toLowerCase());
  }

  @Test
  void hostile_titles_and_transcripts_render_as_text() throws IOException {
    driver.manage().logs().get(LogType.BROWSER); // forget earlier pages' messages
    open(site, "/?q=hostile");
    waitUntil(d -> !moments().isEmpty());
    WebElement title = driver.findElement(By.cssSelector("li.video[data-video='hostileVid1'] h3"));
    assertEquals(Library.HOSTILE_TITLE, title.getText());
    momentAt("hostileVid1", 8).click();
    waitUntil(d -> text("now-title").equals(Library.HOSTILE_TITLE));
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == 2);
    assertEquals(Library.HOSTILE_CUE, driver.findElements(By.cssSelector("#lines .txt")).get(0).getText());
    assertEquals(0L, js("return document.querySelectorAll('img[src=\"x\"], #videos script, #lines script, #watch script').length"));
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    assertTrue(driver.getTitle().startsWith(Library.HOSTILE_TITLE), driver.getTitle());
    assertEquals(List.of(), severeLogs());
    shot("3-hostile");
  }

  @Test
  void suggestions_appear_while_typing_and_can_be_chosen_with_the_keyboard() {
    open(site, "/");
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("plast");
    WebElement first = waitUntil(d -> {
      List<WebElement> items = d.findElements(By.cssSelector("#suggestions li"));
      return items.isEmpty() || !items.get(0).isDisplayed() ? null : items.get(0);
    });
    assertEquals("plasticity", first.getText());
    assertEquals("true", q.getDomAttribute("aria-expanded"));
    q.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    waitUntil(d -> address().equals("/?q=plasticity"));
    waitUntil(d -> !moments().isEmpty());
    assertFalse(driver.findElement(By.id("suggestions")).isDisplayed());
  }

  @Test
  void the_transcript_follows_the_player_and_a_click_on_a_line_seeks() {
    open(site, "/watch/stdpLecture?t=0&q=stdp");
    waitUntil(d -> !moves().isEmpty());
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    js("window.__player.time = 91; window.__player.state = 1;");
    WebElement current = waitUntil(d -> {
      WebElement c = d.findElement(By.cssSelector(".line.current"));
      return c.getText().contains("STDP again") ? c : null;
    });
    assertEquals("STDP", current.findElement(By.tagName("mark")).getText());

    js("window.__player.time = 400;");
    WebElement later = waitUntil(d -> {
      WebElement c = d.findElement(By.cssSelector(".line.current"));
      return c.getText().contains("Filler line 59") ? c : null;
    });
    assertEquals(Boolean.TRUE, js(
        "const l = document.getElementById('lines'), r = arguments[0].getBoundingClientRect(),"
            + " b = l.getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom;", later),
        "the current line is scrolled into view");

    driver.findElements(By.cssSelector("#lines .line")).get(2).click();
    waitUntil(d -> moves().getLast().equals(new Call("seekTo", "stdpLecture", 30)));
  }

  @Test
  void find_in_transcript_marks_and_steps_through_lines() {
    open(site, "/watch/stdpLecture?t=0");
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    driver.findElement(By.id("find")).sendKeys("dendrites");
    waitUntil(d -> text("find-count").equals("60 lines"));
    assertEquals(60, driver.findElements(By.cssSelector("#lines mark.find")).size());
    driver.findElement(By.id("find")).sendKeys(Keys.ENTER);
    waitUntil(d -> text("find-count").equals("1 of 60 lines"));
    assertEquals("lines", driver.switchTo().activeElement().getDomAttribute("id"), "Enter moves focus to the hit");
    WebElement hit = driver.findElement(By.cssSelector(".line.found-here"));
    assertEquals(hit.getDomAttribute("id"), driver.findElement(By.id("lines")).getDomAttribute("aria-activedescendant"));
    driver.findElement(By.id("find")).sendKeys(Keys.ENTER);
    waitUntil(d -> text("find-count").equals("2 of 60 lines"));
    assertTrue(driver.findElement(By.cssSelector(".line.found-here")).getText().contains("Filler line 1 "));
  }

  @Test
  void keys_focus_search_move_through_moments_and_play() {
    open(site, "/?q=stdp");
    waitUntil(d -> moments().size() == 3);
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("q", driver.switchTo().activeElement().getDomAttribute("id"));
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    assertEquals(moments().get(0), driver.switchTo().activeElement());
    driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
    WebElement second = moments().get(1);
    assertEquals(second, driver.switchTo().activeElement());
    int t = Integer.parseInt(second.getDomAttribute("data-t"));
    second.sendKeys(Keys.ENTER);
    waitUntil(d -> !moves().isEmpty());
    assertEquals(new Call("loadVideoById", "stdpLecture", t), moves().getFirst());
  }

  @Test
  void without_youtube_s_script_moments_are_links_to_youtube() throws IOException {
    open(offline, "/?q=stdp");
    waitUntil(d -> !moments().isEmpty());
    waitUntil(d -> moments().stream().allMatch(m -> m.getDomAttribute("href").startsWith("https://")));
    assertEquals("https://www.youtube.com/watch?v=stdpLecture&t=90s",
        momentAt("stdpLecture", 90).getDomAttribute("href"));
    assertEquals(3, moments().size());

    open(offline, "/watch/stdpLecture?t=30&q=stdp");
    WebElement link = waitUntil(d -> d.findElement(By.cssSelector("#player-fallback a")));
    assertEquals("https://www.youtube.com/watch?v=stdpLecture&t=30s", link.getDomAttribute("href"));
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
    shot("4-offline");
  }

  @Test
  void did_you_mean_offers_the_corrected_query() {
    open(site, "/?q=plastisity");
    WebElement link = waitUntil(d -> d.findElement(By.cssSelector("#did-you-mean a")));
    assertEquals("plasticity", link.getText());
    link.click();
    waitUntil(d -> address().equals("/?q=plasticity"));
    waitUntil(d -> !moments().isEmpty());
  }

  @Test
  void no_results_and_api_errors_are_said_in_words() {
    open(site, "/?q=zebrafish");
    waitUntil(d -> text("status").equals("No moments found for “zebrafish”."));
    open(site, "/?q=*");
    WebElement error = waitUntil(d -> d.findElement(By.id("error")).isDisplayed() ? d.findElement(By.id("error")) : null);
    assertTrue(error.getText().startsWith("nothing to search for"), error.getText());
  }

  @Test
  void filters_and_sort_come_from_the_address_and_change_the_results() throws IOException {
    open(site, "/?q=timing&sort=date");
    waitUntil(d -> d.findElements(By.cssSelector("li.video")).size() == 2);
    assertEquals("hebbLecture", driver.findElements(By.cssSelector("li.video")).get(0).getDomAttribute("data-video"));
    assertEquals("date", driver.findElement(By.id("sort")).getDomProperty("value"));
    waitUntil(d -> d.findElements(By.cssSelector("#playlist option")).size() == 2);
    assertEquals("true", driver.findElement(By.id("filters")).getDomAttribute("open"),
        "filters in the address show open");
    driver.findElement(By.id("to")).sendKeys("12312021"); // typed as the date input's own mm/dd/yyyy
    waitUntil(d -> address().contains("to=2021-12-31"));
    waitUntil(d -> d.findElements(By.cssSelector("li.video")).size() == 1);
    assertEquals("stdpLecture", driver.findElements(By.cssSelector("li.video")).get(0).getDomAttribute("data-video"));
    shot("7-filters");
  }

  // --- semantic search (issue 10): the mode selector beside the button ---
  @Test
  void the_search_mode_comes_from_the_address_goes_into_it_and_the_status_names_it() {
    open(site, "/?q=timing&mode=keyword");
    waitUntil(d -> text("status").contains("exact words"));
    assertEquals("keyword", driver.findElement(By.id("mode")).getDomProperty("value"));
    assertFalse("true".equals(driver.findElement(By.id("filters")).getDomAttribute("open")),
        "the mode is not a filter: the filters stay closed");
    // this test server has no passage vectors: asking for meaning shows the server's reason
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mode"))).selectByValue("semantic");
    waitUntil(d -> address().contains("mode=semantic"));
    waitUntil(d -> text("error").contains("use mode=keyword"));
  }

  // --- how each moment was found (issue 17) ---
  @Test
  void the_status_counts_the_videos_with_all_the_words_apart_from_those_with_some() {
    open(site, "/?q=stdp+hebbian&mode=keyword");
    waitUntil(d -> text("status").startsWith("1 video with all the words of “stdp hebbian” · 1 with some of the words"));
    WebElement some = momentAt("stdpLecture", 4);
    assertEquals("some of the words", some.findElement(By.className("match")).getText());
    assertTrue(some.getDomAttribute("aria-label").startsWith("0:04 en "), some.getDomAttribute("aria-label"));
    assertTrue(some.getDomAttribute("aria-label").endsWith(", some of the words, plays here"),
        some.getDomAttribute("aria-label"));
    assertTrue(momentAt("stdpLecture", 500).findElements(By.className("match")).isEmpty(),
        "a moment with every word needs no label");
  }

  @Test
  void without_exact_matches_the_status_says_so_and_moments_found_by_meaning_are_labelled() throws IOException {
    open(meaning, "/?q=membrane+zebrafish&mode=hybrid");
    waitUntil(d -> text("status").startsWith("No exact matches for “membrane zebrafish” · "));
    assertFalse(text("status").contains("videos for"), text("status"));
    WebElement byMeaning = waitUntil(d -> d.findElement(By.cssSelector("a.moment.match-meaning")));
    assertEquals("related by meaning", byMeaning.findElement(By.className("match")).getText());
    assertTrue(byMeaning.getDomAttribute("aria-label").contains(", related by meaning, plays here"),
        byMeaning.getDomAttribute("aria-label"));
    for (WebElement m : moments()) { // no moment holds both words: each says how it was found
      assertTrue(List.of("related by meaning", "some of the words").contains(m.findElement(By.className("match")).getText()),
          m.getDomAttribute("aria-label"));
    }
    shot("9-by-meaning");

    open(meaning, "/?q=membrane+potential&mode=semantic");
    waitUntil(d -> text("status").matches("\\d+ videos? related by meaning to “membrane potential”.*"));
    assertFalse(moments().isEmpty());
    for (WebElement m : moments()) {
      assertTrue(m.getDomAttribute("class").contains("match-meaning"), m.getDomAttribute("aria-label"));
    }
  }

  @Test
  void moments_show_their_language_read_in_its_direction_and_the_preferred_one_comes_first() {
    open(site, "/?q=schrodinger");
    waitUntil(d -> !d.findElements(By.cssSelector("a.moment .lang")).isEmpty());
    WebElement words = driver.findElement(By.cssSelector("a.moment .words"));
    assertEquals("auto", words.getDomAttribute("dir"), "right-to-left text must be able to run right to left");
    driver.findElement(By.cssSelector("#filters summary")).click();
    waitUntil(d -> d.findElements(By.cssSelector("#prefer option")).size() == 3);
    for (String lang : List.of("de", "en")) {
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("prefer"))).selectByValue(lang);
      waitUntil(d -> d.findElements(By.cssSelector("a.moment .lang")).stream().findFirst()
          .map(e -> e.getText().startsWith(lang)).orElse(false));
    }
    assertEquals("en auto", driver.findElement(By.cssSelector("a.moment .lang")).getText(),
        "a moment from automatic captions says so");
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.removeItem('cuepoint.prefer')");
  }

  @Test
  void on_a_phone_the_page_fits_the_screen() throws IOException {
    Dimension before = driver.manage().window().getSize();
    try {
      driver.manage().window().setSize(new Dimension(390, 844));
      open(site, "/?q=stdp");
      waitUntil(d -> !moments().isEmpty());
      shot("5-phone-results");
      momentAt("stdpLecture", 90).click();
      waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() > 60);
      assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"),
          "no sideways scrolling at 390px");
      WebElement player = driver.findElement(By.cssSelector(".player-box"));
      assertTrue(player.getSize().getWidth() >= 300, "the player uses the screen's width");
      shot("6-phone-watch");
    } finally {
      driver.manage().window().setSize(before);
    }
  }
}
