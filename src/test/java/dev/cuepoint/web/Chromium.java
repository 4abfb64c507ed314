package dev.cuepoint.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven
 * through an explicit driver service: Selenium never looks for or downloads a browser. Missing
 * packages fail the tests (CI installs them; a skip would hide a broken CI) unless
 * {@code CUEPOINT_SKIP_BROWSER_TESTS=1} asks to skip.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final String SKIP = "CUEPOINT_SKIP_BROWSER_TESTS";

  private Chromium() {}

  static ChromeDriver start(Path userDataDir) {
    boolean missing = !Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER);
    if ("1".equals(System.getenv(SKIP))) {
      Assumptions.abort(SKIP + "=1: browser tests skipped");
    }
    if (missing) {
      Assertions.fail("browser tests need " + BROWSER + " and " + DRIVER
          + ": install them with 'apt-get install -y chromium chromium-driver' (or set " + SKIP
          + "=1 to skip these tests)");
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--disable-sync", "--disable-quic",
        "--window-size=1280,900",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return driver;
  }
}
