package io.reqlens.instrumentation.testkit;

import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished span as the test kit sees it, independent of where it came from (the SDK in this
 * process, or OTLP from an agent in a child JVM). Attribute values are String, Long, Double,
 * Boolean or a List of those.
 *
 * @param kind INTERNAL, SERVER, CLIENT, PRODUCER or CONSUMER
 * @param parentSpanId the parent's span id, or null for a root
 * @param status UNSET, OK or ERROR
 * @param scope the instrumentation scope name
 */
public record SpanView(
    String name,
    String kind,
    String traceId,
    String spanId,
    String parentSpanId,
    String status,
    Map<String, Object> attributes,
    List<Event> events,
    String scope) {

  /** A span event (such as {@code exception}) and its attributes. */
  public record Event(String name, Map<String, Object> attributes) {}

  /** Converts an SDK span. */
  public static SpanView of(SpanData span) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), value));
    List<Event> events = new ArrayList<>();
    for (EventData event : span.getEvents()) {
      Map<String, Object> eventAttributes = new LinkedHashMap<>();
      event.getAttributes().forEach((key, value) -> eventAttributes.put(key.getKey(), value));
      events.add(new Event(event.getName(), Collections.unmodifiableMap(eventAttributes)));
    }
    String parent = span.getParentSpanContext().isValid() ? span.getParentSpanId() : null;
    return new SpanView(
        span.getName(),
        span.getKind().name(),
        span.getTraceId(),
        span.getSpanId(),
        parent,
        span.getStatus().getStatusCode().name(),
        Collections.unmodifiableMap(attributes),
        Collections.unmodifiableList(events),
        span.getInstrumentationScopeInfo().getName());
  }

  /** The attribute's value, or null. */
  public Object attribute(String key) {
    return attributes.get(key);
  }

  /** The first event with this name, or null. */
  public Event event(String name) {
    return events.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
  }

  /** Every string in the span: name, attribute keys and values, event names and attributes. */
  public List<String> allText() {
    List<String> text = new ArrayList<>();
    text.add(name);
    attributes.forEach(
        (k, v) -> {
          text.add(k);
          text.add(String.valueOf(v));
        });
    for (Event event : events) {
      text.add(event.name());
      event
          .attributes()
          .forEach(
              (k, v) -> {
                text.add(k);
                text.add(String.valueOf(v));
              });
    }
    return text;
  }
}
