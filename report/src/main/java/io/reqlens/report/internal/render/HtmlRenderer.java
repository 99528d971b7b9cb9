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
    w.write("</script>\n<script>");
    w.write(inert(chartJs()));
    w.write("</script>\n<script>");
    w.write(inert(resource(RES + "ui.js")));
    w.write("</script>\n<script>");
    w.write(inert(resource(RES + "report.js")));
    w.write("</script>\n</body></html>\n");
  }

  /** The data the charts draw: per-route curves and buckets, and the timeline. */
  private static String chartData(ReportData d) throws IOException {
    StringWriter s = new StringWriter();
    JsonFactory f = new JsonFactory();
    try (JsonGenerator g = f.createGenerator(s)) {
      g.setCharacterEscapes(new Html.ScriptSafeEscapes());
      g.writeStartObject();
      g.writeArrayFieldStart("percentiles");
      for (double p : ReportData.CURVE_PERCENTILES) {
        g.writeNumber(p);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("bucketUpperMs");
      for (long ns : ReportData.BUCKET_UPPER_NS) {
        g.writeNumber(ns / 1e6);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("routes");
      for (ReportData.RouteRow r : d.allRoutes) {
        g.writeStartObject();
        g.writeStringField("name", r.name());
        g.writeNumberField("requests", r.requests);
        g.writeArrayFieldStart("curveMs");
        for (long ns : r.curveNs) {
          g.writeNumber(ns / 1e6);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("buckets");
        for (long c : r.buckets) {
          g.writeNumber(c);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("timeline");
      g.writeNumberField("bucketSeconds", d.timeline.bucketSeconds);
      g.writeArrayFieldStart("startMs");
      for (long ns : d.timeline.startNs) {
        g.writeNumber(ns / 1_000_000L);
      }
      g.writeEndArray();
      doubles("requests", d.timeline.requestsPerMinute, g);
      doubles("errors", d.timeline.errorsPerMinute, g);
      g.writeEndObject();
      g.writeStringField("zone", d.totals.zone);
      g.writeEndObject();
    }
    return s.toString();
  }

  private static void doubles(String name, double[] v, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (double x : v) {
      g.writeNumber(JsonRenderer.round(x));
    }
    g.writeEndArray();
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
