package io.reqlens.report.internal.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.util.Locale;

/**
 * One line of the {@code flat} format (one span, resource folded in; see exporters/README.md) into
 * a span. The format holds less than OTLP: no flags (replayed as sampled, parent not remote), no
 * scope version or attributes, no schema URLs, no dropped counts, no link tracestate; numbers are
 * typed by their JSON form (an integral double written as {@code 2.0} stays a double, {@code 2} is
 * an int64). Everything it does hold is replayed as it is.
 */
final class FlatLine {

  private FlatLine() {}

  /** Reads the span object; the parser is at its first field name. */
  static ReplaySpan span(JsonParser p) throws IOException {
    SpanFields s = new SpanFields();
    s.flags = 0x01; // sampled: the file only holds exported spans
    String scope = "";
    String statusCode = "UNSET";
    String statusMessage = "";
    Attributes resource = Attributes.empty();
    do {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "trace_id":
          s.traceId = JsonValues.str(p);
          break;
        case "span_id":
          s.spanId = JsonValues.str(p);
          break;
        case "parent_span_id":
          s.parentSpanId = JsonValues.str(p);
          break;
        case "trace_state":
          s.traceState = JsonValues.str(p);
          break;
        case "name":
          s.name = JsonValues.str(p);
          break;
        case "kind":
          s.kind = kind(JsonValues.str(p));
          break;
        case "start_ns":
          s.startNs = JsonValues.int64(p);
          break;
        case "end_ns":
          s.endNs = JsonValues.int64(p);
          break;
        case "status":
          statusCode = JsonValues.str(p).toUpperCase(Locale.ROOT);
          break;
        case "status_message":
          statusMessage = JsonValues.str(p);
          break;
        case "scope":
          scope = JsonValues.str(p);
          break;
        case "attributes":
          s.attributes = AnyValues.plainObject(p);
          break;
        case "resource":
          resource = AnyValues.plainObject(p);
          break;
        case "events":
          EventsAndLinks.events(p, s, EventsAndLinks.Format.FLAT);
          break;
        case "links":
          EventsAndLinks.links(p, s, EventsAndLinks.Format.FLAT);
          break;
        default:
          p.skipChildren(); // dur_ns and service repeat other fields
      }
    } while (p.nextToken() == JsonToken.FIELD_NAME);
    StatusCode code =
        statusCode.equals("OK")
            ? StatusCode.OK
            : statusCode.equals("ERROR") ? StatusCode.ERROR : StatusCode.UNSET;
    s.status = StatusData.create(code, statusMessage);
    s.finish();
    return new ReplaySpan(s, Resource.create(resource), InstrumentationScopeInfo.create(scope));
  }

  private static SpanKind kind(String k) {
    try {
      return SpanKind.valueOf(k.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return SpanKind.INTERNAL;
    }
  }
}
