package io.reqlens.report.internal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts per name for at most {@code cap} names; later names count under "(other)". */
final class CountTable {

  private final int cap;
  private final Map<String, long[]> counts = new HashMap<>();

  CountTable(int cap) {
    this.cap = cap;
  }

  void add(String name) {
    String key = name == null ? "(unknown)" : name;
    long[] c = counts.get(key);
    if (c == null) {
      key = counts.size() < cap ? key : "(other)";
      c = counts.computeIfAbsent(key, k -> new long[1]);
    }
    c[0]++;
  }

  /** Most frequent first, ties by name; at most {@code limit}. */
  List<ReportData.CountRow> top(int limit) {
    List<ReportData.CountRow> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      ReportData.CountRow r = new ReportData.CountRow();
      r.name = e.getKey();
      r.count = e.getValue()[0];
      rows.add(r);
    }
    rows.sort(
        (a, b) -> a.count != b.count ? Long.compare(b.count, a.count) : a.name.compareTo(b.name));
    return rows.size() > limit ? new ArrayList<>(rows.subList(0, limit)) : rows;
  }
}
