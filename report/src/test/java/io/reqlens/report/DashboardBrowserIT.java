package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.internal.serve.Dashboard;
import io.reqlens.report.internal.serve.DashboardConfig;
import io.reqlens.report.testing.Chromium;
import io.reqlens.report.testing.EventGenerator;
import io.reqlens.report.testing.Fixtures;
import io.reqlens.report.testing.ServeData;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/**
 * {@code reqlens serve} in Debian's headless Chromium: the overview loads without console errors
 * and shows the routes; events appended while the page is open appear without a reload; the request
 * page of a known trace shows its queries, N+1 group, exception and profile; requests without the
 * token get 401. Leaves screenshots in {@code target/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {

  /** Generous: the page polls every 2 s and the follower every 200 ms. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Path dir;
  private static Dashboard dashboard;
  private static Chromium chromium;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start(1366, 900);
    driver = chromium.driver;
    dir = Files.createTempDirectory(Paths.get("target"), "serve-it-");
    ServeData.write(dir);
    dashboard =
        Dashboard.start(
            new DashboardConfig()
                .inputs(List.of(dir))
                .bind(InetAddress.getLoopbackAddress(), 0, false)
                .clock(Clock.fixed(Fixtures.NOW, ZoneOffset.UTC))
                .poll(Duration.ofMillis(200)));
    driver.get(dashboard.url().toString());
  }

  @AfterAll
  static void stop() throws Exception {
    if (dashboard != null) {
      dashboard.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  /** Polls {@code condition} every 100 ms until it holds; fails after {@link #WAIT}. */
  private static final class Await {
    void until(Function<WebDriver, Boolean> condition) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      RuntimeException last = null;
      while (System.nanoTime() < deadline) {
        try {
          if (Boolean.TRUE.equals(condition.apply(driver))) {
            return;
          }
        } catch (RuntimeException e) {
          last = e; // the element is being redrawn: try again
        }
        Thread.sleep(100);
      }
      throw new AssertionError("not true within " + WAIT, last);
    }
  }

  private static Await await() {
    return new Await();
  }

  private static String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  @Test
  @Order(1)
  void overviewShowsTheRoutesWithoutConsoleErrors() throws Exception {
    // The token was exchanged for a cookie and dropped from the address bar.
    assertThat(driver.getCurrentUrl()).doesNotContain("token");
    await().until(d -> !d.findElements(By.cssSelector("#routes tbody tr")).isEmpty());
    String routes = text("routes");
    for (String route : EventGenerator.ROUTES) {
      assertThat(routes).contains(route);
    }
    assertThat(routes).contains("POST " + ServeData.ROUTE);
    assertThat(text("highlights")).contains("GET /api/slow");
    await()
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var c = Chart.getChart('chart-latency');"
                                + " return !!c && c.data.datasets.length > 0;"));
    screenshot("target/dashboard-overview.png");
    assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
  }

  @Test
  @Order(2)
  void eventsAppendedWhileThePageIsOpenAppearWithoutAReload() throws Exception {
    await().until(d -> !d.findElements(By.cssSelector("#routes tbody tr")).isEmpty());
    Object marker =
        ((JavascriptExecutor) driver).executeScript("return window.performance.timeOrigin;");
    long start = System.nanoTime();
    ServeData.append(
        dir,
        "/api/live-added",
        3,
        Fixtures.NOW.getEpochSecond() * 1_000_000_000L - 60_000_000_000L);
    await().until(d -> text("routes").contains("GET /api/live-added"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    // Same document: no reload happened.
    assertThat(((JavascriptExecutor) driver).executeScript("return window.performance.timeOrigin;"))
        .isEqualTo(marker);
    System.out.println("appended events shown after " + ms + " ms (follower 200 ms, page 2 s)");
  }

  @Test
  @Order(3)
  void theRequestPageShowsQueriesNPlusOneExceptionAndProfile() throws Exception {
    driver.get(dashboard.base() + "/request?trace_id=" + ServeData.TRACE);
    await().until(d -> !d.findElements(By.cssSelector("#queries tbody tr")).isEmpty());
    assertThat(text("trace-id")).isEqualTo(ServeData.TRACE);
    String queries = text("queries-section");
    assertThat(queries).contains(ServeData.N_PLUS_ONE).contains(ServeData.OTHER_QUERY);
    assertThat(queries).contains("ran 6× in this request");
    assertThat(driver.findElements(By.cssSelector("#queries tr.nplus1"))).hasSize(6);
    assertThat(text("exceptions-section"))
        .contains(ServeData.EXCEPTION)
        .contains(ServeData.MESSAGE)
        .contains("com.acme.Checkout.reserve");
    // The waterfall from the span file: the server span and its 7 queries.
    assertThat(driver.findElements(By.cssSelector("#waterfall .wf-row"))).hasSize(8);
    assertThat(text("waterfall")).contains("from the span files").doesNotContain("sku-");
    // The flame graph drew the profile's hottest frame.
    await().until(d -> !d.findElements(By.cssSelector("#flame svg g.frame")).isEmpty());
    assertThat(driver.findElement(By.id("flame")).getAttribute("innerHTML"))
        .contains(ServeData.HOT_FRAME);
    screenshot("target/dashboard-request.png");
    assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
  }

  @Test
  @Order(4)
  void fromTheBrowserAloneTheSlowestRouteItsSlowestRequestAndItsQueries() throws Exception {
    driver.get(dashboard.base() + "/");
    await().until(d -> !d.findElements(By.cssSelector("#routes tbody tr")).isEmpty());
    // Filter, then sort by p95 (a click on its header sorts descending): the slowest route first.
    driver.findElement(By.id("route-filter")).sendKeys("/api/");
    await().until(d -> !text("routes").contains("/healthz"));
    driver.findElements(By.cssSelector("#routes th")).get(5).click();
    await()
        .until(
            d ->
                d.findElement(By.cssSelector("#routes tbody tr td a"))
                    .getText()
                    .equals("GET /api/slow"));
    driver.findElement(By.cssSelector("#routes tbody tr td a")).click();
    await().until(d -> !d.findElements(By.cssSelector("#slowest tbody tr a")).isEmpty());
    driver.findElement(By.cssSelector("#slowest tbody tr a")).click();
    await().until(d -> !d.findElements(By.cssSelector("#queries tbody tr")).isEmpty());
    assertThat(text("queries-section")).contains("SELECT u.id, SUM(o.total) FROM users u");

    // The N+1 route's slowest request shows its N+1 group.
    driver.get(dashboard.base() + "/");
    await().until(d -> !d.findElements(By.linkText("GET /api/orders")).isEmpty());
    driver.findElement(By.linkText("GET /api/orders")).click();
    await().until(d -> !d.findElements(By.cssSelector("#slowest tbody tr a")).isEmpty());
    driver.findElement(By.cssSelector("#slowest tbody tr a")).click();
    await().until(d -> !d.findElements(By.cssSelector("#queries tr.nplus1")).isEmpty());
    assertThat(text("queries-section"))
        .contains("SELECT sku, qty FROM order_items WHERE order_id = ?")
        .containsPattern("ran \\d+× in this request");

    // With the profiler: the route's flame graph shows the hottest code.
    driver.get(
        dashboard.base() + "/route?route=%2Fapi%2Fcheckout%2F%7Bid%7D&method=POST&service=shop");
    await().until(d -> !d.findElements(By.cssSelector("#flame svg g.frame")).isEmpty());
    assertThat(driver.findElement(By.id("flame")).getAttribute("innerHTML"))
        .contains(ServeData.HOT_FRAME);
    assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
  }

  @Test
  @Order(5)
  void theRoutePageAndTheOtherPagesLoad() throws Exception {
    driver.get(
        dashboard.base() + "/route?route=%2Fapi%2Forders&method=GET&service=reqlens-example");
    await().until(d -> !d.findElements(By.cssSelector("#slowest tbody tr")).isEmpty());
    assertThat(text("n-plus-one-section")).contains("SELECT sku, qty FROM order_items");
    driver.get(dashboard.base() + "/errors");
    await().until(d -> text("errors-section").contains("IllegalStateException"));
    driver.get(dashboard.base() + "/compare?versions=1.0.0,1.1.0");
    await().until(d -> !d.findElements(By.cssSelector("#compare tbody tr")).isEmpty());
    assertThat(text("compare-section")).contains("GET /api/users/{id}");
    assertThat(chromium.consoleErrors()).as("browser console errors").isEmpty();
  }

  @Test
  @Order(6)
  void withoutTheCookieEveryRequestIs401() {
    Object status =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/overview', {credentials: 'omit'}).then(function (r) {"
                    + " done(r.status); });");
    assertThat(((Number) status).intValue()).isEqualTo(401);
    Object withCookie =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "fetch('/api/v1/overview').then(function (r) { done(r.status); });");
    assertThat(((Number) withCookie).intValue()).isEqualTo(200);
  }

  private static void screenshot(String file) throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    Object height = js.executeScript("return document.documentElement.scrollHeight;");
    int h = (int) Math.min(4000, ((Number) height).longValue());
    Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new Dimension(1366, h));
    byte[] png = chromium.driver.getScreenshotAs(OutputType.BYTES);
    Files.write(Paths.get(file), png);
    driver.manage().window().setSize(before);
    assertThat(png.length).isGreaterThan(10_000);
  }
}
