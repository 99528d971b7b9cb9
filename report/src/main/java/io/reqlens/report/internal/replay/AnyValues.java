package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Attribute values, from OTLP/JSON {@code KeyValue}/{@code AnyValue} and from the flat format's
 * plain JSON, into SDK {@link Attributes} that marshal back to the same OTLP values: strings,
 * booleans, int64, doubles and homogeneous arrays of them as the typed keys, anything else (maps,
 * bytes, mixed or nested arrays, empty values) as {@link AttributeKey#valueKey} values.
 */
final class AnyValues {

  /** An OTLP {@code kvlistValue} while it is read. */
  private static final class KvList {
    final List<KeyValue> values = new ArrayList<>();
  }

  /** An {@code AnyValue} without a value. */
  private static final Object EMPTY = new Object();

  private AnyValues() {}

  /** {@code [{"key": ..., "value": {...}}, ...]} at the current token. */
  static Attributes keyValues(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Attributes.empty();
    }
    JsonValues.expect(p, JsonToken.START_ARRAY);
    AttributesBuilder b = Attributes.builder();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonValues.expect(p, JsonToken.START_OBJECT);
      String key = null;
      Object value = EMPTY;
      while (p.nextToken() != JsonToken.END_OBJECT) {
        String f = JsonValues.norm(p.currentName());
        p.nextToken();
        if (f.equals("key")) {
          key = JsonValues.str(p);
        } else if (f.equals("value")) {
          value = anyValue(p);
        } else {
          p.skipChildren();
        }
      }
      if (key == null) {
        throw new BadLine("attribute without a key");
      }
      put(b, key, value);
    }
    return b.build();
  }

  /** A flat-format attributes object: {@code {"k": "v", "n": 5, "a": [1, 2]}}. */
  static Attributes plainObject(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return Attributes.empty();
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    AttributesBuilder b = Attributes.builder();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String key = p.currentName();
      p.nextToken();
      put(b, key, plain(p));
    }
    return b.build();
  }

  private static Object plain(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return p.getText();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(plain(p));
        }
        return list;
      case START_OBJECT:
        KvList kv = new KvList();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String k = p.currentName();
          p.nextToken();
          kv.values.add(KeyValue.of(k, toValue(plain(p))));
        }
        return kv;
      default:
        return EMPTY;
    }
  }

  /** One {@code AnyValue} object at the current token. */
  private static Object anyValue(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return EMPTY;
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    Object v = EMPTY;
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      switch (f) {
        case "stringvalue":
          v = JsonValues.str(p);
          break;
        case "boolvalue":
          v = p.getValueAsBoolean();
          break;
        case "intvalue":
          v = JsonValues.int64(p);
          break;
        case "doublevalue":
          v = JsonValues.dbl(p);
          break;
        case "bytesvalue":
          try {
            v = Base64.getDecoder().decode(JsonValues.str(p));
          } catch (IllegalArgumentException e) {
            throw new BadLine("bytesValue is not base64");
          }
          break;
        case "arrayvalue":
          v = values(p, false);
          break;
        case "kvlistvalue":
          v = values(p, true);
          break;
        default:
          p.skipChildren();
      }
    }
    return v;
  }

  /** {@code {"values": [...]}} of an array or a kvlist. */
  private static Object values(JsonParser p, boolean kvlist) throws IOException {
    List<Object> list = new ArrayList<>();
    KvList kv = new KvList();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return kvlist ? kv : list;
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      if (!f.equals("values") || p.currentToken() == JsonToken.VALUE_NULL) {
        p.skipChildren();
        continue;
      }
      JsonValues.expect(p, JsonToken.START_ARRAY);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (kvlist) {
          String key = null;
          Object value = EMPTY;
          JsonValues.expect(p, JsonToken.START_OBJECT);
          while (p.nextToken() != JsonToken.END_OBJECT) {
            String g = JsonValues.norm(p.currentName());
            p.nextToken();
            if (g.equals("key")) {
              key = JsonValues.str(p);
            } else if (g.equals("value")) {
              value = anyValue(p);
            } else {
              p.skipChildren();
            }
          }
          kv.values.add(KeyValue.of(key == null ? "" : key, toValue(value)));
        } else {
          list.add(anyValue(p));
        }
      }
    }
    return kvlist ? kv : list;
  }

  @SuppressWarnings("unchecked")
  private static void put(AttributesBuilder b, String key, Object v) {
    if (v instanceof String) {
      b.put(key, (String) v);
    } else if (v instanceof Boolean) {
      b.put(key, (Boolean) v);
    } else if (v instanceof Long) {
      b.put(key, (Long) v);
    } else if (v instanceof Double) {
      b.put(key, (Double) v);
    } else if (v instanceof List) {
      List<Object> list = (List<Object>) v;
      Class<?> type = homogeneous(list);
      if (list.isEmpty()) {
        // Every empty typed array marshals as the same empty arrayValue.
        b.put(AttributeKey.stringArrayKey(key), List.of());
      } else if (type == String.class) {
        b.put(AttributeKey.stringArrayKey(key), (List<String>) (List<?>) list);
      } else if (type == Boolean.class) {
        b.put(AttributeKey.booleanArrayKey(key), (List<Boolean>) (List<?>) list);
      } else if (type == Long.class) {
        b.put(AttributeKey.longArrayKey(key), (List<Long>) (List<?>) list);
      } else if (type == Double.class) {
        b.put(AttributeKey.doubleArrayKey(key), (List<Double>) (List<?>) list);
      } else {
        b.put(AttributeKey.valueKey(key), toValue(v));
      }
    } else {
      b.put(AttributeKey.valueKey(key), toValue(v));
    }
  }

  private static Class<?> homogeneous(List<Object> list) {
    Class<?> type = null;
    for (Object o : list) {
      Class<?> c = o.getClass();
      if (type == null) {
        type = c;
      } else if (type != c) {
        return Object.class;
      }
    }
    return type == String.class
            || type == Boolean.class
            || type == Long.class
            || type == Double.class
        ? type
        : Object.class;
  }

  private static Value<?> toValue(Object v) {
    if (v instanceof String) {
      return Value.of((String) v);
    } else if (v instanceof Boolean) {
      return Value.of((Boolean) v);
    } else if (v instanceof Long) {
      return Value.of((Long) v);
    } else if (v instanceof Double) {
      return Value.of((Double) v);
    } else if (v instanceof byte[]) {
      return Value.of((byte[]) v);
    } else if (v instanceof List) {
      List<Value<?>> values = new ArrayList<>();
      for (Object o : (List<?>) v) {
        values.add(toValue(o));
      }
      return Value.of(values);
    } else if (v instanceof KvList) {
      return Value.of(((KvList) v).values.toArray(new KeyValue[0]));
    }
    return Value.empty();
  }
}
