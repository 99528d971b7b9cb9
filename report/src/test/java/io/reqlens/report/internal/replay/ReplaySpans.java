package io.reqlens.report.internal.replay;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;

/** Spans that use every field a span file can hold, with fixed ids and times. */
final class ReplaySpans {

  static final long T0 = 1_763_700_000_000_000_000L;

  private ReplaySpans() {}

  static final Resource SHOP =
      Resource.create(
          Attributes.builder()
              .put("service.name", "shop")
              .put("service.version", "1.4.2")
              .put("host.name", "web-1")
              .build(),
          "https://opentelemetry.io/schemas/1.24.0");

  static final Resource BILLING =
      Resource.create(Attributes.builder().put("service.name", "billing").build());

  static final InstrumentationScopeInfo JDBC =
      InstrumentationScopeInfo.builder("io.opentelemetry.jdbc")
          .setVersion("2.33.1")
          .setSchemaUrl("https://opentelemetry.io/schemas/1.30.0")
          .setAttributes(Attributes.of(AttributeKey.stringKey("scope.kind"), "db"))
          .build();

  static final InstrumentationScopeInfo HTTP =
      InstrumentationScopeInfo.create("io.opentelemetry.http");

  /** {@code n} spans (n ≥ 4): the first four are special, the rest plain children, by trace. */
  static List<SpanData> all(int n) {
    List<SpanData> out = new ArrayList<>();
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    TraceState ts = TraceState.builder().put("vendor", "x1").put("ot", "th:c").build();
    SpanContext root = SpanContext.create(trace, "00f067aa0ba902b7", TraceFlags.getSampled(), ts);
    out.add(
        TestSpanData.builder()
            .setSpanContext(root)
            .setParentSpanContext(
                SpanContext.createFromRemoteParent(
                    trace, "00f067aa0ba90200", TraceFlags.getSampled(), ts))
            .setResource(SHOP)
            .setInstrumentationScopeInfo(HTTP)
            .setName("POST /api/orders/{id}")
            .setKind(SpanKind.SERVER)
            .setStartEpochNanos(T0)
            .setEndEpochNanos(T0 + 42_500_000)
            .setAttributes(
                Attributes.builder()
                    .put("http.route", "/api/orders/{id}")
                    .put("http.response.status_code", 500L)
                    .put("reqlens.ratio", 0.25)
                    .put("reqlens.nan", Double.NaN)
                    .put("error", true)
                    .put(AttributeKey.stringArrayKey("tags"), List.of("a", "é\"\\\n"))
                    .put(AttributeKey.longArrayKey("ports"), List.of(80L, 443L))
                    .put(AttributeKey.doubleArrayKey("weights"), List.of(0.5, 1e-300))
                    .put(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
                    .put(AttributeKey.stringArrayKey("empty"), List.of())
                    .put(
                        AttributeKey.valueKey("shape"),
                        Value.of(
                            KeyValue.of("n", Value.of(1L)),
                            KeyValue.of("bytes", Value.of(new byte[] {0, 1, (byte) 255})),
                            KeyValue.of("mixed", Value.of(Value.of("a"), Value.of(2L)))))
                    .build())
            .setTotalAttributeCount(14)
            .setEvents(
                List.of(
                    EventData.create(
                        T0 + 40_000_000,
                        "exception",
                        Attributes.builder()
                            .put("exception.type", "java.lang.IllegalStateException")
                            .put("exception.message", "stock \"low\"")
                            .build(),
                        3)))
            .setTotalRecordedEvents(2)
            .setLinks(
                List.of(
                    LinkData.create(
                        SpanContext.createFromRemoteParent(
                            "0af7651916cd43dd8448eb211c80319c",
                            "b7ad6b7169203331",
                            TraceFlags.getDefault(),
                            TraceState.builder().put("k", "v").build()),
                        Attributes.of(AttributeKey.stringKey("link.kind"), "batch"),
                        2)))
            .setTotalRecordedLinks(3)
            .setStatus(StatusData.create(StatusCode.ERROR, "stock low"))
            .setHasEnded(true)
            .build());
    out.add(
        child(trace, "00f067aa0ba902b8", "00f067aa0ba902b7", ts, SHOP, JDBC, 1, "SELECT orders"));
    out.add(
        child(
            "5bf92f3577b34da6a3ce929d0e0e4736",
            "10f067aa0ba902b8",
            null,
            TraceState.getDefault(),
            BILLING,
            HTTP,
            2,
            "GET /invoice"));
    SpanData ok =
        TestSpanData.builder()
            .setSpanContext(
                SpanContext.create(
                    "6bf92f3577b34da6a3ce929d0e0e4736",
                    "20f067aa0ba902b8",
                    TraceFlags.getSampled(),
                    TraceState.getDefault()))
            .setResource(SHOP)
            .setInstrumentationScopeInfo(HTTP)
            .setName("ok")
            .setKind(SpanKind.CONSUMER)
            .setStartEpochNanos(T0 + 3_000_000_000L)
            .setEndEpochNanos(T0 + 3_000_000_001L)
            .setStatus(StatusData.create(StatusCode.OK, ""))
            .setHasEnded(true)
            .build();
    out.add(ok);
    for (int i = 4; i < n; i++) {
      String t = String.format("%032x", 0x7000L + i);
      out.add(
          child(
              t,
              String.format("%016x", 0x9000L + i),
              String.format("%016x", 0x8000L + i),
              TraceState.getDefault(),
              i % 2 == 0 ? SHOP : BILLING,
              JDBC,
              4 + i,
              "span " + i));
    }
    return out;
  }

  static SpanData child(
      String trace,
      String span,
      String parent,
      TraceState ts,
      Resource resource,
      InstrumentationScopeInfo scope,
      int second,
      String name) {
    return TestSpanData.builder()
        .setSpanContext(SpanContext.create(trace, span, TraceFlags.getSampled(), ts))
        .setParentSpanContext(
            parent == null
                ? SpanContext.getInvalid()
                : SpanContext.create(trace, parent, TraceFlags.getSampled(), ts))
        .setResource(resource)
        .setInstrumentationScopeInfo(scope)
        .setName(name)
        .setKind(SpanKind.CLIENT)
        .setStartEpochNanos(T0 + second * 1_000_000_000L + 123)
        .setEndEpochNanos(T0 + second * 1_000_000_000L + 9_000_456)
        .setAttributes(Attributes.of(AttributeKey.longKey("n"), (long) second))
        .setTotalAttributeCount(1)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .build();
  }
}
