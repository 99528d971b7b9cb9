package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.count;
import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Format.left;
import static io.reqlens.report.internal.render.Format.pct;
import static io.reqlens.report.internal.render.Format.right;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * The plain-text report, at most {@link #WIDTH} columns: header, highlights, routes, then the other
 * sections ({@link TerminalSections}). No colours or cursor tricks: it is also piped.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class TerminalRenderer {

  /** Widest line written. */
  public static final int WIDTH = 112;

  static final int ROUTE_WIDTH = 30;

  private TerminalRenderer() {}

  public static void render(ReportData d, PrintWriter raw) {
    // Every value is escaped where it is laid out (Format.cut); the writer is the safety net for
    // any value printed another way: no control or bidi character from event data reaches the tty.
    PrintWriter out = TerminalText.safe(raw);
    try {
      renderSafely(d, out);
    } finally {
      out.flush();
    }
  }

  private static void renderSafely(ReportData d, PrintWriter out) {
    ZoneId zone = ZoneId.of(d.totals.zone);
    header(d, out, zone);
    highlights(d, out, zone);
    routes(d, out);
    TerminalEstimates.render(d, out);
    TerminalSections s = new TerminalSections(d, out, zone);
    s.slowest();
    s.errors();
    s.queries();
    s.nPlusOne();
    TerminalHotCode.render(d, out);
    s.outliers();
    s.load();
    s.compare();
    s.notes();
  }

  private static void header(ReportData d, PrintWriter out, ZoneId zone) {
    ReportData.Totals t = d.totals;
    out.println(
        fmt(
            "reqlens report: %s requests (~%s estimated, %s CI %s), %d routes, %s%% errors",
            Format.grouped(t.requests),
            count(Math.round(t.estimatedRequests)),
            Format.level(t.confidencePct),
            Format.countRange(t.estimatedLow, t.estimatedHigh),
            t.routes,
            pct(t.errorPct)));
    out.println(
        fmt(
            "  time:   %s to %s (%s)",
            Format.time(t.firstTsNs, zone), Format.time(t.lastTsNs, zone), t.zone));
    out.println(
        fmt(
            "  input:  %d file(s), %s, %s events%s",
            d.input.filesRead,
            Format.bytes(d.input.bytesRead),
            Format.grouped(d.input.events()),
            skippedSummary(d)));
    if (t.orphanQueries > 0) {
      // Start-up DDL and background jobs: no request to put them in, but not silently dropped.
      out.println(
          fmt(
              "  outside requests: %s quer%s (start-up, background work; not in the tables below)",
              Format.grouped(t.orphanQueries), t.orphanQueries == 1 ? "y" : "ies"));
    }
    if (!t.filters.isEmpty()) {
      out.println("  filter: " + t.filters);
    }
    out.println();
  }

  static String skippedSummary(ReportData d) {
    long problems = d.input.problems();
    long torn = d.input.skipped(io.reqlens.report.internal.input.InputStats.Skip.TORN);
    StringBuilder b = new StringBuilder();
    if (problems > 0) {
      b.append(fmt("; %d skipped (see INPUT PROBLEMS)", problems));
    }
    if (torn > 0) {
      b.append(fmt("; %d torn last line(s) skipped", torn));
    }
    return b.toString();
  }

  private static void highlights(ReportData d, PrintWriter out, ZoneId zone) {
    Highlights h = Highlights.of(d);
    out.println("HIGHLIGHTS");
    if (h.slowestRoute == null) {
      out.println("  No requests matched: nothing to report.");
      out.println();
      return;
    }
    ReportData.RouteRow r = h.slowestRoute;
    out.println(
        fmt(
            "  Slowest route (p95)    %s  p95 %s, p50 %s, %d requests",
            Format.cut(r.name(), 44), duration(r.p95Ns), duration(r.p50Ns), r.requests));
    if (h.slowestRouteCode != null) {
      ReportData.FrameRow top = h.slowestRouteCode.self.get(0);
      out.println(
          fmt(
              "  Its hottest code       %s  %s%% of its samples (self)",
              Format.cut(top.frame, WIDTH - 35), pct(top.pct)));
    }
    if (h.costliestQuery != null) {
      ReportData.QueryRow q = h.costliestQuery;
      out.println(
          fmt(
              "  Costliest query        %s total in %s calls, mostly %s",
              duration(q.totalNs), Format.grouped(q.calls), q.topRoute));
      out.println("                         " + Format.cut(q.statement, WIDTH - 25));
    }
    if (h.nPlusOne != null) {
      ReportData.NPlusOneRow n = h.nPlusOne;
      out.println(
          fmt(
              "  N+1 suspect            %s %s: one statement up to %dx per request "
                  + "(%d requests)",
              n.method, n.route, n.maxRepeats, n.requests));
      out.println("                         " + Format.cut(n.statement, WIDTH - 25));
      if (n.caller != null) {
        out.println("                         issued by " + Format.cut(n.caller, WIDTH - 35));
      }
    } else {
      out.println(
          fmt(
              "  N+1 suspect            none (no statement >= %dx within one request)",
              d.totals.nPlusOneThreshold));
    }
    if (h.latestError != null) {
      ReportData.ErrorRow e = h.latestError;
      out.println(
          fmt(
              "  Latest error           %s %s %s -> %s %s",
              Format.time(e.tsNs, zone),
              e.method,
              e.route,
              e.status < 0 ? "-" : String.valueOf(e.status),
              e.exceptionType == null ? "(no exception recorded)" : e.exceptionType));
      if (e.exceptionMessage != null) {
        out.println(
            "                         " + Format.cut(oneLine(e.exceptionMessage), WIDTH - 25));
      }
      out.println("                         trace " + e.traceId);
    } else {
      out.println("  Latest error           none");
    }
    if (h.mostErrors != null) {
      out.println(
          fmt(
              "  Highest error rate     %s  %s%% of %d requests",
              Format.cut(h.mostErrors.name(), 50),
              pct(h.mostErrors.errorPct),
              h.mostErrors.requests));
    }
    out.println();
  }

  private static void routes(ReportData d, PrintWriter out) {
    out.println(
        fmt(
            "ROUTES (%d of %d; percentiles and error %% re-weighted by 1/sample_rate)",
            d.routes.size(), d.totals.routes));
    if (d.routes.isEmpty()) {
      out.println();
      return;
    }
    out.println(
        "  "
            + left("ROUTE", ROUTE_WIDTH)
            + right("REQS", 7)
            + right("~EST", 7)
            + right("ERR%", 6)
            + right("P50", 7)
            + right("P95", 7)
            + right("P99", 7)
            + right("MAX", 7)
            + right("Q/REQ", 6)
            + right("QMAX", 5)
            + right("DB%", 6)
            + right("IN", 6)
            + right("OUT", 6));
    boolean services = manyServices(d);
    for (ReportData.RouteRow r : d.routes) {
      String name = services && r.service != null ? r.service + ": " + r.name() : r.name();
      out.println(
          "  "
              + left(name, ROUTE_WIDTH)
              + right(count(r.requests), 7)
              + right(count(Math.round(r.estimatedRequests)), 7)
              + right(pct(r.errorPct), 6)
              + right(duration(r.p50Ns), 7)
              + right(duration(r.p95Ns), 7)
              + right(duration(r.p99Ns), 7)
              + right(duration(r.maxNs), 7)
              + right(fmt("%.1f", r.meanQueries), 6)
              + right(String.valueOf(r.maxQueries), 5)
              + right(pct(r.dbSharePct), 6)
              + right(Format.bytes(r.meanBytesIn), 6)
              + right(Format.bytes(r.meanBytesOut), 6));
    }
    out.println(
        "  (Q/REQ: mean queries per request; DB%: share of request time in the database;"
            + " IN/OUT: mean body bytes)");
    out.println();
  }

  static boolean manyServices(ReportData d) {
    String first = null;
    for (ReportData.RouteRow r : d.allRoutes) {
      if (r.service != null) {
        if (first == null) {
          first = r.service;
        } else if (!first.equals(r.service)) {
          return true;
        }
      }
    }
    return false;
  }

  static String oneLine(String s) {
    return s == null
        ? null
        : TerminalText.escape(s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
  }
}
