package io.reqlens.report.internal.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.core.event.EventKind;
import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.input.InputStats;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report as one JSON document (schema in the module README, {@code "schema": 1}). Durations are
 * integer nanoseconds, times epoch nanoseconds, percentages 0..100; the key order is fixed.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class JsonRenderer {

  /** Version of the output document; bumped on an incompatible change. */
  public static final int SCHEMA = 1;

  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonEscapes ESCAPES = new JsonEscapes();

  private JsonRenderer() {}

  public static void render(ReportData d, Writer out, boolean pretty) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.setCharacterEscapes(ESCAPES);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      write(d, g);
    }
  }

  static void write(ReportData d, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("schema", SCHEMA);
    totals(d.totals, g);
    input(d.input, g);
    JsonSections.highlights(Highlights.of(d), g);
    JsonSections.routes(d.routes, g);
    g.writeArrayFieldStart("slowest");
    for (ReportData.RequestRow r : d.slowest) {
      g.writeStartObject();
      request(r, g);
      JsonSections.profile(r.profile, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    JsonSections.errors(d, g);
    g.writeObjectFieldStart("queries");
    JsonSections.queries("by_total_time", d.queriesByTime, g);
    JsonSections.queries("by_calls", d.queriesByCount, g);
    g.writeEndObject();
    JsonSections.nPlusOne(d, g);
    JsonSections.hotCode(d.hotCode, g);
    JsonSections.load(d, g);
    JsonSections.outliers(d.outliers, g);
    JsonSections.compare(d.comparison, g);
    strings("notes", d.notes, g);
    g.writeEndObject();
  }

  private static void totals(ReportData.Totals t, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("totals");
    g.writeNumberField("requests", t.requests);
    g.writeNumberField("estimated_requests", round(t.estimatedRequests));
    JsonSections.interval("estimated_requests", t.estimatedLow, t.estimatedHigh, g);
    g.writeNumberField("errors", t.errors);
    g.writeNumberField("error_pct", round(t.errorPct));
    JsonSections.interval("error_pct", t.errorPctLow, t.errorPctHigh, g);
    g.writeNumberField("confidence_pct", t.confidencePct);
    g.writeNumberField("routes", t.routes);
    g.writeNumberField("first_ts_ns", t.firstTsNs);
    g.writeNumberField("last_ts_ns", t.lastTsNs);
    g.writeNumberField("orphan_events", t.orphanEvents);
    g.writeNumberField("fn_events", t.fnEvents);
    g.writeStringField("filters", t.filters);
    g.writeStringField("zone", t.zone);
    g.writeNumberField("n_plus_one_threshold", t.nPlusOneThreshold);
    g.writeNumberField("outlier_factor", t.outlierFactor);
    g.writeEndObject();
  }

  private static void input(InputStats in, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("input");
    g.writeNumberField("files", in.filesRead);
    g.writeNumberField("bytes", in.bytesRead);
    g.writeNumberField("lines", in.lines);
    g.writeObjectFieldStart("events");
    for (EventKind k : EventKind.values()) {
      g.writeNumberField(k.name(), in.events(k));
    }
    g.writeEndObject();
    g.writeObjectFieldStart("skipped");
    for (InputStats.Skip s : InputStats.Skip.values()) {
      g.writeNumberField(s.name().toLowerCase(java.util.Locale.ROOT), in.skipped(s));
    }
    g.writeEndObject();
    strings("problems", in.examples(), g);
    g.writeEndObject();
  }

  static void request(ReportData.RequestRow r, JsonGenerator g) throws IOException {
    g.writeNumberField("ts_ns", r.tsNs);
    g.writeStringField("trace_id", r.traceId);
    g.writeStringField("span_id", r.spanId);
    g.writeStringField("service", r.service);
    g.writeStringField("method", r.method);
    g.writeStringField("route", r.route);
    g.writeStringField("path", r.path);
    if (r.status < 0) {
      g.writeNullField("status");
    } else {
      g.writeNumberField("status", r.status);
    }
    g.writeNumberField("dur_ns", r.durNs);
    g.writeNumberField("queries", r.queries);
    g.writeNumberField("db_dur_ns", r.dbNs);
  }

  static void strings(String name, List<String> values, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  /** Three decimals: stable golden files, and no false precision. */
  static double round(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 1000) / 1000.0;
  }
}
