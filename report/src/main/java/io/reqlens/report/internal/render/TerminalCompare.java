package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Format.left;
import static io.reqlens.report.internal.render.Format.right;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;

/** {@code --compare}: both sides per route, the changes, and the test's verdict. */
final class TerminalCompare {

  /** The test in one terminal line; the JSON and HTML output carry the full description. */
  private static final class CompareTexts {
    static final String SHORT_TEST =
        "two-sided Mann-Whitney U on sampled durations, significant if p < 0.05";
  }

  private TerminalCompare() {}

  static void render(ReportData d, PrintWriter out) {
    ReportData.Comparison c = d.comparison;
    if (c == null) {
      return;
    }
    out.println(fmt("COMPARE %s: A = %s, B = %s", c.mode, c.labelA, c.labelB));
    if (c.rows.isEmpty()) {
      out.println("  no request on either side");
      out.println();
      return;
    }
    out.println(
        "  "
            + left("ROUTE", 24)
            + right("REQS A/B", 10)
            + right("P50 A", 8)
            + right("P50 B", 7)
            + right("CHG", 6)
            + right("P95 A", 8)
            + right("P95 B", 7)
            + right("CHG", 6)
            + right("ERR% A/B", 12)
            + right("P-VALUE", 9)
            + "  SIGNIFICANT");
    for (ReportData.CompareRow r : c.rows) {
      out.println(
          "  "
              + left(r.method + " " + r.route, 24)
              + right(r.requestsA + "/" + r.requestsB, 10)
              + right(r.requestsA == 0 ? "-" : duration(r.p50A), 8)
              + right(r.requestsB == 0 ? "-" : duration(r.p50B), 7)
              + right(change(r.p50A, r.p50B, r.requestsA, r.requestsB), 6)
              + right(r.requestsA == 0 ? "-" : duration(r.p95A), 8)
              + right(r.requestsB == 0 ? "-" : duration(r.p95B), 7)
              + right(change(r.p95A, r.p95B, r.requestsA, r.requestsB), 6)
              + right(errors(r), 12)
              + right(Double.isNaN(r.pValue) ? "-" : p(r.pValue), 9)
              + "  "
              + verdict(r));
    }
    out.println("  CHG: change from A to B. Test: " + CompareTexts.SHORT_TEST);
    out.println();
  }

  static String p(double p) {
    return p < 0.0001 ? "<0.0001" : fmt("%.4f", p);
  }

  static String verdict(ReportData.CompareRow r) {
    if (Double.isNaN(r.pValue)) {
      return "n/a (too few)";
    }
    if (!r.significant) {
      return "no";
    }
    return r.p50B > r.p50A ? "yes, slower" : r.p50B < r.p50A ? "yes, faster" : "yes";
  }

  private static String change(long a, long b, long na, long nb) {
    if (na == 0 || nb == 0 || a == 0) {
      return "-";
    }
    return fmt("%+.0f%%", 100.0 * (b - a) / a);
  }

  private static String errors(ReportData.CompareRow r) {
    return (r.requestsA == 0 ? "-" : Format.pct(r.errorPctA))
        + "/"
        + (r.requestsB == 0 ? "-" : Format.pct(r.errorPctB));
  }
}
