package io.reqlens.report.internal.serve;

import static io.reqlens.report.internal.serve.JsonTree.list;
import static io.reqlens.report.internal.serve.JsonTree.num;
import static io.reqlens.report.internal.serve.JsonTree.obj;
import static io.reqlens.report.internal.serve.JsonTree.str;

import io.reqlens.core.sql.SqlDialect;
import io.reqlens.core.sql.SqlSanitizer;
import java.util.List;
import java.util.Map;

/**
 * The spans of one trace in a span-file line, in either format the {@code jsonl} exporter writes:
 * OTLP/JSON (one {@code ExportTraceServiceRequest} per line) or flat (one span per line). Only a
 * safe subset of attributes is kept, and SQL is sanitized again before it is shown.
 */
final class SpanLines {

  private static final String[] KINDS = {
    "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"
  };
  private static final String[] STATUS = {"UNSET", "OK", "ERROR"};

  private SpanLines() {}

  /** Adds the spans of {@code traceId} found in the parsed line {@code tree} to {@code out}. */
  static void collect(Object tree, String traceId, List<SpanView> out) {
    Map<String, Object> root = obj(tree);
    if (root.containsKey("resourceSpans")) {
      for (Object rs : list(root.get("resourceSpans"))) {
        String service = null;
        for (Object a : list(obj(obj(rs).get("resource")).get("attributes"))) {
          if ("service.name".equals(str(obj(a).get("key")))) {
            service = otlpValue(obj(a).get("value"));
          }
        }
        for (Object ss : list(obj(rs).get("scopeSpans"))) {
          for (Object s : list(obj(ss).get("spans"))) {
            Map<String, Object> span = obj(s);
            if (traceId.equals(str(span.get("traceId")))) {
              out.add(otlp(span, service));
            }
          }
        }
      }
    } else if (traceId.equals(str(root.get("trace_id")))) {
      out.add(flat(root));
    }
  }

  private static SpanView otlp(Map<String, Object> s, String service) {
    SpanView v = new SpanView();
    v.spanId = str(s.get("spanId"));
    String parent = str(s.get("parentSpanId"));
    v.parentSpanId = parent == null || parent.isEmpty() ? null : parent;
    v.name = str(s.get("name"));
    int kind = (int) num(s.get("kind"), 0);
    v.kind = kind >= 0 && kind < KINDS.length ? KINDS[kind] : String.valueOf(kind);
    v.startNs = num(s.get("startTimeUnixNano"), 0);
    v.endNs = num(s.get("endTimeUnixNano"), v.startNs);
    Map<String, Object> status = obj(s.get("status"));
    int code = (int) num(status.get("code"), 0);
    v.status = code >= 0 && code < STATUS.length ? STATUS[code] : String.valueOf(code);
    v.statusMessage = str(status.get("message"));
    v.service = service;
    for (Object a : list(s.get("attributes"))) {
      attribute(v, str(obj(a).get("key")), otlpValue(obj(a).get("value")));
    }
    for (Object e : list(s.get("events"))) {
      Map<String, Object> ev = obj(e);
      if ("exception".equals(str(ev.get("name")))) {
        String[] ex = new String[3];
        for (Object a : list(ev.get("attributes"))) {
          exception(ex, str(obj(a).get("key")), otlpValue(obj(a).get("value")));
        }
        v.exceptions.add(ex);
      }
    }
    finish(v);
    return v;
  }

  private static SpanView flat(Map<String, Object> s) {
    SpanView v = new SpanView();
    v.spanId = str(s.get("span_id"));
    v.parentSpanId = str(s.get("parent_span_id"));
    v.name = str(s.get("name"));
    v.kind = str(s.get("kind"));
    v.startNs = num(s.get("start_ns"), 0);
    v.endNs = num(s.get("end_ns"), v.startNs);
    v.status = str(s.get("status"));
    v.statusMessage = str(s.get("status_message"));
    v.service = str(s.get("service"));
    for (Map.Entry<String, Object> a : obj(s.get("attributes")).entrySet()) {
      attribute(v, a.getKey(), flatValue(a.getValue()));
    }
    for (Object e : list(s.get("events"))) {
      Map<String, Object> ev = obj(e);
      if ("exception".equals(str(ev.get("name")))) {
        String[] ex = new String[3];
        for (Map.Entry<String, Object> a : obj(ev.get("attributes")).entrySet()) {
          exception(ex, a.getKey(), flatValue(a.getValue()));
        }
        v.exceptions.add(ex);
      }
    }
    finish(v);
    return v;
  }

  private static void exception(String[] ex, String key, String value) {
    if ("exception.type".equals(key)) {
      ex[0] = value;
    } else if ("exception.message".equals(key)) {
      ex[1] = value;
    } else if ("exception.stacktrace".equals(key)) {
      ex[2] = value;
    }
  }

  /** Keeps what explains a request; never headers, query strings or full URLs. */
  static boolean shown(String key) {
    if (key == null || key.contains(".header.") || key.equals("url.query")) {
      return false;
    }
    if (key.equals("url.full") || key.equals("http.url") || key.equals("http.target")) {
      return false;
    }
    return key.startsWith("http.")
        || key.startsWith("url.")
        || key.startsWith("server.")
        || key.startsWith("db.")
        || key.startsWith("code.")
        || key.startsWith("reqlens.")
        || key.startsWith("thread.")
        || key.startsWith("rpc.")
        || key.startsWith("messaging.")
        || key.equals("error.type")
        || key.startsWith("network.protocol.");
  }

  private static void attribute(SpanView v, String key, String value) {
    if (!shown(key) || value == null) {
      return;
    }
    if (key.equals("db.system.name") || (key.equals("db.system") && v.dbSystem == null)) {
      v.dbSystem = value;
    }
    if (key.equals("db.query.text") || key.equals("db.statement")) {
      v.statement = value; // sanitized in finish, once the system is known
      return;
    }
    v.attributes.put(key, value.length() > 1000 ? value.substring(0, 1000) + "…" : value);
  }

  private static void finish(SpanView v) {
    if (v.statement != null) {
      v.statement = sanitize(v.dbSystem, v.statement);
      v.attributes.put("db.query.text", v.statement);
    }
  }

  /** The files hold sanitized SQL already; sanitizing again costs little and guards the page. */
  static String sanitize(String system, String sql) {
    if (sql == null) {
      return null;
    }
    return SqlSanitizer.create(SqlDialect.forSystem(system)).sanitize(sql).queryText();
  }

  private static String otlpValue(Object value) {
    Map<String, Object> v = obj(value);
    for (String k : new String[] {"stringValue", "intValue", "doubleValue", "boolValue"}) {
      if (v.containsKey(k)) {
        return str(v.get(k));
      }
    }
    if (v.containsKey("arrayValue")) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : list(obj(v.get("arrayValue")).get("values"))) {
        b.append(b.length() > 1 ? ", " : "").append(otlpValue(o));
      }
      return b.append(']').toString();
    }
    return null;
  }

  private static String flatValue(Object value) {
    if (value instanceof List) {
      StringBuilder b = new StringBuilder("[");
      for (Object o : (List<?>) value) {
        b.append(b.length() > 1 ? ", " : "").append(str(o));
      }
      return b.append(']').toString();
    }
    return str(value);
  }
}
