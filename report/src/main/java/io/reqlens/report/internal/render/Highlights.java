package io.reqlens.report.internal.render;

import io.reqlens.report.internal.analysis.ReportData;

/**
 * The answers a newcomer looks for first: the slowest route at p95 and the code its time went into,
 * the most expensive query, the worst N+1 suspect (with the line that issued it), the latest error
 * and the route with the highest error rate. Each may be null.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class Highlights {

  /** Routes with fewer requests are not called "slowest" unless no route has this many. */
  static final int MIN_REQUESTS = 5;

  public ReportData.RouteRow slowestRoute;

  /** The slowest route's code (its stack samples), or null when it has none. */
  public ReportData.HotCodeRow slowestRouteCode;

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
    if (h.slowestRoute != null) {
      for (ReportData.HotCodeRow c : d.allHotCode) {
        if (same(c.service, h.slowestRoute.service)
            && same(c.method, h.slowestRoute.method)
            && same(c.route, h.slowestRoute.route)
            && !c.self.isEmpty()) {
          h.slowestRouteCode = c;
        }
      }
    }
    h.costliestQuery = d.queriesByTime.isEmpty() ? null : d.queriesByTime.get(0);
    h.nPlusOne = d.nPlusOne.isEmpty() ? null : d.nPlusOne.get(0);
    h.latestError = d.recentErrors.isEmpty() ? null : d.recentErrors.get(0);
    return h;
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
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
