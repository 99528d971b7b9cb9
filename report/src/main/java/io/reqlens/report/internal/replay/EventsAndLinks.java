package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.io.IOException;

/**
 * A span's events and links, read once for both line formats. The {@code flat} format names their
 * fields in snake_case and writes attributes as a plain object; OTLP/JSON names them in
 * lowerCamelCase (or snake_case), writes key-value lists and adds dropped counts and the links'
 * trace state and flags. {@link Format} holds those differences; the reading is the same.
 */
final class EventsAndLinks {

  /** How one line format names and encodes the fields of events and links. */
  enum Format {
    /** Names as written; no dropped counts; links replayed sampled and local, without state. */
    FLAT("ts_ns", "trace_id", "span_id", null, null, null, 0x01),
    /** Names compared after {@link JsonValues#norm}, as proto3 JSON allows. */
    OTLP("timeunixnano", "traceid", "spanid", "tracestate", "flags", "droppedattributescount", 0);

    // A null key is a field the format does not have: no field name equals it.
    final String eventTime;
    final String traceId;
    final String spanId;
    final String traceState;
    final String flags;
    final String dropped;
    final int defaultLinkFlags;

    Format(
        String eventTime,
        String traceId,
        String spanId,
        String traceState,
        String flags,
        String dropped,
        int defaultLinkFlags) {
      this.eventTime = eventTime;
      this.traceId = traceId;
      this.spanId = spanId;
      this.traceState = traceState;
      this.flags = flags;
      this.dropped = dropped;
      this.defaultLinkFlags = defaultLinkFlags;
    }

    String field(String name) {
      return this == OTLP ? JsonValues.norm(name) : name;
    }

    Attributes attributes(JsonParser p) throws IOException {
      return this == OTLP ? AnyValues.keyValues(p) : AnyValues.plainObject(p);
    }
  }

  private EventsAndLinks() {}

  /** The array of events at the parser into {@code s.events}; any other value is skipped. */
  static void events(JsonParser p, SpanFields s, Format format) throws IOException {
    eachObject(p, () -> s.events.add(event(p, format)));
  }

  /** The array of links at the parser into {@code s.links}; any other value is skipped. */
  static void links(JsonParser p, SpanFields s, Format format) throws IOException {
    eachObject(p, () -> s.links.add(link(p, format)));
  }

  private interface ObjectReader {
    void read() throws IOException;
  }

  /** Calls {@code reader} at each object of the array at the parser; skips any other value. */
  private static void eachObject(JsonParser p, ObjectReader reader) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonValues.expect(p, JsonToken.START_OBJECT);
      reader.read();
    }
  }

  /** The attributes and their dropped count, which events and links both carry. */
  private static final class AttributeFields {
    Attributes attributes = Attributes.empty();
    int dropped;

    /** Reads the value of field {@code f} when it is one of the two; false when it is not. */
    boolean read(String f, JsonParser p, Format format) throws IOException {
      if (f.equals("attributes")) {
        attributes = format.attributes(p);
      } else if (f.equals(format.dropped)) {
        dropped = JsonValues.int32(p);
      } else {
        return false;
      }
      return true;
    }

    int total() {
      return attributes.size() + dropped;
    }
  }

  private static EventData event(JsonParser p, Format format) throws IOException {
    long ts = 0;
    String name = "";
    AttributeFields a = new AttributeFields();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = format.field(p.currentName());
      p.nextToken();
      if (f.equals(format.eventTime)) {
        ts = JsonValues.int64(p);
      } else if (f.equals("name")) {
        name = JsonValues.str(p);
      } else if (!a.read(f, p, format)) {
        p.skipChildren();
      }
    }
    return EventData.create(ts, name, a.attributes, a.total());
  }

  private static LinkData link(JsonParser p, Format format) throws IOException {
    String traceId = "";
    String spanId = "";
    String state = "";
    int flags = format.defaultLinkFlags;
    AttributeFields a = new AttributeFields();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = format.field(p.currentName());
      p.nextToken();
      if (f.equals(format.traceId)) {
        traceId = JsonValues.str(p);
      } else if (f.equals(format.spanId)) {
        spanId = JsonValues.str(p);
      } else if (f.equals(format.traceState)) {
        state = JsonValues.str(p);
      } else if (f.equals(format.flags)) {
        flags = JsonValues.int32(p);
      } else if (!a.read(f, p, format)) {
        p.skipChildren();
      }
    }
    return LinkData.create(
        SpanFields.linkContext(traceId, spanId, state, flags), a.attributes, a.total());
  }
}
