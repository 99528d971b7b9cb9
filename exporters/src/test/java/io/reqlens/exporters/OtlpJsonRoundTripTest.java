package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Parses every {@code otlp} line back with protobuf's own {@link JsonFormat} into the
 * opentelemetry-proto classes and compares it with a request built field by field from the input
 * spans.
 *
 * <p>One honest adjustment: OTLP/JSON (the file-exporter format) writes trace and span ids as hex,
 * while generic proto3 JSON, which {@code JsonFormat} implements, reads {@code bytes} fields as
 * base64. Before parsing, the test rewrites exactly the {@code traceId}, {@code spanId} and {@code
 * parentSpanId} values from hex to base64; nothing else is touched.
 */
class OtlpJsonRoundTripTest {

  private static final Pattern HEX_ID =
      Pattern.compile("\"(traceId|spanId|parentSpanId)\":\"([0-9a-f]*)\"");

  @Test
  void everyLineParsesBackToTheInputSpans() throws Exception {
    io.opentelemetry.sdk.resources.Resource other =
        io.opentelemetry.sdk.resources.Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), "billing"));
    SpanData foreign =
        TestSpanData.builder()
            .setSpanContext(
                TestSpans.context(
                    "1111111111111111", io.opentelemetry.api.trace.TraceState.getDefault()))
            .setParentSpanContext(SpanContext.getInvalid())
            .setResource(other)
            .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("billing"))
            .setName("charge")
            .setKind(io.opentelemetry.api.trace.SpanKind.PRODUCER)
            .setStartEpochNanos(TestSpans.T0)
            .setEndEpochNanos(TestSpans.T0 + 5)
            .setAttributes(
                Attributes.builder()
                    .put(AttributeKey.longArrayKey("n"), Arrays.asList(1L, -2L, Long.MAX_VALUE))
                    .put(AttributeKey.doubleArrayKey("d"), Arrays.asList(1.5, -0.25, 1e300))
                    .put(AttributeKey.booleanArrayKey("b"), Arrays.asList(true, false))
                    .put("unicode", "h\u00e9llo \u2603 \ud83d\ude00 \u0001")
                    .build())
            .setStatus(
                io.opentelemetry.sdk.trace.data.StatusData.create(
                    io.opentelemetry.api.trace.StatusCode.ERROR, "card declined"))
            .setHasEnded(true)
            .setTotalRecordedEvents(3)
            .build();
    List<SpanData> spans = new ArrayList<>(TestSpans.request());
    spans.add(1, foreign);

    JsonWriter out = new JsonWriter();
    new OtlpJsonEncoder().encode(spans, out);
    String text = new String(out.buffer(), 0, out.size(), java.nio.charset.StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertThat(lines).hasSize(1);

    ExportTraceServiceRequest.Builder parsed = ExportTraceServiceRequest.newBuilder();
    JsonFormat.parser().merge(hexIdsToBase64(lines[0]), parsed);
    assertThat(parsed.build()).isEqualTo(expected(spans));
  }

  static String hexIdsToBase64(String json) {
    Matcher m = HEX_ID.matcher(json);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String b64 = Base64.getEncoder().encodeToString(hex(m.group(2)).toByteArray());
      m.appendReplacement(sb, "\"" + m.group(1) + "\":\"" + Matcher.quoteReplacement(b64) + "\"");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The request the spans stand for, grouped by resource then scope in first-seen order. */
  static ExportTraceServiceRequest expected(List<SpanData> spans) {
    Map<io.opentelemetry.sdk.resources.Resource, Map<InstrumentationScopeInfo, List<SpanData>>>
        groups = new LinkedHashMap<>();
    for (SpanData s : spans) {
      groups
          .computeIfAbsent(s.getResource(), r -> new LinkedHashMap<>())
          .computeIfAbsent(s.getInstrumentationScopeInfo(), i -> new ArrayList<>())
          .add(s);
    }
    ExportTraceServiceRequest.Builder req = ExportTraceServiceRequest.newBuilder();
    groups.forEach(
        (resource, scopes) -> {
          ResourceSpans.Builder rs =
              ResourceSpans.newBuilder()
                  .setResource(
                      Resource.newBuilder()
                          .addAllAttributes(keyValues(resource.getAttributes(), false)));
          if (resource.getSchemaUrl() != null) {
            rs.setSchemaUrl(resource.getSchemaUrl());
          }
          scopes.forEach(
              (scope, list) -> {
                InstrumentationScope.Builder is =
                    InstrumentationScope.newBuilder().setName(scope.getName());
                if (scope.getVersion() != null) {
                  is.setVersion(scope.getVersion());
                }
                ScopeSpans.Builder ss = ScopeSpans.newBuilder().setScope(is);
                list.forEach(s -> ss.addSpans(span(s)));
                rs.addScopeSpans(ss);
              });
          req.addResourceSpans(rs);
        });
    return req.build();
  }

  private static Span span(SpanData s) {
    List<KeyValue> attrs = keyValues(s.getAttributes(), true);
    Span.Builder b =
        Span.newBuilder()
            .setTraceId(hex(s.getTraceId()))
            .setSpanId(hex(s.getSpanId()))
            .setTraceState(new TraceStateText().of(s.getSpanContext().getTraceState()))
            .setFlags(
                (s.getSpanContext().getTraceFlags().asByte() & 0xff)
                    | 0x100
                    | (s.getParentSpanContext().isRemote() ? 0x200 : 0))
            .setName(s.getName())
            .setKindValue(s.getKind().ordinal() + 1)
            .setStartTimeUnixNano(s.getStartEpochNanos())
            .setEndTimeUnixNano(s.getEndEpochNanos())
            .addAllAttributes(attrs)
            // Scrubbed-away attributes count as dropped, on top of those the SDK dropped.
            .setDroppedAttributesCount(Math.max(0, s.getTotalAttributeCount() - attrs.size()))
            .setDroppedEventsCount(Math.max(0, s.getTotalRecordedEvents() - s.getEvents().size()))
            .setDroppedLinksCount(Math.max(0, s.getTotalRecordedLinks() - s.getLinks().size()))
            .setStatus(
                Status.newBuilder()
                    .setMessage(s.getStatus().getDescription())
                    .setCodeValue(s.getStatus().getStatusCode().ordinal()));
    if (s.getParentSpanContext().isValid()) {
      b.setParentSpanId(hex(s.getParentSpanId()));
    }
    for (EventData e : s.getEvents()) {
      b.addEvents(
          Span.Event.newBuilder()
              .setTimeUnixNano(e.getEpochNanos())
              .setName(e.getName())
              .addAllAttributes(keyValues(e.getAttributes(), false)));
    }
    for (LinkData l : s.getLinks()) {
      b.addLinks(
          Span.Link.newBuilder()
              .setTraceId(hex(l.getSpanContext().getTraceId()))
              .setSpanId(hex(l.getSpanContext().getSpanId()))
              .setFlags(
                  (l.getSpanContext().getTraceFlags().asByte() & 0xff)
                      | 0x100
                      | (l.getSpanContext().isRemote() ? 0x200 : 0))
              .addAllAttributes(keyValues(l.getAttributes(), false)));
    }
    return b.build();
  }

  /** Span attributes go through the same scrub rule as the exporter (tested in ScrubTest). */
  private static List<KeyValue> keyValues(Attributes attributes, boolean scrub) {
    List<KeyValue> out = new ArrayList<>();
    SanitizedQueries queries = new SanitizedQueries();
    attributes.forEach(
        (k, v) -> {
          int action = scrub ? Scrub.action(k.getKey()) : Scrub.KEEP;
          if (action == Scrub.DROP) {
            return;
          }
          Object value =
              action != Scrub.KEEP && v instanceof String
                  ? Scrub.apply(action, (String) v, queries)
                  : v;
          out.add(KeyValue.newBuilder().setKey(k.getKey()).setValue(any(value)).build());
        });
    return out;
  }

  private static AnyValue any(Object v) {
    if (v instanceof String) {
      return AnyValue.newBuilder().setStringValue((String) v).build();
    } else if (v instanceof Long) {
      return AnyValue.newBuilder().setIntValue((Long) v).build();
    } else if (v instanceof Double) {
      return AnyValue.newBuilder().setDoubleValue((Double) v).build();
    } else if (v instanceof Boolean) {
      return AnyValue.newBuilder().setBoolValue((Boolean) v).build();
    } else if (v instanceof List) {
      ArrayValue.Builder a = ArrayValue.newBuilder();
      ((List<?>) v).forEach(e -> a.addValues(any(e)));
      return AnyValue.newBuilder().setArrayValue(a).build();
    }
    throw new AssertionError("unexpected value " + v);
  }

  private static ByteString hex(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return ByteString.copyFrom(b);
  }
}
