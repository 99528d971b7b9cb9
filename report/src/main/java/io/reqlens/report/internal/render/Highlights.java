package io.reqlens.report.internal.render;

import io.reqlens.report.internal.analysis.ReportData;

/**
 * The answers a newcomer looks for first: the slowest route at p95, the most expensive query, the
 * worst N+1 suspect, the latest error and the route with the highest error rate. Each may be null.
 */
public final class Highlights {

  /** Routes with fewer requests are not called "slowest" unless no route has this many. */
  static final int MIN_REQUESTS = 5;

  public ReportData.RouteRow slowestRoute;
  public ReportData.QueryRow costliestQuery;
  public ReportData.NPlusOneRow nPlusOne;
  public ReportData.ErrorRow latestError;
  public ReportData.RouteRow mostErrors;

  public static Highlights of(ReportData d) {
    Highlights h = new Highlights();
    for (ReportData.RouteRow r : d.allRoutes) {
      if (better(r, h.slowestRoute)) {
        h.slowestRoute = r;
      }
      if (r.errorPct > 0 && (h.mostErrors == null || r.errorPct > h.mostErrors.errorPct)) {
        h.mostErrors = r;
      }
    }
    h.costliestQuery = d.queriesByTime.isEmpty() ? null : d.queriesByTime.get(0);
    h.nPlusOne = d.nPlusOne.isEmpty() ? null : d.nPlusOne.get(0);
    h.latestError = d.recentErrors.isEmpty() ? null : d.recentErrors.get(0);
    return h;
  }

  private static boolean better(ReportData.RouteRow r, ReportData.RouteRow best) {
    if (best == null) {
      return true;
    }
    boolean enough = r.requests >= MIN_REQUESTS;
    boolean bestEnough = best.requests >= MIN_REQUESTS;
    if (enough != bestEnough) {
      return enough;
    }
    return r.p95Ns > best.p95Ns;
  }
}
