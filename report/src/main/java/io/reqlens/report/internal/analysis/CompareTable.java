package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * {@code --compare}: per route and side, a latency histogram, error counts and a reservoir sample
 * of {@link #RESERVOIR} durations; at the end a two-sided Mann-Whitney U test on the samples says
 * whether the latency distributions differ (alpha {@link #ALPHA}).
 */
final class CompareTable {

  static final int RESERVOIR = 2_000;

  static final int MIN_SAMPLES = 5;

  static final double ALPHA = 0.05;

  static final String TEST =
      "two-sided Mann-Whitney U (Wilcoxon rank-sum) on up to "
          + RESERVOIR
          + " sampled durations per route and side; exact p-value for small samples without ties,"
          + " else normal approximation with tie and continuity correction; significant if p < "
          + ALPHA;

  private static final class Side {
    final RouteStats stats;
    final Reservoir sample;

    Side(Request r, long seed) {
      stats = new RouteStats(r.service, r.method, r.route);
      sample = new Reservoir(RESERVOIR, seed);
    }
  }

  private final CompareSpec spec;
  private final Map<String, Side[]> byRoute = new HashMap<>();

  CompareTable(CompareSpec spec) {
    this.spec = spec;
  }

  void add(Request r) {
    int side = spec.side(r);
    if (side < 0) {
      return;
    }
    String key = RouteTable.key(r.service, r.method, r.route);
    Side[] sides = byRoute.get(key);
    if (sides == null) {
      if (byRoute.size() >= RouteTable.MAX_ROUTES) {
        return;
      }
      sides = new Side[2];
      byRoute.put(key, sides);
    }
    if (sides[side] == null) {
      sides[side] = new Side(r, key.hashCode() * 31L + side);
    }
    sides[side].stats.add(r);
    sides[side].sample.add(r.durNs);
  }

  ReportData.Comparison result() {
    ReportData.Comparison c = new ReportData.Comparison();
    c.mode = spec.mode();
    c.labelA = spec.labelA();
    c.labelB = spec.labelB();
    c.test = TEST;
    c.rows = new ArrayList<>();
    for (Side[] sides : byRoute.values()) {
      c.rows.add(row(sides));
    }
    c.rows.sort((x, y) -> (x.method + " " + x.route).compareTo(y.method + " " + y.route));
    return c;
  }

  private static ReportData.CompareRow row(Side[] sides) {
    ReportData.CompareRow row = new ReportData.CompareRow();
    RouteStats any = sides[0] != null ? sides[0].stats : sides[1].stats;
    row.method = any.method;
    row.route = any.route;
    if (sides[0] != null) {
      row.requestsA = sides[0].stats.requests;
      row.p50A = sides[0].stats.percentileNs(50);
      row.p95A = sides[0].stats.percentileNs(95);
      row.errorPctA = 100 * sides[0].stats.weightedErrors / sides[0].stats.weighted;
    }
    if (sides[1] != null) {
      row.requestsB = sides[1].stats.requests;
      row.p50B = sides[1].stats.percentileNs(50);
      row.p95B = sides[1].stats.percentileNs(95);
      row.errorPctB = 100 * sides[1].stats.weightedErrors / sides[1].stats.weighted;
    }
    row.pValue = Double.NaN;
    if (sides[0] != null
        && sides[1] != null
        && sides[0].sample.seen() >= MIN_SAMPLES
        && sides[1].sample.seen() >= MIN_SAMPLES) {
      row.pValue =
          MannWhitneyUTest.withDefaults()
              .test(sides[0].sample.sample(), sides[1].sample.sample())
              .getPValue();
      row.significant = row.pValue < ALPHA;
    }
    return row;
  }
}
