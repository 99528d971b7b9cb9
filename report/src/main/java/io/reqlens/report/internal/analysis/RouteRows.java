package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.HistogramIterationValue;

/** Turns {@link RouteStats} into rows, and finds the outliers against each route's median. */
final class RouteRows {

  private RouteRows() {}

  static List<ReportData.RouteRow> of(Collection<RouteStats> all, double outlierFactor, double z) {
    List<ReportData.RouteRow> rows = new ArrayList<>();
    for (RouteStats s : all) {
      ReportData.RouteRow r = new ReportData.RouteRow();
      r.service = s.service;
      r.method = s.method;
      r.route = s.route;
      r.requests = s.requests;
      r.estimatedRequests = s.weighted;
      r.errorPct = 100 * s.weightedErrors / s.weighted;
      double[] count = s.estimate.interval(z);
      r.estimatedLow = count[0];
      r.estimatedHigh = count[1];
      double[] errors = s.estimate.errorShareInterval(z);
      r.errorPctLow = 100 * errors[0];
      r.errorPctHigh = 100 * errors[1];
      r.minSampleRate = s.estimate.minRate();
      r.maxSampleRate = s.estimate.maxRate();
      r.p50Ns = s.percentileNs(50);
      r.p95Ns = s.percentileNs(95);
      r.p99Ns = s.percentileNs(99);
      r.maxNs = s.maxNs;
      r.meanQueries = s.sumQueries / s.weighted;
      r.maxQueries = s.maxQueries;
      r.dbSharePct = s.sumDurNs == 0 ? 0 : Math.min(100, 100 * s.sumDbNs / s.sumDurNs);
      r.meanBytesIn = s.weightBytesIn == 0 ? Double.NaN : s.sumBytesIn / s.weightBytesIn;
      r.meanBytesOut = s.weightBytesOut == 0 ? Double.NaN : s.sumBytesOut / s.weightBytesOut;
      r.outliers = outlierCount(s, outlierFactor);
      r.curveNs = new long[ReportData.CURVE_PERCENTILES.length];
      for (int i = 0; i < r.curveNs.length; i++) {
        r.curveNs[i] = s.percentileNs(ReportData.CURVE_PERCENTILES[i]);
      }
      r.buckets = buckets(s);
      rows.add(r);
    }
    return rows;
  }

  /** Requests above {@code factor} x median, from the histogram (estimated, weighted). */
  private static long outlierCount(RouteStats s, double factor) {
    long medianUs =
        s.latencyMicros.highestEquivalentValue(s.latencyMicros.getValueAtPercentile(50));
    long limitUs = (long) Math.ceil(medianUs * factor);
    long max = s.latencyMicros.getMaxValue();
    if (max <= limitUs) {
      return 0;
    }
    long above =
        s.latencyMicros.getCountBetweenValues(s.latencyMicros.nextNonEquivalentValue(limitUs), max);
    return Math.round(above * s.requests / (double) s.latencyMicros.getTotalCount());
  }

  private static long[] buckets(RouteStats s) {
    long[] upper = ReportData.BUCKET_UPPER_NS;
    long[] counts = new long[upper.length + 1];
    for (HistogramIterationValue v : s.latencyMicros.recordedValues()) {
      long ns = s.latencyMicros.medianEquivalentValue(v.getValueIteratedTo()) * 1000;
      int i = 0;
      while (i < upper.length && ns > upper[i]) {
        i++;
      }
      counts[i] += v.getCountAddedInThisIterationStep();
    }
    return counts;
  }

  /** Candidates slower than {@code factor} x their route's median, most extreme first. */
  static List<ReportData.OutlierRow> outliers(
      Collection<RouteStats> all, double factor, int limit) {
    List<ReportData.OutlierRow> rows = new ArrayList<>();
    for (RouteStats s : all) {
      long median = s.percentileNs(50);
      if (median <= 0 || s.requests < 5) {
        continue;
      }
      for (ReportData.RequestRow c : s.slowest) {
        if (c.durNs > factor * median) {
          ReportData.OutlierRow o = (ReportData.OutlierRow) c;
          o.routeMedianNs = median;
          o.ratio = (double) c.durNs / median;
          rows.add(o);
        }
      }
    }
    rows.sort(
        (a, b) ->
            a.ratio != b.ratio ? Double.compare(b.ratio, a.ratio) : a.traceId.compareTo(b.traceId));
    return rows.size() > limit ? new ArrayList<>(rows.subList(0, limit)) : rows;
  }
}
