package io.reqlens.report.internal.analysis;

import java.util.PriorityQueue;
import org.HdrHistogram.Histogram;

/**
 * The figures of one method + route. Latency goes into an HdrHistogram in microseconds with two
 * significant digits (at most 1% error, about 25 KiB per route), each request recorded with count
 * {@code round(1 / sample_rate)} so percentiles describe all requests, not only the kept ones.
 */
final class RouteStats {

  /** Slowest requests kept per route as outlier candidates. */
  static final int OUTLIER_CANDIDATES = 20;

  final String service;
  final String method;
  final String route;
  final Histogram latencyMicros = new Histogram(2);
  final CountEstimate estimate = new CountEstimate();
  long requests;
  double weighted;
  double weightedErrors;
  long maxNs;
  double sumDurNs;
  double sumDbNs;
  double sumQueries;
  long maxQueries;
  double sumBytesIn;
  double weightBytesIn;
  double sumBytesOut;
  double weightBytesOut;

  /** Min-heap on duration: the head is the fastest of the slowest, replaced first. */
  final PriorityQueue<ReportData.RequestRow> slowest =
      new PriorityQueue<>(OUTLIER_CANDIDATES + 1, (a, b) -> Long.compare(a.durNs, b.durNs));

  RouteStats(String service, String method, String route) {
    this.service = service;
    this.method = method;
    this.route = route;
  }

  void add(Request r) {
    double w = r.weight;
    requests++;
    weighted += w;
    if (r.error) {
      weightedErrors += w;
    }
    estimate.add(w, r.error);
    latencyMicros.recordValueWithCount(Math.max(0, r.durNs / 1000), count(w));
    maxNs = Math.max(maxNs, r.durNs);
    sumDurNs += w * r.durNs;
    sumDbNs += w * r.dbNs();
    long q = r.queries();
    sumQueries += w * q;
    maxQueries = Math.max(maxQueries, q);
    if (r.bytesIn >= 0) {
      sumBytesIn += w * r.bytesIn;
      weightBytesIn += w;
    }
    if (r.bytesOut >= 0) {
      sumBytesOut += w * r.bytesOut;
      weightBytesOut += w;
    }
    if (slowest.size() < OUTLIER_CANDIDATES || r.durNs > slowest.peek().durNs) {
      // A small row, not the Request: its statements and traceback need not stay alive.
      slowest.add(Rows.request(r, new ReportData.OutlierRow()));
      if (slowest.size() > OUTLIER_CANDIDATES) {
        slowest.poll();
      }
    }
  }

  /** The histogram count a request of weight {@code w} stands for (at least 1). */
  static long count(double w) {
    return Math.max(1, Math.round(w));
  }

  long percentileNs(double p) {
    if (latencyMicros.getTotalCount() == 0) {
      return 0;
    }
    if (p >= 100) {
      return maxNs;
    }
    // highestEquivalentValue: report the bucket's upper bound, never under-state latency.
    long us = latencyMicros.highestEquivalentValue(latencyMicros.getValueAtPercentile(p));
    return Math.min(us * 1000, maxNs);
  }
}
