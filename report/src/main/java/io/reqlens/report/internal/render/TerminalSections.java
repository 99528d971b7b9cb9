package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.cut;
import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Format.left;
import static io.reqlens.report.internal.render.Format.right;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;

/** The sections after the route table, each skipped or one line when empty. */
final class TerminalSections {

  /** Recent errors shown with their first stack frames. */
  static final int FRAMES_FOR = 3;

  private final ReportData d;
  private final PrintWriter out;
  private final ZoneId zone;

  TerminalSections(ReportData d, PrintWriter out, ZoneId zone) {
    this.d = d;
    this.out = out;
    this.zone = zone;
  }

  void slowest() {
    requests("SLOWEST REQUESTS (find them in Jaeger by trace id)", d.slowest);
  }

  void outliers() {
    out.println(
        fmt(
            "OUTLIERS (slower than %sx their route's median)",
            Format.count(d.totals.outlierFactor)));
    if (d.outliers.isEmpty()) {
      out.println("  none");
      out.println();
      return;
    }
    out.println(
        "  "
            + left("TIME", 20)
            + right("DUR", 7)
            + right("MEDIAN", 8)
            + right("x", 6)
            + "  "
            + left("ROUTE", 32)
            + " TRACE ID");
    for (ReportData.OutlierRow o : d.outliers) {
      out.println(
          "  "
              + left(Format.time(o.tsNs, zone), 20)
              + right(duration(o.durNs), 7)
              + right(duration(o.routeMedianNs), 8)
              + right(fmt("%.1f", o.ratio), 6)
              + "  "
              + left(o.method + " " + o.route, 32)
              + " "
              + o.traceId);
    }
    out.println();
  }

  private void requests(String title, List<? extends ReportData.RequestRow> rows) {
    out.println(title);
    if (rows.isEmpty()) {
      out.println("  none");
      out.println();
      return;
    }
    out.println(
        "  "
            + left("TIME", 20)
            + right("DUR", 7)
            + right("STATUS", 7)
            + right("Q", 5)
            + "  "
            + left("ROUTE", 36)
            + " TRACE ID");
    for (ReportData.RequestRow r : rows) {
      out.println(
          "  "
              + left(Format.time(r.tsNs, zone), 20)
              + right(duration(r.durNs), 7)
              + right(status(r.status), 7)
              + right(String.valueOf(r.queries), 5)
              + "  "
              + left(r.method + " " + r.route, 36)
              + " "
              + r.traceId);
    }
    out.println();
  }

  void errors() {
    out.println("RECENT ERRORS (newest first)");
    if (d.recentErrors.isEmpty()) {
      out.println("  none");
      out.println();
      return;
    }
    int shown = 0;
    for (ReportData.ErrorRow e : d.recentErrors) {
      shown++;
      out.println(
          "  "
              + Format.time(e.tsNs, zone)
              + "  "
              + status(e.status)
              + "  "
              + cut(e.method + " " + e.route, 40)
              + "  trace "
              + e.traceId);
      if (e.exceptionType != null) {
        String msg =
            e.exceptionMessage == null ? "" : ": " + TerminalRenderer.oneLine(e.exceptionMessage);
        out.println("      " + cut(e.exceptionType + msg, TerminalRenderer.WIDTH - 6));
        // Frames for the newest few only: ten full stack traces would bury the other sections.
        for (int i = 0; shown <= FRAMES_FOR && i < e.frames.size(); i++) {
          out.println("        " + cut(e.frames.get(i), TerminalRenderer.WIDTH - 8));
        }
      } else {
        out.println("      (no exception recorded for this request)");
      }
    }
    if (!d.exceptionTypes.isEmpty()) {
      StringBuilder b = new StringBuilder("  by exception type:");
      for (ReportData.CountRow c : d.exceptionTypes) {
        b.append(' ').append(c.name).append(" (").append(c.count).append(')');
      }
      out.println(cut(b.toString(), TerminalRenderer.WIDTH));
    }
    out.println();
  }

  void queries() {
    queryTable("QUERIES BY TOTAL TIME", d.queriesByTime);
    queryTable("QUERIES BY CALLS", d.queriesByCount);
  }

  private void queryTable(String title, List<ReportData.QueryRow> rows) {
    out.println(title);
    if (rows.isEmpty()) {
      out.println("  none (no DB events)");
      out.println();
      return;
    }
    out.println(
        "  "
            + right("TOTAL", 7)
            + right("CALLS", 7)
            + right("MEAN", 7)
            + right("MAX", 7)
            + right("ERR", 4)
            + "  "
            + left("TOP ROUTE", 22)
            + "  STATEMENT");
    int indent = 2 + 7 + 7 + 7 + 7 + 4 + 2 + 22 + 2;
    for (ReportData.QueryRow q : rows) {
      String head =
          "  "
              + right(duration(q.totalNs), 7)
              + right(Format.count(q.calls), 7)
              + right(duration(q.calls == 0 ? 0 : q.totalNs / q.calls), 7)
              + right(duration(q.maxNs), 7)
              + right(String.valueOf(q.errors), 4)
              + "  "
              + left(q.topRoute, 22)
              + "  ";
      wrapped(head, indent, TerminalRenderer.oneLine(q.statement));
    }
    out.println();
  }

  void nPlusOne() {
    out.println(
        fmt(
            "N+1 SUSPECTS (same statement >= %d times within one request)",
            d.totals.nPlusOneThreshold));
    if (d.nPlusOne.isEmpty()) {
      out.println("  none");
      out.println();
      return;
    }
    out.println(
        "  "
            + left("ROUTE", 30)
            + right("REQS", 7)
            + right("MAXx", 6)
            + right("MEANx", 7)
            + "  STATEMENT / EXAMPLE TRACE");
    for (ReportData.NPlusOneRow n : d.nPlusOne) {
      out.println(
          "  "
              + left(n.method + " " + n.route, 30)
              + right(String.valueOf(n.requests), 7)
              + right(String.valueOf(n.maxRepeats), 6)
              + right(fmt("%.1f", n.meanRepeats), 7)
              + "  "
              + cut(TerminalRenderer.oneLine(n.statement), TerminalRenderer.WIDTH - 54));
      out.println("  " + left("", 52) + "trace " + n.exampleTraceId);
      if (n.caller != null) {
        out.println(
            "  "
                + left("", 52)
                + "issued by "
                + TerminalHotCode.tail(n.caller, TerminalRenderer.WIDTH - 64));
      }
    }
    out.println();
  }

  void load() {
    TerminalLoad.render(d, out);
  }

  void compare() {
    TerminalCompare.render(d, out);
  }

  void notes() {
    if (!d.notes.isEmpty()) {
      out.println("NOTES");
      for (String n : d.notes) {
        out.println("  " + n);
      }
      out.println();
    }
    if (!d.input.examples().isEmpty()) {
      out.println("INPUT PROBLEMS (skipped; the report covers everything else)");
      for (io.reqlens.report.internal.input.InputStats.Skip s :
          io.reqlens.report.internal.input.InputStats.Skip.values()) {
        long n = d.input.skipped(s);
        if (n > 0 && s != io.reqlens.report.internal.input.InputStats.Skip.TORN) {
          out.println(fmt("  %d %s", n, s.description));
        }
      }
      for (String e : d.input.examples()) {
        out.println("    e.g. " + cut(e, TerminalRenderer.WIDTH - 9));
      }
      out.println();
    }
  }

  /**
   * {@code head} then {@code text}, continued on up to two more lines at column {@code indent}: a
   * statement is the point of the row and should not be cut short.
   */
  private void wrapped(String head, int indent, String text) {
    int width = TerminalRenderer.WIDTH - indent;
    String rest = text == null ? "-" : text;
    String prefix = head;
    for (int line = 0; line < 3; line++) {
      if (rest.length() <= width || line == 2) {
        out.println(prefix + cut(rest, width));
        return;
      }
      int at = rest.lastIndexOf(' ', width);
      if (at > 0 && rest.length() - at < 8) {
        at = rest.lastIndexOf(' ', at - 1); // no orphaned "?" on a line of its own
      }
      at = at <= width / 2 ? width : at;
      out.println(prefix + rest.substring(0, at));
      rest = rest.substring(at).trim();
      prefix = left("", indent);
    }
  }

  static String status(int status) {
    return status < 0 ? "-" : String.valueOf(status);
  }
}
