package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Html.esc;

import io.reqlens.report.internal.analysis.ReportData;
import io.reqlens.report.internal.input.InputStats;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/** The sortable tables of the HTML page. */
final class HtmlLists {

  private final ReportData d;
  private final Writer w;
  private final ZoneId zone;

  HtmlLists(ReportData d, Writer w, ZoneId zone) {
    this.d = d;
    this.w = w;
    this.zone = zone;
  }

  void routes() throws IOException {
    HtmlTable t =
        new HtmlTable(
            "routes",
            "Route",
            "#Requests",
            "#Estimated",
            "#" + Format.level(d.totals.confidencePct) + " interval",
            "#Error %",
            "#" + Format.level(d.totals.confidencePct) + " interval",
            "#Sample rate",
            "#p50",
            "#p95",
            "#p99",
            "#Max",
            "#Queries/req",
            "#Max queries",
            "#DB time %",
            "#Bytes in",
            "#Bytes out",
            "#Outliers");
    boolean services = TerminalRenderer.manyServices(d);
    for (ReportData.RouteRow r : d.allRoutes) {
      t.row()
          .text(services && r.service != null ? r.service + ": " + r.name() : r.name())
          .num(r.requests, Format.grouped(r.requests))
          .num(r.estimatedRequests, Format.count(Math.round(r.estimatedRequests)))
          .num(r.estimatedHigh - r.estimatedLow, Format.countRange(r.estimatedLow, r.estimatedHigh))
          .num(r.errorPct, Format.pct(r.errorPct))
          .num(r.errorPctHigh - r.errorPctLow, Format.pctRange(r.errorPctLow, r.errorPctHigh))
          .num(r.minSampleRate, Format.rates(r.minSampleRate, r.maxSampleRate))
          .dur(r.p50Ns)
          .dur(r.p95Ns)
          .dur(r.p99Ns)
          .dur(r.maxNs)
          .num(r.meanQueries, fmt("%.1f", r.meanQueries))
          .num(r.maxQueries, String.valueOf(r.maxQueries))
          .num(r.dbSharePct, Format.pct(r.dbSharePct))
          .num(r.meanBytesIn, Format.bytes(r.meanBytesIn))
          .num(r.meanBytesOut, Format.bytes(r.meanBytesOut))
          .num(r.outliers, String.valueOf(r.outliers));
    }
    section(
        "routes-section",
        "Routes",
        "Click a column header to sort. Percentiles, error % and"
            + " means are re-weighted by 1/sample_rate. Intervals: estimated count by"
            + " Horvitz–Thompson with a score interval, error % by the delta method (requests"
            + " kept with sample rate 1 count exactly); interval columns sort by width.",
        t);
  }

  void slowest() throws IOException {
    section(
        "slowest-section",
        "Slowest requests",
        "Find them in Jaeger by trace id.",
        requests("slowest", d.slowest));
  }

  void outliers() throws IOException {
    HtmlTable t =
        new HtmlTable(
            "outliers", "Time", "#Duration", "#Route median", "#× median", "Route", "Trace id");
    for (ReportData.OutlierRow o : d.outliers) {
      t.row()
          .text(Format.time(o.tsNs, zone))
          .dur(o.durNs)
          .dur(o.routeMedianNs)
          .num(o.ratio, fmt("%.1f", o.ratio))
          .text(o.method + " " + o.route)
          .code(o.traceId);
    }
    section(
        "outliers-section",
        "Outliers",
        "Requests slower than " + Format.count(d.totals.outlierFactor) + "× their route's median.",
        t);
  }

  private HtmlTable requests(String id, List<? extends ReportData.RequestRow> rows) {
    HtmlTable t =
        new HtmlTable(
            id,
            "Time",
            "#Duration",
            "#Status",
            "#Queries",
            "#DB time",
            "Route",
            "Path",
            "Trace id");
    for (ReportData.RequestRow r : rows) {
      t.row()
          .text(Format.time(r.tsNs, zone))
          .dur(r.durNs)
          .num(r.status, TerminalSections.status(r.status))
          .num(r.queries, String.valueOf(r.queries))
          .dur(r.dbNs)
          .text(r.method + " " + r.route)
          .code(r.path)
          .code(r.traceId);
    }
    return t;
  }

  void errors() throws IOException {
    HtmlTable t = new HtmlTable("errors", "Time", "#Status", "Route", "Exception", "Trace id");
    for (ReportData.ErrorRow e : d.recentErrors) {
      StringBuilder ex = new StringBuilder();
      if (e.exceptionType == null) {
        ex.append("<i>no exception recorded</i>");
      } else {
        ex.append("<details><summary><b>")
            .append(esc(e.exceptionType))
            .append("</b>: ")
            .append(esc(e.exceptionMessage))
            .append("</summary><pre>");
        for (String f : e.frames) {
          ex.append(esc(f)).append('\n');
        }
        ex.append("</pre></details>");
      }
      t.row()
          .text(Format.time(e.tsNs, zone))
          .num(e.status, TerminalSections.status(e.status))
          .text(e.method + " " + e.route)
          .raw(ex.toString(), e.exceptionType == null ? "" : e.exceptionType)
          .code(e.traceId);
    }
    section("errors-section", "Recent errors", "Newest first; open a row for the first frames.", t);
    HtmlTable types = new HtmlTable("exception-types", "Exception type", "#Count");
    for (ReportData.CountRow c : d.exceptionTypes) {
      types.row().code(c.name).num(c.count, String.valueOf(c.count));
    }
    if (types.rows() > 0) {
      section("exception-types-section", "Exceptions by type", "", types);
    }
  }

  void queries() throws IOException {
    section(
        "queries-time-section",
        "Queries by total time",
        "",
        queries("queries-time", d.queriesByTime));
    section(
        "queries-calls-section",
        "Queries by calls",
        "",
        queries("queries-calls", d.queriesByCount));
  }

  private HtmlTable queries(String id, List<ReportData.QueryRow> rows) {
    HtmlTable t =
        new HtmlTable(
            id,
            "Statement",
            "#Total",
            "#Calls",
            "#Mean",
            "#Max",
            "#Errors",
            "#Requests",
            "Top route");
    for (ReportData.QueryRow q : rows) {
      t.row()
          .code(q.statement)
          .dur(q.totalNs)
          .num(q.calls, Format.grouped(q.calls))
          .dur(q.calls == 0 ? 0 : q.totalNs / q.calls)
          .dur(q.maxNs)
          .num(q.errors, String.valueOf(q.errors))
          .num(q.requests, Format.grouped(q.requests))
          .text(q.topRoute);
    }
    return t;
  }

  void nPlusOne() throws IOException {
    HtmlTable t =
        new HtmlTable(
            "n-plus-one",
            "Route",
            "Statement",
            "#Requests",
            "#Max repeats",
            "#Mean repeats",
            "Issued by",
            "Example trace");
    for (ReportData.NPlusOneRow n : d.nPlusOne) {
      t.row()
          .text(n.method + " " + n.route)
          .code(n.statement)
          .num(n.requests, String.valueOf(n.requests))
          .num(n.maxRepeats, String.valueOf(n.maxRepeats))
          .num(n.meanRepeats, fmt("%.1f", n.meanRepeats))
          .code(n.caller)
          .code(n.exampleTraceId);
    }
    section(
        "n-plus-one-section",
        "N+1 suspects",
        "The same statement at least "
            + d.totals.nPlusOneThreshold
            + " times within one request; issued by: the application line that ran it (known when"
            + " the profiler was on).",
        t);
  }

  void compare() throws IOException {
    ReportData.Comparison c = d.comparison;
    if (c == null) {
      return;
    }
    HtmlTable t =
        new HtmlTable(
            "compare",
            "Route",
            "#Requests A",
            "#Requests B",
            "#p50 A",
            "#p50 B",
            "#p95 A",
            "#p95 B",
            "#Error % A",
            "#Error % B",
            "#p-value",
            "Significant");
    for (ReportData.CompareRow r : c.rows) {
      t.row()
          .text(r.method + " " + r.route)
          .num(r.requestsA, String.valueOf(r.requestsA))
          .num(r.requestsB, String.valueOf(r.requestsB))
          .dur(r.p50A)
          .dur(r.p50B)
          .dur(r.p95A)
          .dur(r.p95B)
          .num(r.errorPctA, Format.pct(r.errorPctA))
          .num(r.errorPctB, Format.pct(r.errorPctB))
          .num(r.pValue, Double.isNaN(r.pValue) ? "-" : TerminalCompare.p(r.pValue))
          .text(TerminalCompare.verdict(r));
    }
    section(
        "compare-section",
        "Compare " + c.mode + ": A = " + c.labelA + ", B = " + c.labelB,
        "Test: " + c.test + ".",
        t);
  }

  void notes() throws IOException {
    if (d.notes.isEmpty() && d.input.problems() == 0) {
      return;
    }
    w.write("<section id=\"notes\"><h2>Notes</h2><ul>");
    for (String n : d.notes) {
      w.write("<li>" + esc(n) + "</li>");
    }
    for (InputStats.Skip s : InputStats.Skip.values()) {
      if (d.input.skipped(s) > 0 && s != InputStats.Skip.TORN) {
        w.write("<li>skipped " + d.input.skipped(s) + " " + esc(s.description) + "</li>");
      }
    }
    w.write("</ul></section>\n");
  }

  private void section(String id, String title, String note, HtmlTable t) throws IOException {
    w.write("<section id=\"" + id + "\"><h2>" + esc(title) + "</h2>");
    if (!note.isEmpty()) {
      w.write("<p class=\"note\">" + esc(note) + "</p>");
    }
    w.write(t.rows() == 0 ? "<p class=\"empty\">none</p>" : t.html());
    w.write("</section>\n");
  }
}
