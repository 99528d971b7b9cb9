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
import java.util.ArrayList;
import java.util.List;

/**
 * One OTLP/JSON {@code ExportTraceServiceRequest} line (the {@code otlp} format, and what the
 * Collector's file exporter writes) into spans. Field names are accepted in lowerCamelCase and
 * snake_case, int64 as strings or numbers, enums as numbers or names, as proto3 JSON allows. The
 * resource and scope {@code schemaUrl}s may come after the spans (they do in Reqlens' files), so
 * spans are built once their {@code ResourceSpans} is read.
 */
final class OtlpLine {

  private static final SpanKind[] KINDS = {
    SpanKind.INTERNAL, // SPAN_KIND_UNSPECIFIED: the SDK has no such kind
    SpanKind.INTERNAL,
    SpanKind.SERVER,
    SpanKind.CLIENT,
    SpanKind.PRODUCER,
    SpanKind.CONSUMER
  };

  private OtlpLine() {}

  /** Reads the request object; the parser is at its first field name. */
  static List<ReplaySpan> spans(JsonParser p) throws IOException {
    List<ReplaySpan> out = new ArrayList<>();
    do {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      if (f.equals("resourcespans") && p.currentToken() == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          resourceSpans(p, out);
        }
      } else {
        p.skipChildren();
      }
    } while (p.nextToken() == JsonToken.FIELD_NAME);
    return out;
  }

  private static final class ScopeBlock {
    String name = "";
    String version;
    Attributes attributes = Attributes.empty();
    String schemaUrl;
    final List<SpanFields> spans = new ArrayList<>();
  }

  private static void resourceSpans(JsonParser p, List<ReplaySpan> out) throws IOException {
    JsonValues.expect(p, JsonToken.START_OBJECT);
    Attributes resourceAttributes = Attributes.empty();
    String schemaUrl = null;
    List<ScopeBlock> scopes = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      switch (f) {
        case "resource":
          resourceAttributes = attributesOf(p);
          break;
        case "schemaurl":
          schemaUrl = emptyToNull(JsonValues.str(p));
          break;
        case "scopespans":
        case "instrumentationlibraryspans": // OTLP before 0.19
          if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              scopes.add(scopeSpans(p));
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    Resource resource = Resource.create(resourceAttributes, schemaUrl);
    for (ScopeBlock s : scopes) {
      var b = InstrumentationScopeInfo.builder(s.name).setAttributes(s.attributes);
      if (s.version != null) {
        b.setVersion(s.version);
      }
      if (s.schemaUrl != null) {
        b.setSchemaUrl(s.schemaUrl);
      }
      InstrumentationScopeInfo scope = b.build();
      for (SpanFields span : s.spans) {
        out.add(new ReplaySpan(span, resource, scope));
      }
    }
  }

  /** {@code {"attributes": [...], ...}} of a resource. */
  private static Attributes attributesOf(JsonParser p) throws IOException {
    Attributes a = Attributes.empty();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return a;
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      if (f.equals("attributes")) {
        a = AnyValues.keyValues(p);
      } else {
        p.skipChildren();
      }
    }
    return a;
  }

  private static ScopeBlock scopeSpans(JsonParser p) throws IOException {
    JsonValues.expect(p, JsonToken.START_OBJECT);
    ScopeBlock s = new ScopeBlock();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      switch (f) {
        case "scope":
        case "instrumentationlibrary":
          scope(p, s);
          break;
        case "schemaurl":
          s.schemaUrl = emptyToNull(JsonValues.str(p));
          break;
        case "spans":
          if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
              s.spans.add(span(p));
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    return s;
  }

  private static void scope(JsonParser p, ScopeBlock s) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      switch (f) {
        case "name":
          s.name = JsonValues.str(p);
          break;
        case "version":
          s.version = emptyToNull(JsonValues.str(p));
          break;
        case "attributes":
          s.attributes = AnyValues.keyValues(p);
          break;
        default:
          p.skipChildren();
      }
    }
  }

  private static SpanFields span(JsonParser p) throws IOException {
    JsonValues.expect(p, JsonToken.START_OBJECT);
    SpanFields s = new SpanFields();
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      switch (f) {
        case "traceid":
          s.traceId = JsonValues.str(p);
          break;
        case "spanid":
          s.spanId = JsonValues.str(p);
          break;
        case "parentspanid":
          s.parentSpanId = JsonValues.str(p);
          break;
        case "tracestate":
          s.traceState = JsonValues.str(p);
          break;
        case "flags":
          s.flags = JsonValues.int32(p);
          break;
        case "name":
          s.name = JsonValues.str(p);
          break;
        case "kind":
          int k =
              JsonValues.enumValue(
                  p,
                  "SPAN_KIND_",
                  "UNSPECIFIED",
                  "INTERNAL",
                  "SERVER",
                  "CLIENT",
                  "PRODUCER",
                  "CONSUMER");
          s.kind = k >= 0 && k < KINDS.length ? KINDS[k] : SpanKind.INTERNAL;
          break;
        case "starttimeunixnano":
          s.startNs = JsonValues.int64(p);
          break;
        case "endtimeunixnano":
          s.endNs = JsonValues.int64(p);
          break;
        case "attributes":
          s.attributes = AnyValues.keyValues(p);
          break;
        case "droppedattributescount":
          s.droppedAttributes = JsonValues.int32(p);
          break;
        case "events":
          EventsAndLinks.events(p, s, EventsAndLinks.Format.OTLP);
          break;
        case "droppedeventscount":
          s.droppedEvents = JsonValues.int32(p);
          break;
        case "links":
          EventsAndLinks.links(p, s, EventsAndLinks.Format.OTLP);
          break;
        case "droppedlinkscount":
          s.droppedLinks = JsonValues.int32(p);
          break;
        case "status":
          s.status = status(p);
          break;
        default:
          p.skipChildren();
      }
    }
    s.finish();
    return s;
  }

  private static StatusData status(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return StatusData.unset();
    }
    JsonValues.expect(p, JsonToken.START_OBJECT);
    int code = 0;
    String message = "";
    while (p.nextToken() != JsonToken.END_OBJECT) {
      String f = JsonValues.norm(p.currentName());
      p.nextToken();
      if (f.equals("code")) {
        code = JsonValues.enumValue(p, "STATUS_CODE_", "UNSET", "OK", "ERROR");
      } else if (f.equals("message")) {
        message = JsonValues.str(p);
      } else {
        p.skipChildren();
      }
    }
    StatusCode c = code == 1 ? StatusCode.OK : code == 2 ? StatusCode.ERROR : StatusCode.UNSET;
    return StatusData.create(c, message);
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
