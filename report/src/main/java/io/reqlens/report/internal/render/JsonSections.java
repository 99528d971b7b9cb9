package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.JsonRenderer.round;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;
import java.util.List;

/** The per-section parts of {@link JsonRenderer}. */
final class JsonSections {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private JsonSections() {}

  static void highlights(Highlights h, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("highlights");
    g.writeStringField("slowest_route_p95", h.slowestRoute == null ? null : h.slowestRoute.name());
    g.writeStringField(
        "costliest_query", h.costliestQuery == null ? null : h.costliestQuery.statement);
    g.writeStringField(
        "n_plus_one_route", h.nPlusOne == null ? null : h.nPlusOne.method + " " + h.nPlusOne.route);
    g.writeStringField(
        "latest_error_trace_id", h.latestError == null ? null : h.latestError.traceId);
    g.writeStringField(
        "highest_error_rate_route", h.mostErrors == null ? null : h.mostErrors.name());
    g.writeStringField(
        "slowest_route_hottest_frame",
        h.slowestRouteCode == null ? null : h.slowestRouteCode.self.get(0).frame);
    g.writeStringField("n_plus_one_caller", h.nPlusOne == null ? null : h.nPlusOne.caller);
    g.writeEndObject();
  }

  /** {@code hot_code}: per route, the hottest frames and the merged stacks. */
  static void hotCode(List<ReportData.HotCodeRow> rows, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("hot_code");
    for (ReportData.HotCodeRow h : rows) {
      g.writeStartObject();
      g.writeStringField("service", h.service);
      g.writeStringField("method", h.method);
      g.writeStringField("route", h.route);
      g.writeNumberField("requests", h.requests);
      g.writeNumberField("samples", h.samples);
      g.writeNumberField("weighted_samples", round(h.weightedSamples));
      g.writeNumberField("mean_sampled_ns", h.meanSampledNs);
      frames("self", h.self, g);
      frames("total", h.total, g);
      JsonRenderer.strings("stacks", h.stacks, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void frames(String name, List<ReportData.FrameRow> rows, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (ReportData.FrameRow f : rows) {
      g.writeStartObject();
      g.writeStringField("frame", f.frame);
      g.writeNumberField("weighted_samples", round(f.samples));
      g.writeNumberField("pct", round(f.pct));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** A request's {@code profile}: its own samples and stacks, or null when not stack-sampled. */
  static void profile(ReportData.ProfileData p, JsonGenerator g) throws IOException {
    if (p == null) {
      g.writeNullField("profile");
      return;
    }
    g.writeObjectFieldStart("profile");
    g.writeNumberField("samples", p.samples);
    g.writeNumberField("interval_ns", p.intervalNs);
    JsonRenderer.strings("stacks", p.stacks, g);
    g.writeEndObject();
  }

  static void routes(List<ReportData.RouteRow> rows, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("routes");
    for (ReportData.RouteRow r : rows) {
      g.writeStartObject();
      g.writeStringField("service", r.service);
      g.writeStringField("method", r.method);
      g.writeStringField("route", r.route);
      g.writeNumberField("requests", r.requests);
      g.writeNumberField("estimated_requests", round(r.estimatedRequests));
      interval("estimated_requests", r.estimatedLow, r.estimatedHigh, g);
      g.writeNumberField("error_pct", round(r.errorPct));
      interval("error_pct", r.errorPctLow, r.errorPctHigh, g);
      nullable("min_sample_rate", r.minSampleRate, g);
      nullable("max_sample_rate", r.maxSampleRate, g);
      g.writeNumberField("p50_ns", r.p50Ns);
      g.writeNumberField("p95_ns", r.p95Ns);
      g.writeNumberField("p99_ns", r.p99Ns);
      g.writeNumberField("max_ns", r.maxNs);
      g.writeNumberField("mean_queries", round(r.meanQueries));
      g.writeNumberField("max_queries", r.maxQueries);
      g.writeNumberField("db_share_pct", round(r.dbSharePct));
      nullable("mean_bytes_in", r.meanBytesIn, g);
      nullable("mean_bytes_out", r.meanBytesOut, g);
      g.writeNumberField("outliers", r.outliers);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void errors(ReportData d, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("recent_errors");
    for (ReportData.ErrorRow e : d.recentErrors) {
      g.writeStartObject();
      JsonRenderer.request(e, g);
      g.writeStringField("exception_type", e.exceptionType);
      g.writeStringField("exception_message", e.exceptionMessage);
      JsonRenderer.strings("frames", e.frames, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("exception_types");
    for (ReportData.CountRow c : d.exceptionTypes) {
      g.writeStartObject();
      g.writeStringField("type", c.name);
      g.writeNumberField("count", c.count);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void queries(String name, List<ReportData.QueryRow> rows, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (ReportData.QueryRow q : rows) {
      g.writeStartObject();
      g.writeStringField("db_system", q.system);
      g.writeStringField("statement", q.statement);
      g.writeNumberField("calls", q.calls);
      g.writeNumberField("total_ns", q.totalNs);
      g.writeNumberField("max_ns", q.maxNs);
      g.writeNumberField("errors", q.errors);
      g.writeNumberField("requests", q.requests);
      g.writeStringField("top_route", q.topRoute);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void nPlusOne(ReportData d, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("n_plus_one");
    for (ReportData.NPlusOneRow n : d.nPlusOne) {
      g.writeStartObject();
      g.writeStringField("method", n.method);
      g.writeStringField("route", n.route);
      g.writeStringField("statement", n.statement);
      g.writeNumberField("requests", n.requests);
      g.writeNumberField("max_repeats", n.maxRepeats);
      g.writeNumberField("mean_repeats", round(n.meanRepeats));
      g.writeStringField("example_trace_id", n.exampleTraceId);
      g.writeStringField("caller", n.caller);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void load(ReportData d, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("load");
    g.writeNumberField("bucket_seconds", d.timeline.bucketSeconds);
    g.writeArrayFieldStart("timeline");
    for (int i = 0; i < d.timeline.startNs.length; i++) {
      g.writeStartObject();
      g.writeNumberField("start_ns", d.timeline.startNs[i]);
      g.writeNumberField("requests_per_minute", round(d.timeline.requestsPerMinute[i]));
      g.writeNumberField("errors_per_minute", round(d.timeline.errorsPerMinute[i]));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("heatmap");
    g.writeStringField("zone", d.heatmap.zone);
    g.writeObjectFieldStart("requests_by_day_and_hour");
    for (int day = 0; day < 7; day++) {
      g.writeArrayFieldStart(DAYS[day]);
      for (double v : d.heatmap.requests[day]) {
        g.writeNumber(round(v));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
  }

  static void outliers(List<ReportData.OutlierRow> rows, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("outliers");
    for (ReportData.OutlierRow o : rows) {
      g.writeStartObject();
      JsonRenderer.request(o, g);
      g.writeNumberField("route_median_ns", o.routeMedianNs);
      g.writeNumberField("ratio", round(o.ratio));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void compare(ReportData.Comparison c, JsonGenerator g) throws IOException {
    if (c == null) {
      g.writeNullField("compare");
      return;
    }
    g.writeObjectFieldStart("compare");
    g.writeStringField("mode", c.mode);
    g.writeStringField("a", c.labelA);
    g.writeStringField("b", c.labelB);
    g.writeStringField("test", c.test);
    g.writeArrayFieldStart("routes");
    for (ReportData.CompareRow r : c.rows) {
      g.writeStartObject();
      g.writeStringField("method", r.method);
      g.writeStringField("route", r.route);
      g.writeNumberField("requests_a", r.requestsA);
      g.writeNumberField("requests_b", r.requestsB);
      g.writeNumberField("p50_a_ns", r.p50A);
      g.writeNumberField("p50_b_ns", r.p50B);
      g.writeNumberField("p95_a_ns", r.p95A);
      g.writeNumberField("p95_b_ns", r.p95B);
      g.writeNumberField("error_pct_a", round(r.errorPctA));
      g.writeNumberField("error_pct_b", round(r.errorPctB));
      nullable("p_value", r.pValue, g);
      g.writeBooleanField("significant", r.significant);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * {@code NAME_low} and {@code NAME_high}, rounded outwards to 3 decimals so the written interval
   * contains the computed one; {@code null} when unknown.
   */
  static void interval(String name, double low, double high, JsonGenerator g) throws IOException {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      g.writeNullField(name + "_low");
      g.writeNullField(name + "_high");
    } else {
      g.writeNumberField(name + "_low", Math.floor(low * 1000) / 1000);
      g.writeNumberField(name + "_high", Math.ceil(high * 1000) / 1000);
    }
  }

  static void nullable(String name, double v, JsonGenerator g) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, Math.round(v * 1e6) / 1e6);
    }
  }
}
