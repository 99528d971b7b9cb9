package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Format.left;
import static io.reqlens.report.internal.render.Format.right;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;

/**
 * Estimated counts and error % per route with their confidence intervals, and the sample rates they
 * rest on: how far the re-weighted figures of the route table can be trusted.
 */
final class TerminalEstimates {

  private TerminalEstimates() {}

  static void render(ReportData d, PrintWriter out) {
    String level = Format.level(d.totals.confidencePct);
    out.println(
        fmt(
            "ESTIMATES (%s intervals: counts Horvitz-Thompson with a score interval,"
                + " error %% by the delta method)",
            level));
    if (d.routes.isEmpty()) {
      out.println();
      return;
    }
    String ci = level + " CI";
    out.println(
        "  "
            + left("ROUTE", TerminalRenderer.ROUTE_WIDTH)
            + right("KEPT", 7)
            + right("~EST", 8)
            + right(ci, 17)
            + right("ERR%", 7)
            + right(ci, 13)
            + right("SAMPLE RATE", 14));
    boolean services = TerminalRenderer.manyServices(d);
    for (ReportData.RouteRow r : d.routes) {
      String name = services && r.service != null ? r.service + ": " + r.name() : r.name();
      out.println(
          "  "
              + left(name, TerminalRenderer.ROUTE_WIDTH)
              + right(Format.count(r.requests), 7)
              + right(Format.count(Math.round(r.estimatedRequests)), 8)
              + right(Format.countRange(r.estimatedLow, r.estimatedHigh), 17)
              + right(Format.pct(r.errorPct), 7)
              + right(Format.pctRange(r.errorPctLow, r.errorPctHigh), 13)
              + right(Format.rates(r.minSampleRate, r.maxSampleRate), 14));
    }
    ReportData.Totals t = d.totals;
    out.println(
        "  "
            + left("(all routes)", TerminalRenderer.ROUTE_WIDTH)
            + right(Format.count(t.requests), 7)
            + right(Format.count(Math.round(t.estimatedRequests)), 8)
            + right(Format.countRange(t.estimatedLow, t.estimatedHigh), 17)
            + right(Format.pct(t.errorPct), 7)
            + right(Format.pctRange(t.errorPctLow, t.errorPctHigh), 13));
    out.println(
        "  (requests kept with sample rate 1 are counted exactly; see the report README,"
            + " \"Estimates\")");
    out.println();
  }
}
