package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements over all requests, for at most {@link #MAX_STATEMENTS} distinct texts (the rest share
 * "(other statements)"). Each statement remembers the time per route for its top {@link
 * #ROUTES_PER_STATEMENT} routes.
 */
final class QueryTable {

  static final int MAX_STATEMENTS = 2_000;

  static final int ROUTES_PER_STATEMENT = 16;

  static final String OTHER = "(other statements)";

  private static final class Stats {
    final String system;
    final String statement;
    long calls;
    long totalNs;
    long maxNs;
    long errors;
    long requests;
    final Map<String, long[]> nsByRoute = new HashMap<>();

    Stats(String system, String statement) {
      this.system = system;
      this.statement = statement;
    }
  }

  private final Map<String, Stats> byText = new HashMap<>();
  private long overflowCalls;

  void add(Request r) {
    String route = (r.method == null ? "?" : r.method) + " " + r.route;
    for (Request.Calls c : r.statements()) {
      Stats s = byText.get(c.key);
      if (s == null) {
        boolean full = byText.size() >= MAX_STATEMENTS;
        String key = full ? OTHER : c.key;
        s = byText.computeIfAbsent(key, k -> new Stats(full ? null : c.system, k));
        if (full) {
          overflowCalls += c.count;
        }
      }
      s.calls += c.count;
      s.totalNs += c.durNs;
      s.maxNs = Math.max(s.maxNs, c.maxNs);
      s.errors += c.errors;
      s.requests++;
      long[] ns = s.nsByRoute.get(route);
      if (ns == null && s.nsByRoute.size() < ROUTES_PER_STATEMENT) {
        ns = new long[1];
        s.nsByRoute.put(route, ns);
      }
      if (ns != null) {
        ns[0] += c.durNs;
      }
    }
  }

  long overflowCalls() {
    return overflowCalls;
  }

  List<ReportData.QueryRow> top(int limit, Comparator<ReportData.QueryRow> order) {
    List<ReportData.QueryRow> rows = new ArrayList<>();
    for (Stats s : byText.values()) {
      ReportData.QueryRow row = new ReportData.QueryRow();
      row.system = s.system;
      row.statement = s.statement;
      row.calls = s.calls;
      row.totalNs = s.totalNs;
      row.maxNs = s.maxNs;
      row.errors = s.errors;
      row.requests = s.requests;
      row.topRoute = topRoute(s.nsByRoute);
      rows.add(row);
    }
    rows.sort(order.thenComparing(r -> r.statement));
    return rows.size() > limit ? new ArrayList<>(rows.subList(0, limit)) : rows;
  }

  private static String topRoute(Map<String, long[]> nsByRoute) {
    String best = null;
    long bestNs = -1;
    for (Map.Entry<String, long[]> e : nsByRoute.entrySet()) {
      long ns = e.getValue()[0];
      if (ns > bestNs || (ns == bestNs && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestNs = ns;
      }
    }
    return best;
  }
}
