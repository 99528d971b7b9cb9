package io.reqlens.report.internal.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON line as maps, lists, strings, numbers and booleans (jackson-core has no tree model and
 * the report ships no databind). For the few lines a request page reads; never on the hot path.
 */
final class JsonTree {

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  /** Nesting deeper than this is not a span or event line. */
  private static final int MAX_DEPTH = 64;

  private JsonTree() {}

  static Object parse(byte[] buf, int off, int len) throws IOException {
    try (JsonParser p = JSON.createParser(buf, off, len)) {
      JsonToken t = p.nextToken();
      return t == null ? null : value(p, t, 0);
    }
  }

  private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("nested too deeply");
    }
    switch (t) {
      case START_OBJECT:
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          m.put(name, value(p, p.nextToken(), depth + 1));
        }
        return m;
      case START_ARRAY:
        List<Object> l = new ArrayList<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          l.add(value(p, n, depth + 1));
        }
        return l;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getText()
            : p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : java.util.Collections.emptyMap();
  }

  static List<Object> list(Object o) {
    if (o instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) o;
      return l;
    }
    return java.util.Collections.emptyList();
  }

  static String str(Object o) {
    return o == null ? null : o instanceof String ? (String) o : String.valueOf(o);
  }

  /** A number that may be written as a string (OTLP/JSON writes int64 as strings). */
  static long num(Object o, long dflt) {
    if (o instanceof Number) {
      return ((Number) o).longValue();
    }
    if (o instanceof String) {
      try {
        return Long.parseLong((String) o);
      } catch (NumberFormatException e) {
        return dflt;
      }
    }
    return dflt;
  }
}
