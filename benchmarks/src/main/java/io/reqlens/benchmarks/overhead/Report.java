package io.reqlens.benchmarks.overhead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The result tables, in Markdown. Each cell is the median over rounds; the figure in brackets
 * compares with the configuration's baseline <em>round by round</em> (the median of the per-round
 * differences or ratios): both ran back to back in the same round, so a slow patch of the machine
 * shifts both and cancels out of the comparison more than out of either median.
 */
final class Report {

  private final List<Configuration> configurations;
  private final List<Measurement> measurements;

  Report(List<Configuration> configurations, List<Measurement> measurements) {
    this.configurations = configurations;
    this.measurements = measurements;
  }

  String closedLoopTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| configuration | vs | throughput req/s | CPU µs/req | allocated B/req | GC ms/1k req"
            + " | spans/req | start-up ms |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Configuration c : configurations) {
      out.append("| ")
          .append(c.name())
          .append(" | ")
          .append(c.baseline() == null || c.baseline().equals(c.name()) ? "—" : c.baseline())
          .append(" | ")
          .append(cell(c, m -> m.closed().throughput(), "%,.0f", true))
          .append(" | ")
          .append(cell(c, m -> m.closed().cpuMicrosPerRequest(), "%.1f", false))
          .append(" | ")
          .append(cell(c, m -> m.closed().allocatedBytesPerRequest(), "%,.0f", false))
          .append(" | ")
          .append(cell(c, m -> m.closed().gcMillisPerThousand(), "%.2f", false))
          .append(" | ")
          .append(format("%.2f", median(values(c, Measurement::spansPerRequest))))
          .append(" | ")
          .append(cell(c, Measurement::startupMillis, "%,.0f", false))
          .append(" |\n");
    }
    return out.toString();
  }

  String openLoopTable() {
    StringBuilder out = new StringBuilder();
    out.append(
        "| configuration | vs | achieved req/s | p50 ms | p99 ms | CPU µs/req | allocated B/req"
            + " | of which request threads | of which export thread |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Configuration c : configurations) {
      if (values(c, m -> m.open().throughput()).length == 0) {
        continue; // no open-loop phase (the rate was not known yet)
      }
      out.append("| ")
          .append(c.name())
          .append(" | ")
          .append(c.baseline() == null || c.baseline().equals(c.name()) ? "—" : c.baseline())
          .append(" | ")
          .append(format("%,.0f", median(values(c, m -> m.open().throughput()))))
          .append(" | ")
          .append(cell(c, m -> m.open().p50Micros() / 1e3, "%.2f", true))
          .append(" | ")
          .append(cell(c, m -> m.open().p99Micros() / 1e3, "%.2f", true))
          .append(" | ")
          .append(cell(c, m -> m.open().cpuMicrosPerRequest(), "%.1f", false))
          .append(" | ")
          .append(cell(c, m -> m.open().allocatedBytesPerRequest(), "%,.0f", false))
          .append(" | ")
          .append(cell(c, m -> m.open().requestThreadBytesPerRequest(), "%,.0f", false))
          .append(" | ")
          .append(cell(c, m -> m.open().exportThreadBytesPerRequest(), "%,.0f", false))
          .append(" |\n");
    }
    return out.toString();
  }

  /** The median, and against the baseline a difference ({@code ratio=false}) or a ratio. */
  private String cell(
      Configuration c, ToDoubleFunction<Measurement> f, String pattern, boolean ratio) {
    String own = format(pattern, median(values(c, f)));
    if (c.baseline() == null || c.baseline().equals(c.name())) {
      return own;
    }
    List<Double> compared = new ArrayList<>();
    for (Measurement m : measurements) {
      if (!m.configuration().equals(c.name())) {
        continue;
      }
      for (Measurement b : measurements) {
        if (b.configuration().equals(c.baseline()) && b.round() == m.round()) {
          double x = f.applyAsDouble(m);
          double y = f.applyAsDouble(b);
          if (!Double.isNaN(x) && !Double.isNaN(y)) {
            compared.add(ratio ? x / y : x - y);
          }
        }
      }
    }
    if (compared.isEmpty()) {
      return own;
    }
    double v = median(compared.stream().mapToDouble(Double::doubleValue).toArray());
    return own
        + (ratio
            ? format(" (%+.1f %%)", (v - 1) * 100)
            : format(pattern.startsWith("%,") ? " (%+,.0f)" : " (%+.1f)", v));
  }

  private double[] values(Configuration c, ToDoubleFunction<Measurement> f) {
    return measurements.stream()
        .filter(m -> m.configuration().equals(c.name()))
        .mapToDouble(f)
        .filter(v -> !Double.isNaN(v))
        .toArray();
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private static String format(String pattern, double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, pattern, v);
  }
}
