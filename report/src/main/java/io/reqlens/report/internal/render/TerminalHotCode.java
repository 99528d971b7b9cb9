package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Format.left;
import static io.reqlens.report.internal.render.Format.right;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;
import java.util.List;

/**
 * The terminal's HOT CODE section: per route with stack samples, the frames with the most self time
 * (where the threads were) and the application frames with the most total time (what they were
 * doing, callees included), each as a share of the route's samples weighted by {@code
 * 1/sample_rate}.
 */
final class TerminalHotCode {

  private static final int FRAME_WIDTH = TerminalRenderer.WIDTH - 14;

  private TerminalHotCode() {}

  static void render(ReportData d, PrintWriter out) {
    out.println(
        "HOT CODE (stack samples per route, weighted by 1/sample_rate; self: where the threads were,"
            + " total: app code)");
    if (d.hotCode.isEmpty()) {
      out.println(
          "  none (no PROF events: only requests slower than OTEL_REQLENS_PROFILER_AFTER are"
              + " sampled)");
      out.println();
      return;
    }
    for (ReportData.HotCodeRow h : d.hotCode) {
      out.println(
          "  "
              + left(h.name(), 40)
              + fmt(
                  " %d request%s, %d samples, ~%s sampled per request",
                  h.requests, h.requests == 1 ? "" : "s", h.samples, duration(h.meanSampledNs)));
      frames("SELF%", h.self, out);
      frames("TOTAL%", h.total, out);
    }
    out.println();
  }

  private static void frames(String label, List<ReportData.FrameRow> rows, PrintWriter out) {
    for (int i = 0; i < rows.size(); i++) {
      ReportData.FrameRow f = rows.get(i);
      out.println(
          "    "
              + left(i == 0 ? label : "", 6)
              + right(Format.pct(f.pct), 6)
              + "  "
              + tail(TerminalRenderer.oneLine(f.frame), FRAME_WIDTH));
    }
  }

  /** A frame cut from the left: the class and method at its end are what identify it. */
  static String tail(String s, int width) {
    if (s == null) {
      return "-";
    }
    return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
  }
}
