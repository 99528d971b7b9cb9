package io.reqlens.report.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromedriver, for the browser tests. Skips the test when
 * either is missing, unless {@code REQLENS_REQUIRE_BROWSER=1} (CI): then it fails.
 */
public final class Chromium implements AutoCloseable {

  private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final Path DRIVER = Paths.get("/usr/bin/chromedriver");

  public final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Chromium start(int width, int height) throws Exception {
    if (!(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))) {
      if ("1".equals(System.getenv("REQLENS_REQUIRE_BROWSER"))) {
        fail(
            "REQLENS_REQUIRE_BROWSER=1 but chromium or chromedriver is missing: run"
                + " .ci/install-browser.sh");
      }
      Assumptions.abort(
          "Skipping the browser test: /usr/bin/chromium or /usr/bin/chromedriver"
              + " is missing (.ci/install-browser.sh installs them)");
    }
    Path profile = Files.createTempDirectory("reqlens-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // A failure bound, not a wait: chromedriver and Chromium start slowly on a loaded machine.
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .withTimeout(Duration.ofMinutes(2))
            .build();
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  /** Console messages at SEVERE since the last call. */
  public List<String> consoleErrors() {
    List<String> severe = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        severe.add(e.getMessage());
      }
    }
    return severe;
  }

  @Override
  public void close() throws Exception {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
