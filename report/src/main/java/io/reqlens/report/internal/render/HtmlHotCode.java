package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.duration;
import static io.reqlens.report.internal.render.Format.fmt;
import static io.reqlens.report.internal.render.Html.esc;

import com.fasterxml.jackson.core.JsonGenerator;
import io.reqlens.report.internal.analysis.ReportData;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The HTML page's "Hot code" section: per route, the frames with the most self time and the
 * application frames with the most total time (sortable tables) and a flame graph of its merged
 * stacks (weighted by 1/sample_rate), and a flame graph per slowest request that was sampled.
 *
 * <p>The flame graphs are the component {@code reqlens serve} draws with ({@link FlameGraph} builds
 * the tree, {@code flamegraph.js} draws it: click a frame to zoom in, a grey caller above to zoom
 * out), not a second one: each {@code <div class="flamegraph" data-flame="hotCode/N">} (or {@code
 * slowestProfiles/N}) is drawn by {@code report.js} from the page's {@code hot-code-data}.
 */
final class HtmlHotCode {

  private HtmlHotCode() {}

  static void section(ReportData d, Writer w) throws IOException {
    w.write("<section id=\"hot-code-section\"><h2>Hot code</h2>");
    w.write(
        "<p class=\"note\">"
            + esc(
                "Wall-clock stack samples of the requests that ran longer than the profiler's"
                    + " threshold (OTEL_REQLENS_PROFILER_AFTER), per route, weighted by"
                    + " 1/sample_rate. Self: the innermost frame, where the threads were (a"
                    + " [WAITING], [BLOCKED] or [TIMED_WAITING] state is shown in the flame"
                    + " graph). Total: application frames with everything they called.")
            + "</p>");
    if (d.allHotCode.isEmpty()) {
      w.write("<p class=\"empty\">none (no PROF events)</p></section>\n");
      return;
    }
    for (int i = 0; i < d.allHotCode.size(); i++) {
      ReportData.HotCodeRow h = d.allHotCode.get(i);
      w.write(
          "<h3>"
              + esc(h.name())
              + "</h3><p class=\"note\">"
              + esc(
                  fmt(
                      "%d requests, %d samples, ~%s sampled per request",
                      h.requests, h.samples, duration(h.meanSampledNs)))
              + "</p>");
      w.write(frames("hot-self-" + i, "Self %", h.self).html());
      w.write(frames("hot-total-" + i, "Total %", h.total).html());
      w.write("<div class=\"flamegraph\" data-flame=\"hotCode/" + i + "\"></div>");
    }
    List<ReportData.RequestRow> profiled = profiled(d);
    if (!profiled.isEmpty()) {
      w.write("<h3>Slowest requests</h3>");
      for (int i = 0; i < profiled.size(); i++) {
        ReportData.RequestRow r = profiled.get(i);
        w.write(
            "<p class=\"note\">"
                + esc(r.method + " " + r.route)
                + " · "
                + duration(r.durNs)
                + " · "
                + r.profile.samples
                + " samples · trace <code>"
                + esc(r.traceId)
                + "</code></p>");
        w.write("<div class=\"flamegraph\" data-flame=\"slowestProfiles/" + i + "\"></div>");
      }
    }
    w.write("</section>\n");
  }

  /** The trees the flame graphs draw, in the page's {@code hot-code-data}. */
  static void data(ReportData d, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("hotCode");
    for (ReportData.HotCodeRow h : d.allHotCode) {
      g.writeStartObject();
      g.writeStringField("name", h.name());
      g.writeNumberField("samples", h.samples);
      tree(h.stacks, g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("slowestProfiles");
    for (ReportData.RequestRow r : profiled(d)) {
      g.writeStartObject();
      g.writeStringField("name", r.method + " " + r.route);
      g.writeStringField("traceId", r.traceId);
      g.writeNumberField("durNs", r.durNs);
      g.writeNumberField("samples", r.profile.samples);
      tree(r.profile.stacks, g);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** {@code "tree"}: the folded lines as the shared flame graph's call tree. */
  private static void tree(List<String> folded, JsonGenerator g) throws IOException {
    FlameGraph tree = new FlameGraph();
    tree.addAll(folded);
    g.writeFieldName("tree");
    tree.write(g);
  }

  private static List<ReportData.RequestRow> profiled(ReportData d) {
    return d.slowest.stream().filter(r -> r.profile != null).collect(Collectors.toList());
  }

  private static HtmlTable frames(String id, String share, List<ReportData.FrameRow> rows) {
    HtmlTable t = new HtmlTable(id, "#" + share, "#Weighted samples", "Frame");
    for (ReportData.FrameRow f : rows) {
      t.row().num(f.pct, Format.pct(f.pct)).num(f.samples, fmt("%.0f", f.samples)).code(f.frame);
    }
    return t;
  }
}
