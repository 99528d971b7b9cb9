package io.reqlens.core.event;

import java.util.HashMap;
import java.util.Map;

/**
 * Every key of a request-profile event line (DESIGN.md, "Request-profile events"), with its JSON
 * name and value type. The writer ({@code req} exporter), the readers ({@code report}, {@code
 * serve}) and the test generators all take the names from here; {@link EventKind} says which kind
 * carries which keys, in which order.
 */
public enum EventField {
  KIND("kind", Type.STRING),
  V("v", Type.LONG),
  TS_NS("ts_ns", Type.LONG),
  TRACE_ID("trace_id", Type.STRING),
  SPAN_ID("span_id", Type.STRING),
  SERVICE("service", Type.STRING),
  SERVICE_VERSION("service_version", Type.STRING),
  SAMPLE_RATE("sample_rate", Type.DOUBLE),
  PARENT_SPAN_ID("parent_span_id", Type.STRING),
  METHOD("method", Type.STRING),
  ROUTE("route", Type.STRING),
  PATH("path", Type.STRING),
  STATUS("status", Type.LONG),
  DUR_NS("dur_ns", Type.LONG),
  BYTES_IN("bytes_in", Type.LONG),
  BYTES_OUT("bytes_out", Type.LONG),
  ERROR("error", Type.BOOLEAN),
  DB_COUNT("db_count", Type.LONG),
  DB_DUR_NS("db_dur_ns", Type.LONG),
  DB_SYSTEM("db_system", Type.STRING),
  OPERATION("operation", Type.STRING),
  COLLECTION("collection", Type.STRING),
  QUERY("query", Type.STRING),
  ROWS("rows", Type.LONG),
  CALLER("caller", Type.STRING),
  FN("fn", Type.STRING),
  EXCEPTION_TYPE("exception_type", Type.STRING),
  EXCEPTION_VALUE("exception_value", Type.STRING),
  TRACEBACK("traceback", Type.STRING),
  INTERVAL_NS("interval_ns", Type.LONG),
  SAMPLES("samples", Type.LONG),
  STACKS("stacks", Type.STRING_ARRAY);

  /** The JSON type of a value; every value may also be {@code null} when unknown. */
  public enum Type {
    STRING,
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING_ARRAY
  }

  private static final Map<String, EventField> BY_KEY = new HashMap<>();

  static {
    for (EventField f : values()) {
      BY_KEY.put(f.key, f);
    }
  }

  private final String key;
  private final Type type;

  EventField(String key, Type type) {
    this.key = key;
    this.type = type;
  }

  /** The JSON key, e.g. {@code dur_ns}. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** The field with JSON key {@code key}, or null for a key this schema does not know. */
  public static EventField forKey(String key) {
    return BY_KEY.get(key);
  }
}
