package io.reqlens.report.internal.render;

import static io.reqlens.report.internal.render.Format.fmt;

import io.reqlens.report.internal.analysis.ReportData;
import java.io.PrintWriter;
import java.time.ZoneId;

/** Load over time as a sparkline, and the hour-of-day x day-of-week heatmap, in text. */
final class TerminalLoad {

  private static final char[] BARS = {' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
  private static final char[] SHADES = {'·', '░', '▒', '▓', '█'};
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final int SPARK_WIDTH = 96;

  private TerminalLoad() {}

  static void render(ReportData d, PrintWriter out) {
    ReportData.Timeline t = d.timeline;
    ZoneId zone = ZoneId.of(d.totals.zone);
    out.println(fmt("LOAD (estimated requests per minute, %s buckets)", bucket(t.bucketSeconds)));
    if (t.startNs.length == 0) {
      out.println("  none");
      out.println();
      return;
    }
    double[] cols = downsample(t.requestsPerMinute, SPARK_WIDTH);
    double max = 0;
    double sum = 0;
    for (double v : t.requestsPerMinute) {
      max = Math.max(max, v);
      sum += v;
    }
    StringBuilder line = new StringBuilder("  ");
    for (double v : cols) {
      line.append(BARS[v <= 0 ? 0 : (int) Math.max(1, Math.round(8 * v / max))]);
    }
    out.println(line);
    out.println(
        fmt(
            "  %s .. %s   peak %s/min, mean %s/min",
            Format.time(t.startNs[0], zone),
            Format.time(t.startNs[t.startNs.length - 1], zone),
            Format.count(max),
            Format.count(sum / t.requestsPerMinute.length)));
    out.println();
    heatmap(d.heatmap, out);
  }

  private static void heatmap(ReportData.Heatmap h, PrintWriter out) {
    out.println(
        "LOAD BY HOUR OF DAY x DAY OF WEEK ("
            + h.zone
            + "; · none, ░ ▒ ▓ █ quartiles of"
            + " the busiest hour)");
    double max = 0;
    for (double[] day : h.requests) {
      for (double v : day) {
        max = Math.max(max, v);
      }
    }
    StringBuilder head = new StringBuilder("       ");
    for (int hour = 0; hour < 24; hour++) {
      head.append(fmt("%-3s", hour % 3 == 0 ? String.format("%02d", hour) : ""));
    }
    out.println(head.toString().stripTrailing());
    for (int day = 0; day < 7; day++) {
      StringBuilder row = new StringBuilder("  ").append(DAYS[day]).append("  ");
      for (int hour = 0; hour < 24; hour++) {
        double v = h.requests[day][hour];
        char c = v <= 0 ? SHADES[0] : SHADES[(int) Math.min(4, Math.ceil(4 * v / max))];
        row.append(c).append(c).append(' ');
      }
      out.println(row.toString().stripTrailing());
    }
    out.println();
  }

  /** At most {@code width} columns, each the mean of its slice of buckets. */
  static double[] downsample(double[] v, int width) {
    if (v.length <= width) {
      return v;
    }
    double[] out = new double[width];
    for (int i = 0; i < width; i++) {
      int from = (int) ((long) i * v.length / width);
      int to = (int) ((long) (i + 1) * v.length / width);
      double s = 0;
      for (int j = from; j < to; j++) {
        s += v[j];
      }
      out[i] = s / Math.max(1, to - from);
    }
    return out;
  }

  private static String bucket(long seconds) {
    return seconds % 3600 == 0
        ? seconds / 3600 + "h"
        : seconds % 60 == 0 ? seconds / 60 + "min" : seconds + "s";
  }
}
