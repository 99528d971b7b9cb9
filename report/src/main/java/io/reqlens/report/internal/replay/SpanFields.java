package io.reqlens.report.internal.replay;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/**
 * One span's own fields while its line is parsed; the resource and scope, which OTLP/JSON may write
 * after the spans, are joined in {@link ReplaySpan}.
 */
final class SpanFields {

  /** OTLP {@code Span.flags}: bit 8 says bit 9 is known, bit 9 that the parent is remote. */
  static final int HAS_IS_REMOTE = 0x100;

  static final int IS_REMOTE = 0x200;

  String traceId = "";
  String spanId = "";
  String parentSpanId = "";
  String traceState = "";
  int flags;
  String name = "";
  SpanKind kind = SpanKind.INTERNAL;
  long startNs;
  long endNs;
  Attributes attributes = Attributes.empty();
  int droppedAttributes;
  final List<EventData> events = new ArrayList<>();
  int droppedEvents;
  final List<LinkData> links = new ArrayList<>();
  int droppedLinks;
  StatusData status = StatusData.unset();

  SpanContext context;
  SpanContext parent;

  /** Builds the contexts; a span without valid ids is refused. */
  void finish() {
    TraceState state = traceState(traceState);
    TraceFlags traceFlags = TraceFlags.fromByte((byte) (flags & 0xff));
    context = SpanContext.create(traceId, spanId, traceFlags, state);
    if (!context.isValid()) {
      throw new BadLine("span without a valid trace id and span id");
    }
    if (parentSpanId.isEmpty()) {
      parent = SpanContext.getInvalid();
    } else {
      boolean remote = (flags & IS_REMOTE) != 0;
      parent =
          remote
              ? SpanContext.createFromRemoteParent(traceId, parentSpanId, traceFlags, state)
              : SpanContext.create(traceId, parentSpanId, traceFlags, state);
      if (!parent.isValid()) {
        throw new BadLine("invalid parent span id '" + Excerpt.of(parentSpanId) + "'");
      }
    }
  }

  /**
   * W3C {@code tracestate} text to a {@link TraceState} in the same order. The SDK's builder keeps
   * entries newest-first, so they are put last to first. Entries the W3C grammar refuses are left
   * out (the SDK would never have written them).
   */
  static TraceState traceState(String text) {
    if (text == null || text.isEmpty()) {
      return TraceState.getDefault();
    }
    String[] members = text.split(",", -1);
    var builder = TraceState.builder();
    for (int i = members.length - 1; i >= 0; i--) {
      String m = members[i].trim();
      int eq = m.indexOf('=');
      if (eq > 0) {
        builder.put(m.substring(0, eq), m.substring(eq + 1));
      }
    }
    return builder.build();
  }

  static SpanContext linkContext(String traceId, String spanId, String state, int flags) {
    TraceFlags tf = TraceFlags.fromByte((byte) (flags & 0xff));
    TraceState ts = traceState(state);
    return (flags & IS_REMOTE) != 0
        ? SpanContext.createFromRemoteParent(traceId, spanId, tf, ts)
        : SpanContext.create(traceId, spanId, tf, ts);
  }
}
