package io.reqlens.report.internal.analysis;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * Requests per time bucket. Buckets start at one minute; when there would be more than {@link
 * #MAX_BUCKETS} of them the width doubles and neighbours merge, so weeks of data stay a few
 * thousand buckets.
 */
final class Timeline {

  static final int MAX_BUCKETS = 2_000;

  private static final long MINUTE_NS = 60_000_000_000L;

  private long widthNs = MINUTE_NS;
  private TreeMap<Long, double[]> buckets = new TreeMap<>();

  void add(long tsNs, double weight, boolean error) {
    long start = Math.floorDiv(tsNs, widthNs) * widthNs;
    double[] b = buckets.get(start);
    if (b == null) {
      b = new double[2];
      buckets.put(start, b);
      if (buckets.size() > MAX_BUCKETS) {
        widen();
        add(tsNs, weight, error);
        return;
      }
    }
    b[0] += weight;
    if (error) {
      b[1] += weight;
    }
  }

  private void widen() {
    widthNs *= 2;
    TreeMap<Long, double[]> merged = new TreeMap<>();
    for (java.util.Map.Entry<Long, double[]> e : buckets.entrySet()) {
      long start = Math.floorDiv(e.getKey(), widthNs) * widthNs;
      double[] m = merged.computeIfAbsent(start, k -> new double[2]);
      m[0] += e.getValue()[0];
      m[1] += e.getValue()[1];
    }
    buckets = merged;
  }

  /** Every bucket from the first to the last, empty ones included, as rates per minute. */
  ReportData.Timeline result() {
    ReportData.Timeline t = new ReportData.Timeline();
    t.bucketSeconds = widthNs / 1_000_000_000L;
    if (buckets.isEmpty()) {
      t.startNs = new long[0];
      t.requestsPerMinute = new double[0];
      t.errorsPerMinute = new double[0];
      return t;
    }
    long first = buckets.firstKey();
    int n = (int) ((buckets.lastKey() - first) / widthNs) + 1;
    t.startNs = new long[n];
    t.requestsPerMinute = new double[n];
    t.errorsPerMinute = new double[n];
    double minutes = (double) widthNs / MINUTE_NS;
    for (int i = 0; i < n; i++) {
      t.startNs[i] = first + i * widthNs;
    }
    Arrays.fill(t.requestsPerMinute, 0);
    for (java.util.Map.Entry<Long, double[]> e : buckets.entrySet()) {
      int i = (int) ((e.getKey() - first) / widthNs);
      t.requestsPerMinute[i] = e.getValue()[0] / minutes;
      t.errorsPerMinute[i] = e.getValue()[1] / minutes;
    }
    return t;
  }
}
