package io.reqlens.exporters;

import static io.reqlens.exporters.JsonWriter.bytes;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.reqlens.core.semconv.SemConv;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * One span per line, shaped for {@code jq}: ids and names at the top level, times as epoch
 * nanoseconds, attributes and resource attributes as plain objects (see the module README for the
 * schema).
 */
final class FlatJsonEncoder implements SpanEncoder {

  private static final byte[] TRACE_ID = bytes("{\"trace_id\":");
  private static final byte[] SPAN_ID = bytes(",\"span_id\":");
  private static final byte[] PARENT_SPAN_ID = bytes(",\"parent_span_id\":");
  private static final byte[] TRACE_STATE = bytes(",\"trace_state\":");
  private static final byte[] NAME = bytes(",\"name\":");
  private static final byte[] KIND = bytes(",\"kind\":");
  private static final byte[] START = bytes(",\"start_ns\":");
  private static final byte[] END = bytes(",\"end_ns\":");
  private static final byte[] DUR = bytes(",\"dur_ns\":");
  private static final byte[] STATUS = bytes(",\"status\":");
  private static final byte[] STATUS_MESSAGE = bytes(",\"status_message\":");
  private static final byte[] SERVICE = bytes(",\"service\":");
  private static final byte[] SCOPE = bytes(",\"scope\":");
  private static final byte[] ATTRIBUTES = bytes(",\"attributes\":");
  private static final byte[] RESOURCE = bytes(",\"resource\":");
  private static final byte[] EVENTS = bytes(",\"events\":[");
  private static final byte[] EVENT_NAME = bytes("{\"name\":");
  private static final byte[] TS = bytes(",\"ts_ns\":");
  private static final byte[] LINKS = bytes(",\"links\":[");
  private static final byte[] LINK_SPAN_ID = bytes(",\"span_id\":");
  private static final byte[][] KINDS = {
    bytes("\"INTERNAL\""),
    bytes("\"SERVER\""),
    bytes("\"CLIENT\""),
    bytes("\"PRODUCER\""),
    bytes("\"CONSUMER\"")
  };
  private static final byte[][] STATUS_CODES = {
    bytes("\"UNSET\""), bytes("\"OK\""), bytes("\"ERROR\"")
  };

  private final AttributeJson attributes = new AttributeJson();
  private final TraceStateText traceStates = new TraceStateText();

  // Why cache the resource as bytes? It is the same object for every span of a process and
  // often the longest part of the line; encoding it once per process saves most of the work.
  private final JsonWriter scratch = new JsonWriter();
  private Resource cachedResource;
  private byte[] cachedResourceJson;

  @Override
  public int encode(Collection<SpanData> spans, JsonWriter out) {
    int dropped = 0;
    for (SpanData span : spans) {
      int mark = out.size();
      try {
        writeSpan(out, span);
        out.newline();
      } catch (RuntimeException e) {
        out.truncate(mark);
        dropped++;
      }
    }
    return dropped;
  }

  private void writeSpan(JsonWriter out, SpanData span) {
    SpanContext context = span.getSpanContext();
    out.raw(TRACE_ID);
    out.string(context.getTraceId());
    out.raw(SPAN_ID);
    out.string(context.getSpanId());
    out.raw(PARENT_SPAN_ID);
    SpanContext parent = span.getParentSpanContext();
    out.string(parent.isValid() ? parent.getSpanId() : null);
    String traceState = traceStates.of(context.getTraceState());
    out.raw(TRACE_STATE);
    out.string(traceState.isEmpty() ? null : traceState);
    out.raw(NAME);
    out.string(span.getName());
    out.raw(KIND);
    out.raw(KINDS[span.getKind().ordinal()]);
    out.raw(START);
    out.number(span.getStartEpochNanos());
    out.raw(END);
    out.number(span.getEndEpochNanos());
    out.raw(DUR);
    out.number(span.getEndEpochNanos() - span.getStartEpochNanos());
    StatusData status = span.getStatus();
    out.raw(STATUS);
    out.raw(STATUS_CODES[status.getStatusCode().ordinal()]);
    out.raw(STATUS_MESSAGE);
    out.string(status.getDescription().isEmpty() ? null : status.getDescription());
    out.raw(SCOPE);
    out.string(span.getInstrumentationScopeInfo().getName());
    out.raw(ATTRIBUTES);
    attributes.writeScrubbed(out, span.getAttributes());
    out.raw(resourceJson(span.getResource()));
    List<EventData> events = span.getEvents();
    out.raw(EVENTS);
    for (int i = 0; i < events.size(); i++) {
      EventData event = events.get(i);
      if (i > 0) {
        out.raw(',');
      }
      out.raw(EVENT_NAME);
      out.string(event.getName());
      out.raw(TS);
      out.number(event.getEpochNanos());
      out.raw(ATTRIBUTES);
      attributes.writeObject(out, event.getAttributes());
      out.raw('}');
    }
    out.raw(']');
    List<LinkData> links = span.getLinks();
    out.raw(LINKS);
    for (int i = 0; i < links.size(); i++) {
      LinkData link = links.get(i);
      if (i > 0) {
        out.raw(',');
      }
      out.raw(TRACE_ID);
      out.string(link.getSpanContext().getTraceId());
      out.raw(LINK_SPAN_ID);
      out.string(link.getSpanContext().getSpanId());
      out.raw(ATTRIBUTES);
      attributes.writeObject(out, link.getAttributes());
      out.raw('}');
    }
    out.raw(']');
    out.raw('}');
  }

  /** {@code ,"service":..,"resource":{..}} for {@code resource}, encoded once per resource. */
  private byte[] resourceJson(Resource resource) {
    if (resource != cachedResource) {
      scratch.reset();
      scratch.raw(SERVICE);
      scratch.string(resource.getAttribute(SemConv.SERVICE_NAME));
      scratch.raw(RESOURCE);
      attributes.writeObject(scratch, resource.getAttributes());
      cachedResourceJson = Arrays.copyOf(scratch.buffer(), scratch.size());
      cachedResource = resource;
    }
    return cachedResourceJson;
  }
}
