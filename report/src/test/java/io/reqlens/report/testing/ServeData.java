package io.reqlens.report.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Data for the dashboard's tests: the report fixture's traffic ({@link EventGenerator}), plus one
 * known request written in full, as the exporters write it: its events (six N+1 queries, one more
 * query, an exception, a profile) and its local trace as one OTLP/JSON span line.
 */
public final class ServeData {

  /** The known request's trace id. */
  public static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  public static final String SERVER_SPAN = "00f067aa0ba902b7";

  public static final String ROUTE = "/api/checkout/{id}";

  public static final String N_PLUS_ONE = "SELECT price FROM items WHERE sku = ?";

  public static final String OTHER_QUERY = "UPDATE carts SET state = ? WHERE id = ?";

  public static final String EXCEPTION = "java.lang.IllegalStateException";

  public static final String MESSAGE = "stock ran out for sku 42";

  public static final String HOT_FRAME = "com.acme.Checkout.price";

  /** When the known request started: two hours into the fixture. */
  public static final long TS = Fixtures.START_NS + 7_200_000_000_000L;

  public static final String EVENTS = "events-20261120T090000.000Z-4242-a1b2-1.jsonl";
  public static final String ACTIVE_EVENTS = "events-4242-c3d4.jsonl.active";
  public static final String SPANS = "spans-4242-c3d4.jsonl.active";

  private ServeData() {}

  /** Writes the fixture traffic and the known request into {@code dir}. */
  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    EventGenerator g = new EventGenerator(42);
    long ts;
    try (Writer w = Files.newBufferedWriter(dir.resolve(EVENTS), StandardCharsets.UTF_8)) {
      ts = g.write(w, 200, Fixtures.START_NS, 30_000_000_000L, Fixtures.SWITCH_NS);
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve(ACTIVE_EVENTS), StandardCharsets.UTF_8)) {
      g.write(w, 40, ts, 30_000_000_000L, Fixtures.SWITCH_NS);
      w.write(knownEvents());
    }
    Files.write(dir.resolve(SPANS), knownSpans().getBytes(StandardCharsets.UTF_8));
  }

  /** Appends {@code n} requests of route {@code route} at {@code ts} to the active event file. */
  public static void append(Path dir, String route, int n, long ts) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String trace = String.format(Locale.ROOT, "%032x", 0xabc000L + i);
      b.append(
          String.format(
              Locale.ROOT,
              "{\"kind\":\"REQ\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"%016x\","
                  + "\"service\":\"reqlens-example\",\"service_version\":\"1.1.0\","
                  + "\"sample_rate\":1.0,\"method\":\"GET\",\"route\":\"%s\",\"path\":\"%s\","
                  + "\"status\":200,\"dur_ns\":%d,\"bytes_in\":null,\"bytes_out\":10,"
                  + "\"error\":false,\"db_count\":0,\"db_dur_ns\":0}\n",
              ts + i * 1_000_000L,
              trace,
              0xfeed0000L + i,
              route,
              route,
              3_000_000L + i * 100_000L));
    }
    Files.write(
        dir.resolve(ACTIVE_EVENTS),
        b.toString().getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);
  }

  private static String head(String kind, long ts, String span) {
    return String.format(
        Locale.ROOT,
        "{\"kind\":\"%s\",\"v\":1,\"ts_ns\":%d,\"trace_id\":\"%s\",\"span_id\":\"%s\","
            + "\"service\":\"shop\",\"service_version\":\"2.0.0\",\"sample_rate\":1.0",
        kind,
        ts,
        TRACE,
        span);
  }

  static String knownEvents() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      b.append(head("DB", TS + (2 + 3 * i) * 1_000_000L, dbSpan(i)))
          .append(",\"parent_span_id\":\"" + SERVER_SPAN + "\",\"db_system\":\"h2\",")
          .append("\"operation\":\"SELECT\",\"collection\":\"items\",\"query\":\"")
          .append(N_PLUS_ONE)
          .append("\",\"dur_ns\":2500000,\"rows\":1,\"error\":false,")
          .append("\"caller\":\"com.acme.Checkout.price(Checkout.java:57)\"}\n");
    }
    b.append(head("DB", TS + 25_000_000L, dbSpan(6)))
        .append(",\"parent_span_id\":\"" + SERVER_SPAN + "\",\"db_system\":\"h2\",")
        .append("\"operation\":\"UPDATE\",\"collection\":\"carts\",\"query\":\"")
        .append(OTHER_QUERY)
        .append("\",\"dur_ns\":4000000,\"rows\":1,\"error\":false,\"caller\":null}\n");
    b.append(head("PROF", TS, SERVER_SPAN))
        .append(",\"route\":\"" + ROUTE + "\",\"interval_ns\":10000000,\"samples\":9,\"stacks\":[")
        .append("\"java.lang.Thread.run;com.acme.Api.checkout;" + HOT_FRAME + " 6\",")
        .append("\"java.lang.Thread.run;com.acme.Api.checkout;com.acme.Checkout.save 2\",")
        .append("\"java.lang.Thread.run;com.acme.Api.checkout;java.lang.Object.wait;[WAITING] 1\"")
        .append("]}\n");
    b.append(head("REQ", TS, SERVER_SPAN))
        .append(",\"method\":\"POST\",\"route\":\"" + ROUTE + "\",\"path\":\"/api/checkout/42\",")
        .append("\"status\":500,\"dur_ns\":42000000,\"bytes_in\":512,\"bytes_out\":87,")
        .append("\"error\":true,\"db_count\":7,\"db_dur_ns\":19000000}\n");
    b.append(head("REQ_META", TS + 41_000_000L, SERVER_SPAN))
        .append(",\"route\":\"" + ROUTE + "\",\"exception_type\":\"" + EXCEPTION + "\",")
        .append("\"exception_value\":\"" + MESSAGE + "\",\"traceback\":\"")
        .append(EXCEPTION + ": " + MESSAGE)
        .append("\\n\\tat com.acme.Checkout.reserve(Checkout.java:88)")
        .append("\\n\\tat com.acme.Api.checkout(Api.java:31)\\n\"}\n");
    return b.toString();
  }

  static String dbSpan(int i) {
    return String.format(Locale.ROOT, "00f067aa0ba9%04x", 0x10 + i);
  }

  private static String span(
      String id,
      String parent,
      String name,
      int kind,
      long start,
      long end,
      String attributes,
      String events,
      int status) {
    return "{\"traceId\":\""
        + TRACE
        + "\",\"spanId\":\""
        + id
        + "\""
        + (parent == null ? "" : ",\"parentSpanId\":\"" + parent + "\"")
        + ",\"name\":\""
        + name
        + "\",\"kind\":"
        + kind
        + ",\"startTimeUnixNano\":\""
        + start
        + "\",\"endTimeUnixNano\":\""
        + end
        + "\""
        + ",\"attributes\":["
        + attributes
        + "]"
        + (events == null ? "" : ",\"events\":[" + events + "]")
        + ",\"status\":{"
        + (status == 0 ? "" : "\"code\":" + status)
        + "}}";
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  static String knownSpans() {
    StringBuilder spans = new StringBuilder();
    spans.append(
        span(
            SERVER_SPAN,
            null,
            "POST " + ROUTE,
            2,
            TS,
            TS + 42_000_000L,
            attr("http.request.method", "POST")
                + ","
                + attr("http.route", ROUTE)
                + ","
                + attr("url.path", "/api/checkout/42")
                + ","
                + attr("http.request.header.cookie", "session=SECRET"),
            "{\"timeUnixNano\":\""
                + (TS + 41_000_000L)
                + "\",\"name\":\"exception\",\"attributes\":["
                + attr("exception.type", EXCEPTION)
                + ","
                + attr("exception.message", MESSAGE)
                + ","
                + attr("exception.stacktrace", EXCEPTION + ": " + MESSAGE + "\\n\\tat x")
                + "]}",
            2));
    for (int i = 0; i < 7; i++) {
      long start = TS + (i < 6 ? (2 + 3 * i) : 25) * 1_000_000L;
      // The span carries a literal: the page must sanitize it again.
      String sql = i < 6 ? N_PLUS_ONE.replace("?", "'sku-" + i + "'") : OTHER_QUERY;
      spans
          .append(',')
          .append(
              span(
                  dbSpan(i),
                  SERVER_SPAN,
                  i < 6 ? "SELECT items" : "UPDATE carts",
                  3,
                  start,
                  start + (i < 6 ? 2_500_000L : 4_000_000L),
                  attr("db.system.name", "h2") + "," + attr("db.query.text", sql),
                  null,
                  0));
    }
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":["
        + attr("service.name", "shop")
        + "]},\"scopeSpans\":[{\"scope\":{\"name\":\"test\"},\"spans\":["
        + spans
        + "]}]}]}\n";
  }
}
