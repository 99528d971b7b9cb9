package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;

/**
 * What the charts of {@code ui.js} draw, as one JSON object: the percentile curve and latency
 * buckets of every route, and the load timeline. The static report embeds it in its page; the
 * dashboard's API returns it with the report document.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ChartData {

  private ChartData() {}

  /** Writes the object as the current value of {@code g}. */
  public static void write(ReportData d, JsonGenerator g) throws IOException {
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
      g.writeStringField("service", r.service);
      g.writeStringField("method", r.method);
      g.writeStringField("route", r.route);
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

  private static void doubles(String name, double[] v, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (double x : v) {
      g.writeNumber(JsonRenderer.round(x));
    }
    g.writeEndArray();
  }
}
