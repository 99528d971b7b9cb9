package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;

/** Reading scalars the way proto3 JSON writes them: int64 as strings, NaN as a string, … */
final class JsonValues {

  private JsonValues() {}

  /**
   * A field name without underscores and in lower case: proto3 JSON readers accept both {@code
   * traceId} and {@code trace_id}, so both compare equal to {@code "traceid"}.
   */
  static String norm(String field) {
    StringBuilder b = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '_') {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString();
  }

  /** An int64/fixed64 written as a JSON string or number; {@code null} reads as 0. */
  static long int64(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      try {
        return s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
      } catch (NumberFormatException e) {
        throw new BadLine("not an integer: '" + Excerpt.of(s) + "'");
      }
    }
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    throw new BadLine("expected an integer, found " + t);
  }

  static int int32(JsonParser p) throws IOException {
    long v = int64(p);
    if (v < Integer.MIN_VALUE || v > 0xffffffffL) {
      throw new BadLine("integer out of range: " + v);
    }
    return (int) v;
  }

  /** A double as a JSON number or one of proto3's strings "NaN", "Infinity", "-Infinity". */
  static double dbl(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText());
      } catch (NumberFormatException e) {
        throw new BadLine("not a number: '" + Excerpt.of(p.getText()) + "'");
      }
    }
    throw new BadLine("expected a number, found " + t);
  }

  /** A string, or {@code ""} for null. */
  static String str(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return "";
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new BadLine("expected a string, found " + t);
    }
    return p.getText();
  }

  /** An enum as its number or its proto name ({@code SPAN_KIND_SERVER}); -1 when unknown. */
  static int enumValue(JsonParser p, String prefix, String... names) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().toUpperCase(Locale.ROOT);
      if (s.startsWith(prefix)) {
        s = s.substring(prefix.length());
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(s)) {
          return i;
        }
      }
      return -1;
    }
    throw new BadLine("expected an enum, found " + t);
  }

  static void expect(JsonParser p, JsonToken t) throws IOException {
    if (p.currentToken() != t) {
      throw new BadLine("expected " + t + ", found " + p.currentToken());
    }
  }
}
