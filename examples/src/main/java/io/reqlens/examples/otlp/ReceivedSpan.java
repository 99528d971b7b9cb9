package io.reqlens.examples.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.List;
import java.util.Optional;

/**
 * One span as an OTLP exporter sent it, with the resource and scope it came under, and the
 * accessors end-to-end tests need: hex ids, attributes by key, events by name.
 *
 * @param span the OTLP span
 * @param resource the resource of its {@code ResourceSpans}
 * @param scopeName the instrumentation scope name, e.g. {@code io.opentelemetry.jdbc}
 */
public record ReceivedSpan(Span span, Resource resource, String scopeName) {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** The trace id as 32 lowercase hex digits. */
  public String traceId() {
    return hex(span.getTraceId());
  }

  /** The span id as 16 lowercase hex digits. */
  public String spanId() {
    return hex(span.getSpanId());
  }

  /** The parent span id as 16 hex digits, or the empty string for a root. */
  public String parentSpanId() {
    return hex(span.getParentSpanId());
  }

  public String name() {
    return span.getName();
  }

  public SpanKind kind() {
    return span.getKind();
  }

  /** The W3C {@code tracestate} the span was exported with (empty when none). */
  public String traceState() {
    return span.getTraceState();
  }

  /** A span attribute rendered as a string ({@code null} when absent). */
  public String attribute(String key) {
    return value(span.getAttributesList(), key).map(ReceivedSpan::asString).orElse(null);
  }

  /** A resource attribute rendered as a string ({@code null} when absent). */
  public String resourceAttribute(String key) {
    return value(resource.getAttributesList(), key).map(ReceivedSpan::asString).orElse(null);
  }

  /** A string-array attribute's values ({@code null} when absent or not an array). */
  public List<String> stringArray(String key) {
    return value(span.getAttributesList(), key)
        .filter(AnyValue::hasArrayValue)
        .map(v -> v.getArrayValue().getValuesList().stream().map(ReceivedSpan::asString).toList())
        .orElse(null);
  }

  /** {@code service.name} of the resource. */
  public String serviceName() {
    return resourceAttribute("service.name");
  }

  /** The events named {@code name}, e.g. {@code exception}. */
  public List<Span.Event> events(String name) {
    return span.getEventsList().stream().filter(e -> e.getName().equals(name)).toList();
  }

  /** An attribute of an event rendered as a string ({@code null} when absent). */
  public static String attribute(Span.Event event, String key) {
    return value(event.getAttributesList(), key).map(ReceivedSpan::asString).orElse(null);
  }

  /** Duration in nanoseconds. */
  public long durationNanos() {
    return span.getEndTimeUnixNano() - span.getStartTimeUnixNano();
  }

  @Override
  public String toString() {
    return kind() + " '" + name() + "' trace=" + traceId() + " span=" + spanId();
  }

  private static Optional<AnyValue> value(List<KeyValue> attributes, String key) {
    for (KeyValue kv : attributes) {
      if (kv.getKey().equals(key)) {
        return Optional.of(kv.getValue());
      }
    }
    return Optional.empty();
  }

  private static String asString(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return v.getStringValue();
      case INT_VALUE:
        return Long.toString(v.getIntValue());
      case BOOL_VALUE:
        return Boolean.toString(v.getBoolValue());
      case DOUBLE_VALUE:
        return Double.toString(v.getDoubleValue());
      default:
        return v.toString().trim();
    }
  }

  static String hex(ByteString bytes) {
    char[] out = new char[bytes.size() * 2];
    for (int i = 0; i < bytes.size(); i++) {
      int b = bytes.byteAt(i) & 0xff;
      out[2 * i] = HEX[b >>> 4];
      out[2 * i + 1] = HEX[b & 0xf];
    }
    return new String(out);
  }
}
