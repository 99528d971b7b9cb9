package io.reqlens.report.internal.analysis;

import java.time.ZoneId;
import java.util.Comparator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How the report is computed and cut; defaults match the CLI's.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class AnalysisOptions {

  /** How the route table is sorted. */
  public enum RouteSort {
    P95(Comparator.comparingLong((ReportData.RouteRow r) -> r.p95Ns).reversed()),
    P50(Comparator.comparingLong((ReportData.RouteRow r) -> r.p50Ns).reversed()),
    P99(Comparator.comparingLong((ReportData.RouteRow r) -> r.p99Ns).reversed()),
    MAX(Comparator.comparingLong((ReportData.RouteRow r) -> r.maxNs).reversed()),
    COUNT(Comparator.comparingLong((ReportData.RouteRow r) -> r.requests).reversed()),
    ERRORS(Comparator.comparingDouble((ReportData.RouteRow r) -> r.errorPct).reversed()),
    DB(Comparator.comparingDouble((ReportData.RouteRow r) -> r.dbSharePct).reversed()),
    QUERIES(Comparator.comparingDouble((ReportData.RouteRow r) -> r.meanQueries).reversed()),
    ROUTE(Comparator.comparing((ReportData.RouteRow r) -> String.valueOf(r.route)));

    final Comparator<ReportData.RouteRow> order;

    RouteSort(Comparator<ReportData.RouteRow> order) {
      // Ties (and the ROUTE sort's duplicates) are broken by name: output is deterministic.
      this.order =
          order
              .thenComparing(ReportData.RouteRow::name)
              .thenComparing(r -> String.valueOf(r.service));
    }
  }

  /** Confidence level of the intervals in percent, in (0, 100): {@value} by default. */
  public static final double DEFAULT_CONFIDENCE_PCT = 95;

  public double confidencePct = DEFAULT_CONFIDENCE_PCT;
  public int top = 10;
  public int routeLimit = 30;
  public RouteSort routeSort = RouteSort.P95;
  public int nPlusOneThreshold = 5;
  public double outlierFactor = 3.0;
  public ZoneId zone = ZoneId.of("UTC");
  public CompareSpec compare;
  public long nowNs;
  public Filter filter = Filter.builder().build();

  /**
   * The two-sided standard normal quantile for {@link #confidencePct}: 1.96 at 95 %, 3.29 at 99.9
   * %.
   */
  double z() {
    return NormalDistribution.of(0, 1).inverseSurvivalProbability((100 - confidencePct) / 200);
  }
}
