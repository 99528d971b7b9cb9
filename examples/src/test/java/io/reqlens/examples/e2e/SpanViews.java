package io.reqlens.examples.e2e;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.reqlens.examples.otlp.ReceivedSpan;
import io.reqlens.instrumentation.testkit.SpanView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a span received over OTLP into the test kit's {@link SpanView}, with the same value
 * types the SDK conversion gives: String, Long, Double, Boolean, or a List of those.
 */
final class SpanViews {

  private static final String KIND_PREFIX = "SPAN_KIND_";
  private static final String STATUS_PREFIX = "STATUS_CODE_";

  private SpanViews() {}

  static SpanView of(ReceivedSpan received) {
    Span span = received.span();
    List<SpanView.Event> events = new ArrayList<>();
    for (Span.Event event : span.getEventsList()) {
      events.add(new SpanView.Event(event.getName(), attributes(event.getAttributesList())));
    }
    return new SpanView(
        span.getName(),
        strip(span.getKind().name(), KIND_PREFIX),
        received.traceId(),
        received.spanId(),
        received.parentSpanId().isEmpty() ? null : received.parentSpanId(),
        strip(span.getStatus().getCode().name(), STATUS_PREFIX),
        attributes(span.getAttributesList()),
        Collections.unmodifiableList(events),
        received.scopeName());
  }

  private static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (KeyValue kv : keyValues) {
      attributes.put(kv.getKey(), value(kv.getValue()));
    }
    return Collections.unmodifiableMap(attributes);
  }

  private static Object value(AnyValue v) {
    switch (v.getValueCase()) {
      case STRING_VALUE:
        return v.getStringValue();
      case INT_VALUE:
        return v.getIntValue();
      case DOUBLE_VALUE:
        return v.getDoubleValue();
      case BOOL_VALUE:
        return v.getBoolValue();
      case ARRAY_VALUE:
        List<Object> values = new ArrayList<>();
        v.getArrayValue().getValuesList().forEach(e -> values.add(value(e)));
        return Collections.unmodifiableList(values);
      default:
        throw new AssertionError("unexpected attribute value type " + v.getValueCase());
    }
  }

  private static String strip(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      throw new AssertionError("unexpected enum value " + name);
    }
    return name.substring(prefix.length());
  }
}
