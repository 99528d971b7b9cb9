package io.reqlens.exporters;

import static io.reqlens.exporters.JsonWriter.bytes;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One OTLP/JSON {@code ExportTraceServiceRequest} per batch, on one line: the OpenTelemetry file
 * exporter format the Collector's {@code otlpjsonfile} receiver reads. Ids are lowercase hex (not
 * base64 as generic proto3 JSON would have them), enums are integers, int64 are strings, keys are
 * lowerCamelCase, and fields holding their default value are left out.
 */
final class OtlpJsonEncoder implements SpanEncoder {

  private static final byte[] OPEN = bytes("{\"resourceSpans\":[");
  private static final byte[] RESOURCE = bytes("{\"resource\":{");
  private static final byte[] ATTRIBUTES = bytes("\"attributes\":");
  private static final byte[] C_ATTRIBUTES = bytes(",\"attributes\":");
  private static final byte[] C_DROPPED_ATTRIBUTES = bytes(",\"droppedAttributesCount\":");
  private static final byte[] SCOPE_SPANS = bytes("},\"scopeSpans\":[");
  private static final byte[] SCOPE_NAME = bytes("{\"scope\":{\"name\":");
  private static final byte[] C_VERSION = bytes(",\"version\":");
  private static final byte[] SPANS = bytes("},\"spans\":[");
  private static final byte[] C_SCHEMA_URL = bytes(",\"schemaUrl\":");
  private static final byte[] TRACE_ID = bytes("{\"traceId\":");
  private static final byte[] C_SPAN_ID = bytes(",\"spanId\":");
  private static final byte[] C_TRACE_STATE = bytes(",\"traceState\":");
  private static final byte[] C_PARENT_SPAN_ID = bytes(",\"parentSpanId\":");
  private static final byte[] C_FLAGS = bytes(",\"flags\":");
  private static final byte[] C_NAME = bytes(",\"name\":");
  private static final byte[] C_KIND = bytes(",\"kind\":");
  private static final byte[] C_START = bytes(",\"startTimeUnixNano\":");
  private static final byte[] C_END = bytes(",\"endTimeUnixNano\":");
  private static final byte[] C_EVENTS = bytes(",\"events\":[");
  private static final byte[] C_DROPPED_EVENTS = bytes(",\"droppedEventsCount\":");
  private static final byte[] C_LINKS = bytes(",\"links\":[");
  private static final byte[] C_DROPPED_LINKS = bytes(",\"droppedLinksCount\":");
  private static final byte[] C_STATUS = bytes(",\"status\":{");
  private static final byte[] MESSAGE = bytes("\"message\":");
  private static final byte[] CODE = bytes("\"code\":");
  private static final byte[] TIME = bytes("{\"timeUnixNano\":");
  private static final byte[] CLOSE = bytes("]}");

  private final OtlpAttributeJson attributes = new OtlpAttributeJson();
  private final TraceStateText traceStates = new TraceStateText();
  // Reused across batches: grouping allocates nothing once they have grown.
  private final List<Resource> resources = new ArrayList<>();
  private final List<InstrumentationScopeInfo> scopes = new ArrayList<>();

  @Override
  public int encode(Collection<SpanData> spans, JsonWriter out) {
    if (spans.isEmpty()) {
      return 0;
    }
    int dropped = 0;
    resources.clear();
    for (SpanData span : spans) {
      addDistinct(resources, span.getResource());
    }
    out.raw(OPEN);
    for (int r = 0; r < resources.size(); r++) {
      Resource resource = resources.get(r);
      if (r > 0) {
        out.raw(',');
      }
      out.raw(RESOURCE);
      if (!resource.getAttributes().isEmpty()) {
        out.raw(ATTRIBUTES);
        attributes.writeArray(out, resource.getAttributes(), false);
      }
      out.raw(SCOPE_SPANS);
      scopes.clear();
      for (SpanData span : spans) {
        if (same(span.getResource(), resource)) {
          addDistinct(scopes, span.getInstrumentationScopeInfo());
        }
      }
      for (int s = 0; s < scopes.size(); s++) {
        if (s > 0) {
          out.raw(',');
        }
        dropped += writeScopeSpans(out, spans, resource, scopes.get(s));
      }
      out.raw(']');
      schemaUrl(out, resource.getSchemaUrl());
      out.raw('}');
    }
    out.raw(CLOSE);
    out.newline();
    resources.clear();
    scopes.clear();
    return dropped;
  }

  private int writeScopeSpans(
      JsonWriter out,
      Collection<SpanData> spans,
      Resource resource,
      InstrumentationScopeInfo scope) {
    out.raw(SCOPE_NAME);
    out.string(scope.getName());
    if (scope.getVersion() != null) {
      out.raw(C_VERSION);
      out.string(scope.getVersion());
    }
    if (!scope.getAttributes().isEmpty()) {
      out.raw(C_ATTRIBUTES);
      attributes.writeArray(out, scope.getAttributes(), false);
    }
    out.raw(SPANS);
    boolean first = true;
    int dropped = 0;
    for (SpanData span : spans) {
      if (!same(span.getResource(), resource) || !same(span.getInstrumentationScopeInfo(), scope)) {
        continue;
      }
      int mark = out.size();
      try {
        if (!first) {
          out.raw(',');
        }
        writeSpan(out, span);
        first = false;
      } catch (RuntimeException e) {
        out.truncate(mark); // a broken span must not break the line
        dropped++;
      }
    }
    out.raw(']');
    schemaUrl(out, scope.getSchemaUrl());
    out.raw('}');
    return dropped;
  }

  private void writeSpan(JsonWriter out, SpanData span) {
    SpanContext context = span.getSpanContext();
    writeIds(out, context);
    SpanContext parent = span.getParentSpanContext();
    if (parent.isValid()) {
      out.raw(C_PARENT_SPAN_ID);
      out.string(parent.getSpanId());
    }
    out.raw(C_FLAGS);
    out.number(flags(context, parent.isRemote()));
    out.raw(C_NAME);
    out.string(span.getName());
    out.raw(C_KIND);
    out.number(span.getKind().ordinal() + 1); // INTERNAL..CONSUMER are 1..5 in OTLP
    out.raw(C_START);
    out.quotedNumber(span.getStartEpochNanos());
    out.raw(C_END);
    out.quotedNumber(span.getEndEpochNanos());
    writeAttributes(out, span.getAttributes(), span.getTotalAttributeCount(), true);
    List<EventData> events = span.getEvents();
    if (!events.isEmpty()) {
      out.raw(C_EVENTS);
      for (int i = 0; i < events.size(); i++) {
        EventData event = events.get(i);
        if (i > 0) {
          out.raw(',');
        }
        out.raw(TIME);
        out.quotedNumber(event.getEpochNanos());
        out.raw(C_NAME);
        out.string(event.getName());
        writeAttributes(out, event.getAttributes(), event.getTotalAttributeCount(), false);
        out.raw('}');
      }
      out.raw(']');
    }
    dropped(out, C_DROPPED_EVENTS, span.getTotalRecordedEvents() - events.size());
    List<LinkData> links = span.getLinks();
    if (!links.isEmpty()) {
      out.raw(C_LINKS);
      for (int i = 0; i < links.size(); i++) {
        if (i > 0) {
          out.raw(',');
        }
        writeLink(out, links.get(i));
      }
      out.raw(']');
    }
    dropped(out, C_DROPPED_LINKS, span.getTotalRecordedLinks() - links.size());
    writeStatus(out, span.getStatus());
    out.raw('}');
  }

  /**
   * Opens a span or a link object with its trace id, span id and (when not empty) trace state: the
   * fields the two share, in the same order.
   */
  private void writeIds(JsonWriter out, SpanContext context) {
    out.raw(TRACE_ID);
    out.string(context.getTraceId());
    out.raw(C_SPAN_ID);
    out.string(context.getSpanId());
    String traceState = traceStates.of(context.getTraceState());
    if (!traceState.isEmpty()) {
      out.raw(C_TRACE_STATE);
      out.string(traceState);
    }
  }

  private void writeLink(JsonWriter out, LinkData link) {
    SpanContext context = link.getSpanContext();
    writeIds(out, context);
    writeAttributes(out, link.getAttributes(), link.getTotalAttributeCount(), false);
    out.raw(C_FLAGS);
    out.number(flags(context, context.isRemote()));
    out.raw('}');
  }

  /** Span attributes are scrubbed (see {@link Scrub}); what is left out counts as dropped. */
  private void writeAttributes(
      JsonWriter out, io.opentelemetry.api.common.Attributes attrs, int total, boolean scrub) {
    int removed = 0;
    if (!attrs.isEmpty()) {
      out.raw(C_ATTRIBUTES);
      removed = attributes.writeArray(out, attrs, scrub);
    }
    dropped(out, C_DROPPED_ATTRIBUTES, total - attrs.size() + removed);
  }

  private static void writeStatus(JsonWriter out, StatusData status) {
    out.raw(C_STATUS);
    boolean hasMessage = !status.getDescription().isEmpty();
    if (hasMessage) {
      out.raw(MESSAGE);
      out.string(status.getDescription());
    }
    int code = status.getStatusCode().ordinal(); // UNSET, OK, ERROR are 0, 1, 2 in OTLP
    if (code != 0) {
      if (hasMessage) {
        out.raw(',');
      }
      out.raw(CODE);
      out.number(code);
    }
    out.raw('}');
  }

  /** W3C trace flags plus the OTLP bits saying whether the parent (or link) is remote. */
  private static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xff) | 0x100 | (remote ? 0x200 : 0);
  }

  private static void dropped(JsonWriter out, byte[] key, int count) {
    if (count > 0) {
      out.raw(key);
      out.number(count);
    }
  }

  private static void schemaUrl(JsonWriter out, String url) {
    if (url != null && !url.isEmpty()) {
      out.raw(C_SCHEMA_URL);
      out.string(url);
    }
  }

  private static <T> void addDistinct(List<T> list, T item) {
    for (int i = 0; i < list.size(); i++) {
      if (same(list.get(i), item)) {
        return;
      }
    }
    list.add(item);
  }

  /** Identity first: the SDK shares one Resource and one scope object per tracer. */
  private static boolean same(Object a, Object b) {
    return a == b || Objects.equals(a, b);
  }
}
