package io.reqlens.report.internal.cli;

import io.reqlens.report.internal.analysis.AnalysisOptions;
import io.reqlens.report.internal.analysis.CompareSpec;
import io.reqlens.report.internal.analysis.Filter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Validates the options of {@link ReportCommand}; a bad value is a usage error naming it. */
final class OptionsParser {

  private OptionsParser() {}

  static AnalysisOptions parse(ReportCommand c) {
    AnalysisOptions o = new AnalysisOptions();
    o.nowNs =
        Math.addExact(
            Math.multiplyExact(c.clock.instant().getEpochSecond(), 1_000_000_000L),
            c.clock.instant().getNano());
    o.zone = value(c, "--zone", () -> c.zone == null ? ZoneId.systemDefault() : ZoneId.of(c.zone));
    o.top = positive(c, "--top", c.top, 0);
    o.routeLimit = positive(c, "--limit", c.limit, 1);
    c.thresholds.applyTo(o, c.spec.commandLine());
    if (!(c.confidence >= 50 && c.confidence <= 99.9999)) {
      throw fail(
          c,
          "--confidence must be a percentage from 50 to 99.9999 (e.g. 95, 99.9), got "
              + c.confidence);
    }
    o.confidencePct = c.confidence;
    o.routeSort =
        value(
            c, "--sort", () -> AnalysisOptions.RouteSort.valueOf(c.sort.toUpperCase(Locale.ROOT)));
    o.filter = filter(c.filters, c.spec.commandLine(), o.nowNs, o.zone);
    if (c.compareVersions != null && c.compareWindows != null) {
      throw fail(c, "use --compare-versions or --compare-windows, not both");
    }
    if (c.compareVersions != null) {
      String[] v = c.compareVersions.split(",", -1);
      if (v.length != 2 || v[0].isBlank() || v[1].isBlank()) {
        throw fail(c, "--compare-versions takes two versions: A,B (e.g. 1.4.0,1.5.0)");
      }
      o.compare =
          value(c, "--compare-versions", () -> CompareSpec.versions(v[0].trim(), v[1].trim()));
    } else if (c.compareWindows != null) {
      o.compare = value(c, "--compare-windows", () -> windows(c.compareWindows, o));
    }
    return o;
  }

  /** The {@link FilterOptions} as a {@link Filter}; a bad value is a usage error of {@code cl}. */
  static Filter filter(FilterOptions c, CommandLine cl, long nowNs, ZoneId zone) {
    Filter.Builder f = Filter.builder();
    if (c.since != null) {
      f.since(value(cl, "--since", () -> TimeArgs.epochNs(c.since, nowNs, zone)), c.since);
    }
    if (c.until != null) {
      f.until(value(cl, "--until", () -> TimeArgs.epochNs(c.until, nowNs, zone)), c.until);
    }
    for (String r : c.routes) {
      value(cl, "--route", () -> f.route(r));
    }
    for (String m : c.methods) {
      f.method(m.trim());
    }
    for (String s : c.statuses) {
      value(
          cl,
          "--status",
          () -> {
            StatusArg.add(s, f);
            return f;
          });
    }
    for (String s : c.services) {
      f.service(s.trim());
    }
    if (c.minDuration != null) {
      f.minDuration(
          value(cl, "--min-duration", () -> TimeArgs.durationNs(c.minDuration)), c.minDuration);
    }
    return f.build();
  }

  private static CompareSpec windows(String spec, AnalysisOptions o) {
    String[] sides = spec.split(",", -1);
    if (sides.length == 1) {
      long d = TimeArgs.durationNs(spec);
      return CompareSpec.windows(
          o.nowNs - 2 * d,
          o.nowNs - d,
          o.nowNs - d,
          o.nowNs + 1,
          "the " + spec + " before",
          "the last " + spec);
    }
    if (sides.length != 2) {
      throw new IllegalArgumentException("use FROM/TO,FROM/TO or one duration, e.g. 1h");
    }
    long[] a = window(sides[0], o);
    long[] b = window(sides[1], o);
    return CompareSpec.windows(a[0], a[1], b[0], b[1], sides[0].trim(), sides[1].trim());
  }

  private static long[] window(String side, AnalysisOptions o) {
    String[] ends = side.split("/", -1);
    if (ends.length != 2) {
      throw new IllegalArgumentException(
          "a window is FROM/TO, e.g. 2h/1h or "
              + "2026-11-20T10:00:00Z/2026-11-20T11:00:00Z; got '"
              + side
              + "'");
    }
    return new long[] {
      TimeArgs.epochNs(ends[0], o.nowNs, o.zone), TimeArgs.epochNs(ends[1], o.nowNs, o.zone)
    };
  }

  private static int positive(ReportCommand c, String name, int v, int min) {
    if (v < min) {
      throw fail(c, name + " must be at least " + min + ", got " + v);
    }
    return v;
  }

  interface Parse<T> {
    T get();
  }

  private static <T> T value(ReportCommand c, String name, Parse<T> p) {
    return value(c.spec.commandLine(), name, p);
  }

  /** {@code p}'s value; its failure becomes a usage error naming the option {@code name}. */
  static <T> T value(CommandLine cl, String name, Parse<T> p) {
    try {
      return p.get();
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof IllegalArgumentException && name.equals("--sort")) {
        why = "accepted: p95, p50, p99, max, count, errors, db, queries, route";
      }
      throw new ParameterException(cl, "invalid " + name + ": " + why);
    }
  }

  private static ParameterException fail(ReportCommand c, String message) {
    return new ParameterException(c.spec.commandLine(), message);
  }
}
