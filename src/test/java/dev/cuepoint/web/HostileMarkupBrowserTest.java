package dev.cuepoint.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.captions.Cue;
import dev.cuepoint.corpus.Chapter;
import dev.cuepoint.corpus.Playlist;
import dev.cuepoint.corpus.PlaylistEntry;
import dev.cuepoint.corpus.Transcript;
import dev.cuepoint.corpus.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Markup in every text a video brings (title, description, chapter titles, channel name, playlist
 * title, transcript) shows as text in real Chromium: no element is made from it and no script of it
 * runs. The payloads would count into window.__xss if they ever ran; and as the page's CSP forbids
 * inline handlers anyway, the test also looks for the elements themselves, which innerHTML would make.
 */
class HostileMarkupBrowserTest {
  static final String RUN = "window.__xss=(window.__xss||0)+1";
  static final String TITLE = "Markup \"everywhere\" <img src=x onerror=\"" + RUN + "\"> xssmarker";
  static final String DESCRIPTION = "<script>" + RUN + "</script><a href=\"javascript:" + RUN + "\">x</a>";
  static final String CHANNEL = "<svg onload=\"" + RUN + "\"></svg> Channel & Co";
  static final String CHAPTER = "<iframe srcdoc=\"<script>" + RUN + "</script>\"></iframe> xssmarker chapter";
  static final String PLAYLIST = "<b onmouseover=\"" + RUN + "\">Course</b> &amp; </select><img src=x>";
  static final String CUE = "xssmarker said: <img src=x onerror=\"" + RUN + "\"> &lt;b&gt; </li><script>" + RUN + "</script>";

  @TempDir static Path dir;
  static TestSite site;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws IOException {
    Library library = Library.standard();
    library.add(new Video("hostileVid2", TITLE, DESCRIPTION, CHANNEL, "UChostile", Instant.parse("2024-04-01T12:00:00Z"),
        300, "/test/thumb-4.svg", "en", List.of(new Chapter(0, "Start"), new Chapter(60_000, CHAPTER)),
        List.of(new PlaylistEntry("PLhostile", PLAYLIST, 1)),
        List.of(new Transcript("en", Transcript.Kind.MANUAL, "test", List.of(
            new Cue(2_000, 6_000, CUE), new Cue(61_000, 64_000, "The chapter after the markup."))))));
    library.playlists.add(new Playlist("PLhostile", PLAYLIST, CHANNEL, List.of("hostileVid2")));
    site = TestSite.start(dir, library);
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
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

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(5)).until(condition);
  }

  /** Elements that only markup from the data could have made. */
  static long injected() {
    return (Long) js("return document.querySelectorAll('main img[src=\"x\"], main svg[onload], main iframe,"
        + " main script, main b[onmouseover], main a[href^=\"javascript\"], #playlist img').length");
  }

  @Test
  void markup_in_every_field_of_a_video_renders_as_text_and_never_runs() {
    driver.get(site.url("/?q=xssmarker"));
    waitUntil(d -> !d.findElements(By.cssSelector("li.video[data-video='hostileVid2'] a.moment")).isEmpty());
    WebElement video = driver.findElement(By.cssSelector("li.video[data-video='hostileVid2']"));
    assertEquals(TITLE, video.findElement(By.tagName("h3")).getText());
    String moments = video.findElement(By.cssSelector("ol.moments")).getText();
    assertTrue(moments.contains(CHAPTER), "the chapter title shows as text: " + moments);
    assertTrue(moments.contains("xssmarker said: <img src=x onerror="), moments);

    Select playlists = new Select(driver.findElement(By.id("playlist")));
    waitUntil(d -> playlists.getOptions().size() > 2);
    List<String> options = playlists.getOptions().stream().map(o -> o.getDomProperty("text")).toList();
    assertTrue(options.contains(PLAYLIST + " (1)"), "the playlist title shows as text: " + options);

    driver.findElement(By.cssSelector("a.moment[data-video='hostileVid2'][data-t='2']")).click();
    waitUntil(d -> d.findElement(By.id("now-title")).getText().equals(TITLE));
    waitUntil(d -> d.findElements(By.cssSelector("#lines li")).size() == 2);
    assertEquals(CUE, driver.findElements(By.cssSelector("#lines .txt")).get(0).getText());
    assertTrue(driver.getTitle().startsWith(TITLE), driver.getTitle());

    // the description and channel name came with the video's JSON (the page shows neither today):
    // nothing of them, nor of anything else, became an element
    assertEquals(0L, injected(), "elements made from markup in the data");
    assertEquals(null, js("return window.__xss === undefined ? null : window.__xss"), "a payload ran");
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }
}
