package io.reqlens.report.internal.replay;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * OTLP requests as one entry per span — the span with its resource and scope, schema URLs included
 * — so what the receiver got and what the original spans marshal to compare exactly, whatever the
 * batching.
 */
final class Flattened {

  private Flattened() {}

  /** What the SDK's OTLP marshaler makes of {@code spans}. */
  static List<ResourceSpans> of(Collection<SpanData> spans) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TraceRequestMarshaler.create(spans).writeBinaryTo(bytes);
    return of(List.of(ExportTraceServiceRequest.parseFrom(bytes.toByteArray())));
  }

  /** One {@code ResourceSpans} holding one scope holding one span, per span; sorted by span id. */
  static List<ResourceSpans> of(List<ExportTraceServiceRequest> requests) {
    List<ResourceSpans> out = new ArrayList<>();
    for (ExportTraceServiceRequest r : requests) {
      for (ResourceSpans rs : r.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          for (Span s : ss.getSpansList()) {
            out.add(
                rs.toBuilder()
                    .clearScopeSpans()
                    .addScopeSpans(ss.toBuilder().clearSpans().addSpans(s))
                    .build());
          }
        }
      }
    }
    out.sort(Comparator.comparing(Flattened::key));
    return out;
  }

  static String key(ResourceSpans rs) {
    Span s = rs.getScopeSpans(0).getSpans(0);
    return Checkpoint.hex(s.getTraceId().toByteArray())
        + Checkpoint.hex(s.getSpanId().toByteArray());
  }

  static Span span(ResourceSpans rs) {
    return rs.getScopeSpans(0).getSpans(0);
  }
}
