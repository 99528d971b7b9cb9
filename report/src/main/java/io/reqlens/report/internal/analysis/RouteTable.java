package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-route figures for at most {@link #MAX_ROUTES} routes; later routes share one "(other routes)"
 * row, and the report says so.
 */
final class RouteTable {

  static final int MAX_ROUTES = 300;

  static final String OTHER = "(other routes)";

  private final Map<String, RouteStats> byKey = new HashMap<>();
  private RouteStats other;
  private long overflowRequests;

  /** The stats of {@code r}'s route, created on first sight. */
  RouteStats add(Request r) {
    String key = key(r.service, r.method, r.route);
    RouteStats s = byKey.get(key);
    if (s == null) {
      if (byKey.size() < MAX_ROUTES) {
        s = new RouteStats(r.service, r.method, r.route);
        byKey.put(key, s);
      } else {
        if (other == null) {
          other = new RouteStats(null, "*", OTHER);
        }
        s = other;
        overflowRequests++;
      }
    }
    s.add(r);
    return s;
  }

  Collection<RouteStats> all() {
    List<RouteStats> all = new ArrayList<>(byKey.values());
    if (other != null) {
      all.add(other);
    }
    return all;
  }

  /** Requests that fell into "(other routes)" because of the cap. */
  long overflowRequests() {
    return overflowRequests;
  }

  static String key(String service, String method, String route) {
    return service + '\u0000' + method + '\u0000' + route;
  }
}
