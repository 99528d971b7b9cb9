package io.reqlens.exporters;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes attributes as a plain JSON object ({@code {"http.route":"/a","http.response.status_code":
 * 200}}), the shape of the flat and request-event lines.
 *
 * <p>Why a reusable {@link BiConsumer} with a field instead of a lambda? A capturing lambda is a
 * new object per call; {@code Attributes.forEach} with this instance allocates nothing.
 */
final class AttributeJson implements BiConsumer<AttributeKey<?>, Object> {

  private final SanitizedQueries queries = new SanitizedQueries();
  private JsonWriter out;
  private boolean first;
  private boolean scrub;

  /** Appends {@code {...}} for {@code attributes} as they are (resource, events, links). */
  void writeObject(JsonWriter out, Attributes attributes) {
    write(out, attributes, false);
  }

  /** Appends {@code {...}} for span attributes, applying {@link Scrub}. */
  void writeScrubbed(JsonWriter out, Attributes attributes) {
    write(out, attributes, true);
  }

  private void write(JsonWriter out, Attributes attributes, boolean scrub) {
    this.out = out;
    this.first = true;
    this.scrub = scrub;
    out.raw('{');
    attributes.forEach(this);
    out.raw('}');
    this.out = null;
  }

  @Override
  public void accept(AttributeKey<?> key, Object value) {
    int action = scrub ? Scrub.action(key.getKey()) : Scrub.KEEP;
    if (action == Scrub.DROP) {
      return;
    }
    if (!first) {
      out.raw(',');
    }
    first = false;
    out.string(key.getKey());
    out.raw(':');
    if (action != Scrub.KEEP && value instanceof String) {
      out.string(Scrub.apply(action, (String) value, queries));
    } else {
      writeValue(out, value);
    }
  }

  /** Writes an attribute value: string, boolean, number, array, or a {@link Value}. */
  static void writeValue(JsonWriter out, Object value) {
    if (value instanceof String) {
      out.string((String) value);
    } else if (value instanceof Long || value instanceof Integer) {
      out.number(((Number) value).longValue());
    } else if (value instanceof Double) {
      out.number((double) (Double) value);
    } else if (value instanceof Boolean) {
      out.bool((Boolean) value);
    } else if (value instanceof List) {
      List<?> list = (List<?>) value;
      out.raw('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.raw(',');
        }
        writeValue(out, list.get(i));
      }
      out.raw(']');
    } else if (value instanceof Value) {
      writeAnyValue(out, (Value<?>) value);
    } else if (value instanceof KeyValue) {
      KeyValue kv = (KeyValue) value;
      out.raw('{');
      out.string(kv.getKey());
      out.raw(':');
      writeAnyValue(out, kv.getValue());
      out.raw('}');
    } else {
      out.string(String.valueOf(value));
    }
  }

  private static void writeAnyValue(JsonWriter out, Value<?> value) {
    switch (value.getType()) {
      case BYTES:
        ByteBuffer bytes = ((ByteBuffer) value.getValue()).duplicate();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        out.string(Base64.getEncoder().encodeToString(copy));
        return;
      case KEY_VALUE_LIST:
        out.raw('{');
        List<?> kvs = (List<?>) value.getValue();
        for (int i = 0; i < kvs.size(); i++) {
          KeyValue kv = (KeyValue) kvs.get(i);
          if (i > 0) {
            out.raw(',');
          }
          out.string(kv.getKey());
          out.raw(':');
          writeAnyValue(out, kv.getValue());
        }
        out.raw('}');
        return;
      case EMPTY:
        out.nullValue();
        return;
      default: // STRING, BOOLEAN, LONG, DOUBLE, ARRAY: the plain Java value has the same shape
        writeValue(out, value.getValue());
    }
  }
}
