package io.reqlens.exporters;

import static io.reqlens.exporters.JsonWriter.bytes;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes attributes as OTLP/JSON {@code KeyValue} arrays: {@code [{"key":"k","value":{"intValue":
 * "5"}}]}, int64 as strings and non-finite doubles as {@code "NaN"}-style strings, as proto3 JSON
 * wants. A reusable {@link BiConsumer} so that {@code forEach} allocates nothing.
 */
final class OtlpAttributeJson implements BiConsumer<AttributeKey<?>, Object> {

  private static final byte[] KEY = bytes("{\"key\":");
  private static final byte[] VALUE = bytes(",\"value\":");
  private static final byte[] STRING = bytes("{\"stringValue\":");
  private static final byte[] BOOL = bytes("{\"boolValue\":");
  private static final byte[] INT = bytes("{\"intValue\":");
  private static final byte[] DOUBLE = bytes("{\"doubleValue\":");
  private static final byte[] BYTES = bytes("{\"bytesValue\":");
  private static final byte[] ARRAY = bytes("{\"arrayValue\":{\"values\":[");
  private static final byte[] KVLIST = bytes("{\"kvlistValue\":{\"values\":[");
  private static final byte[] CLOSE_LIST = bytes("]}}");

  private final SanitizedQueries queries = new SanitizedQueries();
  private JsonWriter out;
  private boolean first;
  private boolean scrub;
  private int removed;

  /**
   * Appends {@code [...]} for {@code attributes}; with {@code scrub} (span attributes), applies
   * {@link Scrub}. Returns how many attributes were left out.
   */
  int writeArray(JsonWriter out, Attributes attributes, boolean scrub) {
    this.out = out;
    this.first = true;
    this.scrub = scrub;
    this.removed = 0;
    out.raw('[');
    attributes.forEach(this);
    out.raw(']');
    this.out = null;
    return removed;
  }

  @Override
  public void accept(AttributeKey<?> key, Object value) {
    int action = scrub ? Scrub.action(key.getKey()) : Scrub.KEEP;
    if (action == Scrub.DROP) {
      removed++;
      return;
    }
    if (!first) {
      out.raw(',');
    }
    first = false;
    if (action != Scrub.KEEP && value instanceof String) {
      value = Scrub.apply(action, (String) value, queries);
    }
    keyValue(out, key.getKey(), value);
  }

  private static void keyValue(JsonWriter out, String key, Object value) {
    out.raw(KEY);
    out.string(key);
    out.raw(VALUE);
    anyValue(out, value);
    out.raw('}');
  }

  /** Writes an OTLP {@code AnyValue} for an attribute value or a {@link Value}. */
  static void anyValue(JsonWriter out, Object value) {
    if (value instanceof String) {
      out.raw(STRING);
      out.string((String) value);
    } else if (value instanceof Long || value instanceof Integer) {
      out.raw(INT);
      out.quotedNumber(((Number) value).longValue());
    } else if (value instanceof Double) {
      out.raw(DOUBLE);
      out.number((double) (Double) value);
    } else if (value instanceof Boolean) {
      out.raw(BOOL);
      out.bool((Boolean) value);
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      out.raw(ARRAY);
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.raw(',');
        }
        anyValue(out, list.get(i));
      }
      out.raw(CLOSE_LIST);
      return;
    } else if (value instanceof Value) {
      valueObject(out, (Value<?>) value);
      return;
    } else {
      out.raw(STRING);
      out.string(String.valueOf(value));
    }
    out.raw('}');
  }

  private static void valueObject(JsonWriter out, Value<?> value) {
    switch (value.getType()) {
      case BYTES:
        ByteBuffer buf = ((ByteBuffer) value.getValue()).duplicate();
        byte[] copy = new byte[buf.remaining()];
        buf.get(copy);
        out.raw(BYTES);
        out.string(Base64.getEncoder().encodeToString(copy));
        out.raw('}');
        return;
      case KEY_VALUE_LIST:
        List<?> kvs = (List<?>) value.getValue();
        out.raw(KVLIST);
        for (int i = 0; i < kvs.size(); i++) {
          if (i > 0) {
            out.raw(',');
          }
          KeyValue kv = (KeyValue) kvs.get(i);
          keyValue(out, kv.getKey(), kv.getValue());
        }
        out.raw(CLOSE_LIST);
        return;
      case EMPTY:
        out.raw('{');
        out.raw('}');
        return;
      default: // STRING, BOOLEAN, LONG, DOUBLE, ARRAY
        anyValue(out, value.getValue());
    }
  }
}
