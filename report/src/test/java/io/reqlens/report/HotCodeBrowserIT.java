package io.reqlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.report.testing.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The HTML report's hot code in headless Chromium: each route's and each sampled slowest request's
 * flame graph is drawn by the component shared with {@code reqlens serve}, from the weighted stacks
 * of {@link ProfileEvents}, and zooms on a click. Skipped without Chromium unless {@code
 * REQLENS_REQUIRE_BROWSER=1}.
 */
class HotCodeBrowserIT {

  private static final Path DIR = Paths.get("target/report-it/hot-code").toAbsolutePath();
  private static Chromium chromium;

  @BeforeAll
  static void openReport() throws Exception {
    chromium = Chromium.start(1366, 900);
    Files.createDirectories(DIR);
    ProfileEvents.write(DIR);
    Path html = DIR.resolve("report.html");
    Cli r = Cli.run("--zone", "UTC", "--html", html.toString(), DIR.toString());
    assertThat(r.code).as(r.toString()).isZero();
    chromium.driver.get(html.toUri().toString());
  }

  @AfterAll
  static void close() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void eachRouteAndSampledSlowRequestHasAFlameGraphThatZooms() {
    assertThat(chromium.consoleErrors()).isEmpty();
    assertThat(frames("hotCode/0"))
        .as("root, Thread.run, Api.cpu, compute, sleep and its state")
        .contains(
            "all",
            "java.lang.Thread.run",
            "com.acme.Api.cpu",
            "com.acme.Api.compute",
            "java.lang.Thread.sleep",
            "[TIMED_WAITING]");
    assertThat(titleOf("hotCode/0", "com.acme.Api.compute"))
        .as("weighted: 8 of 18")
        .contains("8 samples (44.4%)");
    assertThat(frames("slowestProfiles/0")).contains("com.acme.Api.compute");
    assertThat(frames("slowestProfiles/1"))
        .as("the second request only slept")
        .contains("java.lang.Thread.sleep")
        .doesNotContain("com.acme.Api.compute");

    WebElement box = box("hotCode/0");
    frame(box, "java.lang.Thread.sleep").click(); // zoom in: its callers above, in grey
    assertThat(box.findElements(By.cssSelector("g.frame.ancestor"))).hasSize(3);
    assertThat(frames("hotCode/0")).doesNotContain("com.acme.Api.compute");
    box.findElements(By.cssSelector("g.frame.ancestor")).get(0).click(); // back to the whole
    assertThat(box.findElements(By.cssSelector("g.frame.ancestor"))).isEmpty();
    assertThat(frames("hotCode/0")).contains("com.acme.Api.compute");
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  @Test
  void searchHighlightsMatchingFramesWithTheirShareAndResetZoomsOut() {
    WebElement box = box("hotCode/0");
    WebElement search = box.findElement(By.cssSelector("input.flame-search"));
    search.sendKeys("API.COMPUTE"); // case-insensitive
    assertThat(
            box.findElements(By.cssSelector("svg g.frame.match title")).stream()
                .map(t -> t.getAttribute("textContent").split("\n")[0])
                .toList())
        .containsExactly("com.acme.Api.compute");
    assertThat(box.findElement(By.cssSelector(".flame-match")).getText())
        .isEqualTo("matched 8 of 18 samples (44.4%)");

    frame(box, "java.lang.Thread.sleep").click();
    assertThat(box.findElements(By.cssSelector("g.frame.ancestor"))).hasSize(3);
    box.findElement(By.cssSelector("button.flame-reset")).click();
    assertThat(box.findElements(By.cssSelector("g.frame.ancestor"))).isEmpty();
    assertThat(frames("hotCode/0")).contains("com.acme.Api.compute");

    search.clear();
    search.sendKeys(" "); // an input event with nothing to search for
    assertThat(box.findElements(By.cssSelector("svg g.frame.match"))).isEmpty();
    assertThat(box.findElement(By.cssSelector(".flame-match")).getText()).isEmpty();
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  private static WebElement box(String flame) {
    return chromium.driver.findElement(
        By.cssSelector("#hot-code-section div.flamegraph[data-flame='" + flame + "']"));
  }

  /** The frames drawn, by name (the first line of each frame's tooltip). */
  private static List<String> frames(String flame) {
    return box(flame).findElements(By.cssSelector("svg g.frame title")).stream()
        .map(t -> t.getAttribute("textContent").split("\n")[0])
        .toList();
  }

  private static String titleOf(String flame, String name) {
    return frame(box(flame), name).findElement(By.tagName("title")).getAttribute("textContent");
  }

  private static WebElement frame(WebElement box, String name) {
    return box.findElements(By.cssSelector("svg g.frame")).stream()
        .filter(
            g ->
                g.findElement(By.tagName("title"))
                    .getAttribute("textContent")
                    .startsWith(name + "\n"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no frame " + name));
  }
}
