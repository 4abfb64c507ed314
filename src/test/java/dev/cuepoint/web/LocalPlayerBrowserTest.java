package dev.cuepoint.web;

import static dev.cuepoint.Await.awaitUntil;
import static dev.cuepoint.Await.awaitValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cuepoint.crawl.FakeSpeechToText;
import dev.cuepoint.crawl.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page plays a local recording in its own {@code <video>} element, with YouTube unreachable (the
 * player script does not load): a {@code ?t=} link and a transcript line seek it. The recording is a
 * real WebM made by ffmpeg, served with byte ranges by the real server; the browser is Chromium.
 */
class LocalPlayerBrowserTest {
  static final String ID = "abcdefghijk";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String SAID = "Neurons fire spikes. Spikes travel along the axon to the synapse."
      + " The synapse releases transmitter. Receptors open ion channels. Channels let sodium in."
      + " The membrane depolarises.";
  static Path recording;

  @TempDir static Path dir;
  static LocalSite site;
  static ChromeDriver driver;

  @BeforeAll
  static void start() throws Exception {
    Path media = Files.createDirectories(dir.resolve("recordings"));
    recording = Media.webm(media.resolve("Lecture on channels [" + ID + "].webm"), 20);
    site = LocalSite.start(dir, media, new FakeSpeechToText(f -> SAID));
    driver = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
  }

  @AfterAll
  static void stop() throws Exception {
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

  /** The local player's state once it has the recording's metadata, else null. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> player() {
    return (Map<String, Object>) js("const v = document.getElementById('local-player');"
        + "return v && v.readyState >= 1 ? {tag: v.tagName, t: v.currentTime, hidden: v.hidden,"
        + " youtubeHidden: document.getElementById('player').hidden, src: v.currentSrc} : null;");
  }

  static double time() {
    return ((Number) player().get("t")).doubleValue();
  }

  @Test
  void a_link_to_a_moment_opens_the_local_player_at_that_second() throws Exception {
    driver.get(site.url("/watch/" + ID + "?t=11"));
    Map<String, Object> p = awaitValue("the local player has the recording", LocalPlayerBrowserTest::player, WAIT);
    assertEquals("VIDEO", p.get("tag"));
    assertEquals(false, p.get("hidden"));
    assertEquals(true, p.get("youtubeHidden"), "YouTube's player is not shown");
    assertTrue(p.get("src").toString().endsWith("/media/" + ID), p.toString());
    awaitUntil("the player is at 11 s", () -> Math.abs(time() - 11) < 0.01, WAIT);
    String status = driver.findElement(By.id("transcript-status")).getText();
    assertTrue(status.contains("Transcribed by Cuepoint"), status);
    awaitUntil("no fallback to YouTube shows",
        () -> !driver.findElement(By.id("player-fallback")).isDisplayed(), WAIT);
    String target = System.getenv("CUEPOINT_SCREENSHOTS");
    if (target != null && !target.isBlank()) {
      Files.write(Files.createDirectories(Path.of(target)).resolve("local-player.png"),
          driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }
  }

  @Test
  void a_transcript_line_seeks_the_local_player() throws Exception {
    driver.get(site.url("/watch/" + ID + "?t=1"));
    awaitValue("the local player has the recording", LocalPlayerBrowserTest::player, WAIT);
    // the fifth line, "Channels let sodium in.", where the fake recogniser put it (word 20 of 26 over 20 s)
    double start = FakeSpeechToText.evenly(SAID, Media.durationMs(recording)).get(4).startMs() / 1000.0;
    assertEquals(14, (int) start);
    var line = awaitValue("the transcript's lines", () -> driver.findElements(By.cssSelector("#lines li.line")).size() == 6
        ? driver.findElements(By.cssSelector("#lines li.line")).get(4) : null, WAIT);
    line.click();
    awaitUntil("the player jumped to the line's second (" + Math.floor(start) + " s)",
        () -> time() >= Math.floor(start) - 0.01 && time() < start + 1, WAIT);
    assertTrue(driver.getCurrentUrl().contains("t=" + (int) Math.floor(start)), driver.getCurrentUrl());
  }

  @Test
  void with_youtube_unreachable_a_local_videos_moments_still_play_here_and_say_who_transcribed() throws Exception {
    driver.get(site.url("/?q=sodium"));
    awaitUntil("the page gave up on YouTube's player script (not served here)",
        () -> Boolean.TRUE.equals(js("return document.body.classList.contains('no-player')")), WAIT);
    var moment = awaitValue("a moment of the recording",
        () -> driver.findElements(By.cssSelector("a.moment[data-video='" + ID + "']")).stream().findFirst().orElse(null),
        WAIT);
    String tag = moment.findElement(By.cssSelector(".lang")).getText();
    assertTrue(tag.contains("transcribed by Cuepoint"), tag);
    // "sodium" is word 22 of 26; the moment starts at its own time
    double said = FakeSpeechToText.evenly(SAID, Media.durationMs(recording)).get(4).words().get(2).startMs() / 1000.0;
    moment.click();
    awaitValue("the local player has the recording", LocalPlayerBrowserTest::player, WAIT);
    awaitUntil("the player is at the moment's second (" + Math.floor(said) + " s)",
        () -> time() >= Math.floor(said) - 0.01 && time() < said + 1, WAIT);
    assertTrue(driver.getCurrentUrl().contains("/watch/" + ID), "played in the page: " + driver.getCurrentUrl());
    assertEquals(1, driver.getWindowHandles().size(), "no YouTube tab was opened");
  }
}
