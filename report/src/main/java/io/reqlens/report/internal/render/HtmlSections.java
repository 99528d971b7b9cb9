package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Html.esc;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;

/** The page body: summary, highlights, charts and tables (tables in {@link HtmlLists}). */
final class HtmlSections {

  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private final ReportData d;
  private final Writer w;
  private final ZoneId zone;

  HtmlSections(ReportData d, Writer w) {
    this.d = d;
    this.w = w;
    this.zone = ZoneId.of(d.totals.zone);
  }

  void all() throws IOException {
    header();
    highlights();
    HtmlLists lists = new HtmlLists(d, w, zone);
    lists.routes();
    charts();
    lists.slowest();
    lists.errors();
    lists.queries();
    lists.nPlusOne();
    HtmlHotCode.section(d, w);
    lists.outliers();
    lists.compare();
    lists.notes();
    w.write(
        "<footer>reqlens "
            + esc(io.reqlens.report.internal.cli.VersionProvider.version())
            + " · times in "
            + esc(d.totals.zone)
            + " · percentiles and rates re-weighted by 1/sample_rate"
            + "</footer>");
  }

  private void header() throws IOException {
    ReportData.Totals t = d.totals;
    w.write(
        "<header><h1>reqlens report</h1><p class=\"sub\">"
            + esc(Format.time(t.firstTsNs, zone))
            + " – "
            + esc(Format.time(t.lastTsNs, zone))
            + " ("
            + esc(t.zone)
            + ")"
            + (t.filters.isEmpty() ? "" : " · filter: " + esc(t.filters))
            + "</p>");
    w.write("<div class=\"cards\">");
    card("Requests", Format.grouped(t.requests));
    card(
        "Estimated",
        Format.count(Math.round(t.estimatedRequests))
            + " ("
            + Format.countRange(t.estimatedLow, t.estimatedHigh)
            + ")");
    card("Errors", Format.pct(t.errorPct) + "%");
    card("Routes", String.valueOf(t.routes));
    card("Input", d.input.filesRead + " files · " + Format.bytes(d.input.bytesRead));
    w.write("</div></header>\n");
  }

  private void card(String label, String value) throws IOException {
    w.write(
        "<div class=\"card\"><div class=\"label\">"
            + esc(label)
            + "</div><div class=\"value\">"
            + esc(value)
            + "</div></div>");
  }

  private void highlights() throws IOException {
    Highlights h = Highlights.of(d);
    w.write("<section id=\"highlights\"><h2>Highlights</h2><dl class=\"highlights\">");
    if (h.slowestRoute != null) {
      item(
          "Slowest route (p95)",
          "<b>"
              + esc(h.slowestRoute.name())
              + "</b> p95 "
              + duration(h.slowestRoute.p95Ns)
              + ", p50 "
              + duration(h.slowestRoute.p50Ns)
              + ", "
              + h.slowestRoute.requests
              + " requests");
    } else {
      item("Requests", "none matched: nothing to report");
    }
    if (h.slowestRouteCode != null) {
      ReportData.FrameRow top = h.slowestRouteCode.self.get(0);
      item(
          "Its hottest code",
          "<code>" + esc(top.frame) + "</code> " + Format.pct(top.pct) + "% of its samples (self)");
    }
    if (h.costliestQuery != null) {
      item(
          "Costliest query",
          "<code>"
              + esc(h.costliestQuery.statement)
              + "</code> "
              + duration(h.costliestQuery.totalNs)
              + " in "
              + Format.grouped(h.costliestQuery.calls)
              + " calls, mostly "
              + esc(h.costliestQuery.topRoute));
    }
    item(
        "N+1 suspect",
        h.nPlusOne == null
            ? "none"
            : "<b>"
                + esc(h.nPlusOne.method + " " + h.nPlusOne.route)
                + "</b> runs <code>"
                + esc(h.nPlusOne.statement)
                + "</code> up to "
                + h.nPlusOne.maxRepeats
                + "× per request ("
                + h.nPlusOne.requests
                + " requests)"
                + (h.nPlusOne.caller == null
                    ? ""
                    : ", issued by <code>" + esc(h.nPlusOne.caller) + "</code>"));
    ReportData.ErrorRow e = h.latestError;
    item(
        "Latest error",
        e == null
            ? "none"
            : esc(Format.time(e.tsNs, zone))
                + " <b>"
                + esc(e.method + " " + e.route)
                + "</b> → "
                + e.status
                + " "
                + esc(e.exceptionType == null ? "" : e.exceptionType + ": " + e.exceptionMessage)
                + " <code>"
                + esc(e.traceId)
                + "</code>");
    w.write("</dl></section>\n");
  }

  private void item(String term, String html) throws IOException {
    w.write("<dt>" + esc(term) + "</dt><dd>" + html + "</dd>");
  }

  private void charts() throws IOException {
    w.write("<section id=\"charts\"><h2>Latency and load</h2><div class=\"grid\">");
    w.write(
        "<figure><figcaption>Latency percentiles per route (ms, log scale; busiest"
            + " 8)</figcaption><div class=\"chart\"><canvas"
            + " id=\"chart-latency\"></canvas></div></figure>");
    w.write(
        "<figure><figcaption>Latency distribution of <select id=\"route-select\"></select>"
            + "</figcaption><div class=\"chart\"><canvas id=\"chart-histogram\"></canvas></div>"
            + "</figure>");
    w.write(
        "<figure class=\"wide\"><figcaption>Requests and errors per minute (estimated)"
            + "</figcaption><div class=\"chart\"><canvas id=\"chart-timeline\"></canvas></div>"
            + "</figure></div>");
    heatmap();
    w.write("</section>\n");
  }

  private void heatmap() throws IOException {
    double max = 0;
    for (double[] day : d.heatmap.requests) {
      for (double v : day) {
        max = Math.max(max, v);
      }
    }
    w.write(
        "<h3>Requests by hour of day × day of week ("
            + esc(d.heatmap.zone)
            + ")</h3>"
            + "<div class=\"scroll\"><table class=\"heatmap\" id=\"heatmap\"><thead><tr><th></th>");
    for (int hour = 0; hour < 24; hour++) {
      w.write("<th>" + fmt("%02d", hour) + "</th>");
    }
    w.write("</tr></thead><tbody>");
    for (int day = 0; day < 7; day++) {
      w.write("<tr><th>" + DAYS[day] + "</th>");
      for (int hour = 0; hour < 24; hour++) {
        double v = d.heatmap.requests[day][hour];
        double a = max == 0 ? 0 : v / max;
        w.write(
            "<td style=\"background:rgba(37,99,235,"
                + fmt("%.2f", a)
                + ")\" title=\""
                + DAYS[day]
                + " "
                + fmt("%02d:00", hour)
                + ": "
                + Format.count(Math.round(v))
                + " requests\">"
                + (v > 0 ? Format.count(Math.round(v)) : "")
                + "</td>");
      }
      w.write("</tr>");
    }
    w.write("</tbody></table></div>");
  }
}
