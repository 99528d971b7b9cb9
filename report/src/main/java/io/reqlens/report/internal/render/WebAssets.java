package io.reqlens.report.internal.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The browser files of the report and the dashboard, read from the classpath: Chart.js (from its
 * WebJar), the shared {@code ui.js} and {@code flamegraph.js}, and the style sheets. The static
 * report inlines them; the dashboard serves them as files (its CSP allows no inline script).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class WebAssets {

  private static final String RES = "/io/reqlens/report/";

  private WebAssets() {}

  /** Chart.js, minified, from the {@code org.webjars.npm:chart.js} WebJar. */
  public static byte[] chartJs() throws IOException {
    return HtmlRenderer.chartJs().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A file of this module's browser resources by its name ({@code ui.js}, {@code flamegraph.js},
   * {@code report.css}, {@code dashboard.js} ...).
   */
  public static byte[] file(String name) throws IOException {
    if (!name.matches("[a-z][a-z0-9-]*\\.(js|css|html)")) {
      throw new IOException("not a browser resource name: " + name);
    }
    return HtmlRenderer.resource(RES + name).getBytes(StandardCharsets.UTF_8);
  }
}
