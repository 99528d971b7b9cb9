package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One self-contained HTML file: styles, Chart.js (read from its WebJar on the classpath), the chart
 * data and the page script are all inlined, so the page makes no network request.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class HtmlRenderer {

  private static final String RES = "/io/reqlens/report/";

  private HtmlRenderer() {}

  public static void write(ReportData d, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      render(d, w);
    }
  }

  public static void render(ReportData d, Writer w) throws IOException {
    w.write(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>reqlens report</title><style>");
    w.write(resource(RES + "report.css"));
    w.write("</style></head><body>\n");
    new HtmlSections(d, w).all();
    w.write("\n<script type=\"application/json\" id=\"report-data\">");
    w.write(chartData(d));
    // The trees of the hot-code section's flame graphs (HtmlHotCode).
    w.write("</script>\n<script type=\"application/json\" id=\"hot-code-data\">");
    w.write(hotCodeData(d));
    w.write("</script>\n<script>");
    w.write(inert(chartJs()));
    w.write("</script>\n<script>");
    w.write(inert(resource(RES + "ui.js")));
    w.write("</script>\n<script>");
    w.write(inert(resource(RES + "flamegraph.js"))); // the one shared with reqlens serve
    w.write("</script>\n<script>");
    w.write(inert(resource(RES + "report.js")));
    w.write("</script>\n</body></html>\n");
  }

  /** The trees the hot code's flame graphs draw ({@link HtmlHotCode#data}), inert likewise. */
  private static String hotCodeData(ReportData d) throws IOException {
    StringWriter s = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(s)) {
      g.setCharacterEscapes(new Html.ScriptSafeEscapes());
      g.writeStartObject();
      HtmlHotCode.data(d, g);
      g.writeEndObject();
    }
    return s.toString();
  }

  /** The data the charts draw ({@link ChartData}), inert inside a script element. */
  private static String chartData(ReportData d) throws IOException {
    StringWriter s = new StringWriter();
    JsonFactory f = new JsonFactory();
    try (JsonGenerator g = f.createGenerator(s)) {
      g.setCharacterEscapes(new Html.ScriptSafeEscapes());
      ChartData.write(d, g);
    }
    return s.toString();
  }

  /** Chart.js from the WebJar; the version comes from the build. */
  static String chartJs() throws IOException {
    Properties p = new Properties();
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(RES + "report.properties")) {
      if (in == null) {
        throw new IOException("report.properties missing from the classpath");
      }
      p.load(in);
    }
    return resource(
        "/META-INF/resources/webjars/chart.js/"
            + p.getProperty("chartjs.version")
            + "/dist/chart.umd.min.js");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A script can never end its own element early. */
  private static String inert(String js) {
    return js.replace("</script", "<\\/script");
  }
}
