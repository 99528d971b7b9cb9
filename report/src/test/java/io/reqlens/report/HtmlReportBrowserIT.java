package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.Chromium;
import io.reqlens.report.testing.EventGenerator;
import io.reqlens.report.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML report in Debian's headless Chromium: renders without console errors, shows the example
 * service's routes, sorts tables on header click and draws its charts. Leaves a screenshot at
 * {@code target/report-screenshot.png}.
 *
 * <p>Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is missing, unless
 * {@code REQLENS_REQUIRE_BROWSER=1} (CI, after {@code .ci/install-browser.sh}): then it fails.
 */
class HtmlReportBrowserIT {

  private static final Path HTML = Paths.get("target/report-it/report.html").toAbsolutePath();

  private static Chromium chromium;
  private static ChromeDriver driver;

  @BeforeAll
  static void openReport() throws Exception {
    chromium = Chromium.start(1366, 900);
    driver = chromium.driver;
    Files.createDirectories(HTML.getParent());
    Cli r = Cli.run("--zone", "UTC", "--html", HTML.toString(), Fixtures.dir().toString());
    assertThat(r.code).as(r.toString()).isZero();
    driver.get(HTML.toUri().toString());
  }

  @AfterAll
  static void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void rendersWithoutConsoleErrorsAndShowsTheExampleRoutes() throws Exception {
    assertThat(driver.getTitle()).isEqualTo("reqlens report");
    String routes = driver.findElement(By.id("routes")).getText();
    for (String route : EventGenerator.ROUTES) {
      assertThat(routes).contains(route);
    }
    assertThat(driver.findElement(By.id("highlights")).getText())
        .contains("Slowest route (p95)")
        .contains("GET /api/slow")
        .contains("N+1 suspect")
        .contains("GET /api/orders")
        .contains("IllegalStateException");
    screenshot();
    assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
  }

  @Test
  void chartsDrew() {
    JavascriptExecutor js = driver;
    for (String id : new String[] {"chart-latency", "chart-histogram", "chart-timeline"}) {
      WebElement canvas = driver.findElement(By.id(id));
      assertThat(canvas.getSize().getWidth()).as(id).isGreaterThan(100);
      assertThat(canvas.getSize().getHeight()).as(id).isGreaterThan(100);
      Object datasets =
          js.executeScript(
              "var c = Chart.getChart(arguments[0]); return c ? c.data.datasets.length : -1;", id);
      assertThat((Long) datasets).as(id).isGreaterThan(0);
    }
    // The canvas has drawn pixels, not only a size.
    Object painted =
        js.executeScript(
            "var c = document.getElementById('chart-latency');var d ="
                + " c.getContext('2d').getImageData(0, 0, c.width, c.height).data;var n = 0; for"
                + " (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;");
    assertThat((Long) painted).isGreaterThan(1000);
    assertThat(driver.findElements(By.cssSelector("#heatmap td"))).hasSize(7 * 24);
  }

  /** Route, requests, estimated, its interval, error %, its interval, sample rate, p50, p95. */
  private static final int P95 = 8;

  @Test
  void tablesSortOnHeaderClick() {
    WebElement p95 = driver.findElements(By.cssSelector("#routes th")).get(P95);
    assertThat(p95.getText()).startsWith("p95");
    p95.click();
    List<Double> desc = column("routes", P95);
    assertThat(desc).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    driver.findElements(By.cssSelector("#routes th")).get(P95).click();
    assertThat(column("routes", P95)).isSorted();
    driver.findElements(By.cssSelector("#routes th")).get(1).click();
    assertThat(column("routes", 1)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  private static List<Double> column(String table, int col) {
    List<Double> values = new ArrayList<>();
    for (WebElement row : driver.findElements(By.cssSelector("#" + table + " tbody tr"))) {
      values.add(
          Double.parseDouble(row.findElements(By.tagName("td")).get(col).getAttribute("data-v")));
    }
    return values;
  }

  private static void screenshot() throws Exception {
    JavascriptExecutor js = driver;
    Object height = js.executeScript("return document.documentElement.scrollHeight;");
    int h = (int) Math.min(6000, ((Number) height).longValue());
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1366, h));
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(Paths.get("target/report-screenshot.png"), png);
    driver.manage().window().setSize(before);
    assertThat(png.length).isGreaterThan(10_000);
  }
}
