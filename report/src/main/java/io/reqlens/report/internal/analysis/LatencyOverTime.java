package io.reqlens.report.internal.analysis;

import java.util.function.Consumer;

/**
 * Latency percentiles per time bucket, for a route's "over time" chart: each bucket is a {@link
 * RouteStats}, so its percentiles are computed and re-weighted exactly like the route table's.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class LatencyOverTime implements Consumer<Request> {

  private final long fromNs;
  private final long widthNs;
  private final RouteStats[] buckets;

  /** {@code n} equal buckets covering [{@code fromNs}, {@code toNs}). */
  public LatencyOverTime(long fromNs, long toNs, int n) {
    this.fromNs = fromNs;
    this.widthNs = Math.max(1, (toNs - fromNs + n - 1) / n);
    this.buckets = new RouteStats[n];
  }

  @Override
  public void accept(Request r) {
    long i = Math.floorDiv(r.tsNs - fromNs, widthNs);
    if (i < 0 || i >= buckets.length) {
      return;
    }
    if (buckets[(int) i] == null) {
      buckets[(int) i] = new RouteStats(r.service, r.method, r.route);
    }
    buckets[(int) i].add(r);
  }

  /** One row per bucket: start, estimated requests, p50, p95, p99 (0 when empty). */
  public Row[] rows() {
    Row[] out = new Row[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      Row row = new Row();
      row.startNs = fromNs + i * widthNs;
      RouteStats s = buckets[i];
      if (s != null) {
        row.requests = s.requests;
        row.estimatedRequests = s.weighted;
        row.p50Ns = s.percentileNs(50);
        row.p95Ns = s.percentileNs(95);
        row.p99Ns = s.percentileNs(99);
        row.errorPct = 100 * s.weightedErrors / s.weighted;
      }
      out[i] = row;
    }
    return out;
  }

  public long widthNs() {
    return widthNs;
  }

  /** One time bucket. */
  public static final class Row {
    public long startNs;
    public long requests;
    public double estimatedRequests;
    public long p50Ns;
    public long p95Ns;
    public long p99Ns;
    public double errorPct;
  }
}
