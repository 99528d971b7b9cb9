package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * N+1 suspects: a statement run at least {@code threshold} times within one request. Grouped by
 * route and statement, at most {@link #MAX_SUSPECTS} groups.
 */
final class NPlusOne {

  static final int MAX_SUSPECTS = 1_000;

  private static final class Suspect {
    final String method;
    final String route;
    final String statement;
    long requests;
    long maxRepeats;
    long sumRepeats;
    String exampleTraceId;
    String caller;

    Suspect(String method, String route, String statement) {
      this.method = method;
      this.route = route;
      this.statement = statement;
    }
  }

  private final int threshold;
  private final Map<String, Suspect> suspects = new HashMap<>();

  NPlusOne(int threshold) {
    this.threshold = threshold;
  }

  void add(Request r) {
    for (Request.Calls c : r.statements()) {
      if (c.count < threshold) {
        continue;
      }
      String key = RouteTable.key(c.key, r.method, r.route);
      Suspect s = suspects.get(key);
      if (s == null) {
        if (suspects.size() >= MAX_SUSPECTS) {
          continue;
        }
        s = new Suspect(r.method, r.route, c.key);
        suspects.put(key, s);
      }
      s.requests++;
      if (s.caller == null) {
        s.caller = c.caller;
      }
      s.sumRepeats += c.count;
      if (c.count > s.maxRepeats) {
        s.maxRepeats = c.count;
        s.exampleTraceId = r.traceId;
      }
    }
  }

  /** Most flagged requests first, then most repeats. */
  List<ReportData.NPlusOneRow> top(int limit) {
    List<ReportData.NPlusOneRow> rows = new ArrayList<>();
    for (Suspect s : suspects.values()) {
      ReportData.NPlusOneRow row = new ReportData.NPlusOneRow();
      row.method = s.method;
      row.route = s.route;
      row.statement = s.statement;
      row.requests = s.requests;
      row.maxRepeats = s.maxRepeats;
      row.meanRepeats = (double) s.sumRepeats / s.requests;
      row.exampleTraceId = s.exampleTraceId;
      row.caller = s.caller;
      rows.add(row);
    }
    rows.sort(
        (a, b) ->
            a.requests != b.requests
                ? Long.compare(b.requests, a.requests)
                : a.maxRepeats != b.maxRepeats
                    ? Long.compare(b.maxRepeats, a.maxRepeats)
                    : (a.route + a.statement).compareTo(b.route + b.statement));
    return rows.size() > limit ? new ArrayList<>(rows.subList(0, limit)) : rows;
  }
}
