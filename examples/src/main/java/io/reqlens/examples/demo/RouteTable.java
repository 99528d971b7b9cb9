package io.reqlens.examples.demo;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.examples.demo.Traffic.Sent;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's per-route table: for each endpoint, how many requests were sent, how many local traces
 * arrived over OTLP and why they were kept ({@code reqlens.kept_by}), how many were excluded, and
 * the database spans per kept trace (the N+1 shows there).
 */
final class RouteTable {

  /** One row. {@code dbSpans} counts database spans in the kept traces. */
  static final class Row {
    final String label;
    int sent;
    int kept;
    int byRatio;
    int byRule;
    int byParent;
    int byError;
    int bySlow;
    int excluded;
    int dbSpans;

    Row(String label) {
      this.label = label;
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  private RouteTable() {}

  /**
   * Builds the table from what was sent and what arrived. A request counts as excluded when its
   * path matches the exclusion list and nothing of its trace arrived.
   */
  static RouteTable of(List<Sent> sent, List<ReceivedSpan> spans, RouteList excluded) {
    Map<String, ReceivedSpan> servers = new HashMap<>();
    Map<String, Integer> dbSpans = new HashMap<>();
    for (ReceivedSpan s : spans) {
      if (s.kind() == SpanKind.SPAN_KIND_SERVER) {
        servers.put(s.traceId(), s);
      } else if (s.kind() == SpanKind.SPAN_KIND_CLIENT) {
        dbSpans.merge(s.traceId(), 1, Integer::sum);
      }
    }
    RouteTable table = new RouteTable();
    for (Traffic.Endpoint e : Traffic.ENDPOINTS) {
      table.rows.computeIfAbsent(e.label(), Row::new);
    }
    for (Sent request : sent) {
      Row row = table.rows.get(request.endpoint().label());
      row.sent++;
      ReceivedSpan server = servers.get(request.traceId());
      if (server == null) {
        if (excluded.matches(request.path()) && !dbSpans.containsKey(request.traceId())) {
          row.excluded++;
        }
        continue;
      }
      row.kept++;
      row.dbSpans += dbSpans.getOrDefault(request.traceId(), 0);
      String keptBy = String.valueOf(server.attribute("reqlens.kept_by"));
      switch (keptBy) {
        case "ratio" -> row.byRatio++;
        case "rule" -> row.byRule++;
        case "parent" -> row.byParent++;
        case "error" -> row.byError++;
        case "slow" -> row.bySlow++;
        default -> {} // not stamped: counted as kept only
      }
    }
    return table;
  }

  /** The rows, in the order of {@link Traffic#ENDPOINTS}. */
  List<Row> rows() {
    return List.copyOf(rows.values());
  }

  void print(PrintStream out) {
    String format = "%-22s %6s %6s %6s %6s %7s %6s %6s %9s %9s%n";
    out.printf(
        format,
        "route",
        "sent",
        "kept",
        "ratio",
        "rule",
        "parent",
        "error",
        "slow",
        "excluded",
        "db/trace");
    Row total = new Row("total");
    for (Row r : rows.values()) {
      printRow(out, format, r);
      total.sent += r.sent;
      total.kept += r.kept;
      total.byRatio += r.byRatio;
      total.byRule += r.byRule;
      total.byParent += r.byParent;
      total.byError += r.byError;
      total.bySlow += r.bySlow;
      total.excluded += r.excluded;
      total.dbSpans += r.dbSpans;
    }
    printRow(out, format, total);
  }

  private static void printRow(PrintStream out, String format, Row r) {
    String db = r.kept == 0 ? "-" : String.format("%.1f", (double) r.dbSpans / r.kept);
    out.printf(
        format,
        r.label,
        r.sent,
        r.kept,
        r.byRatio,
        r.byRule,
        r.byParent,
        r.byError,
        r.bySlow,
        r.excluded,
        db);
  }
}
