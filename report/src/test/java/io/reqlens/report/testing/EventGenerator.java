package io.reqlens.report.testing;

import io.reqlens.core.event.EventField;
import io.reqlens.core.event.EventKind;
import io.reqlens.core.event.EventSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes realistic request-profile events in the {@code req} exporter's format (children first,
 * {@code REQ} last, exceptions of the server span after it), for the routes of the example service:
 * a plain list, a lookup by id, a create, an N+1 list of orders, a slow endpoint, an endpoint that
 * always fails and a health check. Deterministic for a seed.
 */
public final class EventGenerator {

  /** The example service's routes, as in the report fixture. */
  public static final String[] ROUTES = {
    "GET /api/users",
    "GET /api/users/{id}",
    "POST /api/users",
    "GET /api/orders",
    "GET /api/slow",
    "GET /api/error",
    "GET /healthz"
  };

  private static final String USERS_LIST = "SELECT id, name, email FROM users ORDER BY id LIMIT ?";
  private static final String USER_BY_ID = "SELECT id, name, email FROM users WHERE id = ?";
  private static final String USER_INSERT = "INSERT INTO users (name, email) VALUES (?, ?)";
  private static final String ORDERS = "SELECT id, user_id, total FROM orders ORDER BY id LIMIT ?";
  private static final String ORDER_ITEMS = "SELECT sku, qty FROM order_items WHERE order_id = ?";
  private static final String REPORT =
      "SELECT u.id, SUM(o.total) FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id";

  private final SplittableRandom random;
  private final StringBuilder line = new StringBuilder(512);
  private long spanCounter;

  public EventGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Writes {@code requests} requests starting at {@code startNs}, {@code gapNs} apart on average;
   * returns the timestamp after the last one. Version "1.0.0" before {@code versionSwitchNs},
   * "1.1.0" after (where the lookup by id got slower).
   */
  public long write(Writer out, int requests, long startNs, long gapNs, long versionSwitchNs)
      throws IOException {
    long ts = startNs;
    for (int i = 0; i < requests; i++) {
      ts += 1 + random.nextLong(2 * gapNs);
      request(out, ts, ts >= versionSwitchNs ? "1.1.0" : "1.0.0");
    }
    return ts;
  }

  private void request(Writer out, long ts, String version) throws IOException {
    int pick = random.nextInt(100);
    String traceId = hex(random.nextLong()) + hex(random.nextLong());
    String span = span();
    boolean newer = version.equals("1.1.0");
    if (pick < 40) {
      long db = ms(2, 8);
      db(out, ts, traceId, span, USERS_LIST, "SELECT", "users", db, 20, 0.5, version);
      // Now and then a request waits on a lock: the outliers.
      long stall = random.nextInt(100) < 4 ? ms(150, 300) : 0;
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/api/users",
          "/api/users",
          200,
          db + ms(3, 20) + stall,
          0,
          2048,
          false,
          1,
          db,
          0.5,
          version);
    } else if (pick < 60) {
      long db = ms(1, 4);
      db(out, ts, traceId, span, USER_BY_ID, "SELECT", "users", db, 1, 1.0, version);
      long extra = newer ? ms(8, 20) : ms(1, 6);
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/api/users/{id}",
          "/api/users/" + random.nextInt(500),
          200,
          db + extra,
          0,
          180,
          false,
          1,
          db,
          1.0,
          version);
    } else if (pick < 68) {
      long db = ms(3, 10);
      db(out, ts, traceId, span, USER_INSERT, "INSERT", "users", db, 1, 1.0, version);
      req(
          out,
          ts,
          traceId,
          span,
          "POST",
          "/api/users",
          "/api/users",
          201,
          db + ms(4, 15),
          96,
          120,
          false,
          1,
          db,
          1.0,
          version);
    } else if (pick < 82) {
      long total = ms(1, 3);
      db(out, ts, traceId, span, ORDERS, "SELECT", "orders", total, 20, 1.0, version);
      int items = 8 + random.nextInt(18);
      for (int i = 0; i < items; i++) {
        long d = ms(1, 3);
        total += d;
        db(out, ts, traceId, span, ORDER_ITEMS, "SELECT", "order_items", d, 3, 1.0, version);
      }
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/api/orders",
          "/api/orders",
          200,
          total + ms(5, 15),
          0,
          4096,
          false,
          items + 1,
          total,
          1.0,
          version);
    } else if (pick < 87) {
      long db = ms(600, 1300);
      fn(out, ts, traceId, span, "io.reqlens.examples.ReportService.build", db + ms(1, 5), version);
      db(out, ts, traceId, span, REPORT, "SELECT", "users", db, 500, 1.0, version);
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/api/slow",
          "/api/slow",
          200,
          db + ms(50, 300),
          0,
          512,
          false,
          1,
          db,
          1.0,
          version);
    } else if (pick < 92) {
      long d = ms(1, 5);
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/api/error",
          "/api/error",
          500,
          d,
          0,
          64,
          true,
          0,
          0,
          1.0,
          version);
      meta(out, ts + 1000, traceId, span, "/api/error", version);
    } else {
      req(
          out,
          ts,
          traceId,
          span,
          "GET",
          "/healthz",
          "/healthz",
          200,
          50_000 + random.nextInt(400_000),
          0,
          2,
          false,
          0,
          0,
          0.1,
          version);
    }
  }

  private void req(
      Writer out,
      long ts,
      String trace,
      String span,
      String method,
      String route,
      String path,
      int status,
      long dur,
      long in,
      long outBytes,
      boolean error,
      long dbCount,
      long dbDur,
      double rate,
      String version)
      throws IOException {
    head(EventKind.REQ, ts, trace, span, rate, version);
    text(EventField.METHOD, method);
    text(EventField.ROUTE, route);
    text(EventField.PATH, path);
    raw(EventField.STATUS, status);
    raw(EventField.DUR_NS, dur);
    raw(EventField.BYTES_IN, in == 0 ? "null" : in);
    raw(EventField.BYTES_OUT, outBytes);
    raw(EventField.ERROR, error);
    raw(EventField.DB_COUNT, dbCount);
    raw(EventField.DB_DUR_NS, dbDur);
    end(out);
  }

  private void db(
      Writer out,
      long ts,
      String trace,
      String parent,
      String query,
      String op,
      String table,
      long dur,
      int rows,
      double rate,
      String version)
      throws IOException {
    head(EventKind.DB, ts + random.nextInt(1_000_000), trace, span(), rate, version);
    text(EventField.PARENT_SPAN_ID, parent);
    text(EventField.DB_SYSTEM, "h2");
    text(EventField.OPERATION, op);
    text(EventField.COLLECTION, table);
    text(EventField.QUERY, query);
    raw(EventField.DUR_NS, dur);
    raw(EventField.ROWS, rows);
    raw(EventField.ERROR, false);
    raw(EventField.CALLER, null);
    end(out);
  }

  private void fn(
      Writer out, long ts, String trace, String parent, String fn, long dur, String version)
      throws IOException {
    head(EventKind.FN, ts, trace, span(), 1.0, version);
    text(EventField.PARENT_SPAN_ID, parent);
    text(EventField.FN, fn);
    raw(EventField.DUR_NS, dur);
    raw(EventField.ERROR, false);
    end(out);
  }

  private void meta(Writer out, long ts, String trace, String span, String route, String version)
      throws IOException {
    head(EventKind.REQ_META, ts, trace, span, 1.0, version);
    int order = random.nextInt(1000);
    text(EventField.ROUTE, route);
    text(EventField.EXCEPTION_TYPE, "java.lang.IllegalStateException");
    text(EventField.EXCEPTION_VALUE, "simulated failure for order " + order);
    text(
        EventField.TRACEBACK,
        "java.lang.IllegalStateException: simulated failure for order "
            + order
            + "\\n\\tat io.reqlens.examples.ErrorHandler.handle(ErrorHandler.java:27)"
            + "\\n\\tat io.javalin.http.servlet.DefaultTasks.HTTP$lambda$0(DefaultTasks.kt:65)"
            + "\\n\\tat"
            + " io.javalin.http.servlet.JavalinServletContext.handleSync(JavalinServletContext.kt:99)"
            + "\\n\\tat io.javalin.http.servlet.JavalinServlet.handle(JavalinServlet.kt:52)"
            + "\\n\\tat jakarta.servlet.http.HttpServlet.service(HttpServlet.java:587)"
            + "\\n\\tat org.eclipse.jetty.ee10.servlet.ServletHolder.handle(ServletHolder.java:736)");
    end(out);
  }

  /** The header in schema order; the key names come from the schema, as the exporter's do. */
  private void head(
      EventKind kind, long ts, String trace, String span, double rate, String version) {
    line.setLength(0);
    line.append('{');
    text(EventField.KIND, kind.name());
    raw(EventField.V, EventSchema.VERSION);
    raw(EventField.TS_NS, ts);
    text(EventField.TRACE_ID, trace);
    text(EventField.SPAN_ID, span);
    text(EventField.SERVICE, "reqlens-example");
    text(EventField.SERVICE_VERSION, version);
    raw(EventField.SAMPLE_RATE, rate);
  }

  /** A string value, already JSON-escaped by the caller. */
  private void text(EventField field, String value) {
    key(field);
    line.append('"').append(value).append('"');
  }

  private void raw(EventField field, Object value) {
    key(field);
    line.append(value);
  }

  private void key(EventField field) {
    if (line.length() > 1) {
      line.append(',');
    }
    line.append('"').append(field.key()).append("\":");
  }

  private void end(Writer out) throws IOException {
    line.append("}\n");
    out.append(line);
  }

  private String span() {
    return hex(0x5eed_0000_0000_0000L + (++spanCounter));
  }

  private long ms(int from, int to) {
    return (from + random.nextInt(to - from + 1)) * 1_000_000L + random.nextInt(1_000_000);
  }

  private static String hex(long v) {
    return String.format(Locale.ROOT, "%016x", v);
  }
}
