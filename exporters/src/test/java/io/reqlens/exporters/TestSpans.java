package io.reqlens.exporters;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Deterministic, realistic spans: a request with a query, a function and a failure. */
final class TestSpans {

  static final long T0 = 1_763_700_000_000_000_000L;
  static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SERVER = "00f067aa0ba902b7";
  static final String DB = "00f067aa0ba902b8";
  static final String FN = "00f067aa0ba902b9";
  static final String REMOTE_PARENT = "53995c3f42cd8ad8";

  static final Resource RESOURCE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "checkout")
              .put("service.version", "1.4.2")
              .put("host.name", "web-1")
              .put("telemetry.sdk.language", "java")
              .build(),
          "https://opentelemetry.io/schemas/1.24.0");
  static final InstrumentationScopeInfo TOMCAT =
      InstrumentationScopeInfo.builder("io.opentelemetry.tomcat-10.0").setVersion("2.33.1").build();
  static final InstrumentationScopeInfo JDBC =
      InstrumentationScopeInfo.builder("io.opentelemetry.jdbc").setVersion("2.33.1").build();
  static final InstrumentationScopeInfo APP = InstrumentationScopeInfo.create("checkout");

  static final TraceState QUARTER = TraceState.builder().put("ot", "th:c").build();

  private TestSpans() {}

  static SpanContext context(String spanId, TraceState state) {
    return SpanContext.create(TRACE, spanId, TraceFlags.getSampled(), state);
  }

  /** A POST /api/orders/{id} server span with a remote parent, sampled at 0.25. */
  static SpanData server() {
    return TestSpanData.builder()
        .setSpanContext(context(SERVER, QUARTER))
        .setParentSpanContext(
            SpanContext.createFromRemoteParent(
                TRACE, REMOTE_PARENT, TraceFlags.getSampled(), QUARTER))
        .setResource(RESOURCE)
        .setInstrumentationScopeInfo(TOMCAT)
        .setName("POST /api/orders/{id}")
        .setKind(SpanKind.SERVER)
        .setStartEpochNanos(T0)
        .setEndEpochNanos(T0 + 42_500_000)
        .setAttributes(
            Attributes.builder()
                .put("http.request.method", "POST")
                .put("http.route", "/api/orders/{id}")
                .put("url.path", "/api/orders/17?token=secret")
                .put("url.query", "token=secret")
                .put(
                    AttributeKey.stringArrayKey("http.request.header.cookie"),
                    Collections.singletonList("session=secret"))
                .put("url.scheme", "https")
                .put("http.response.status_code", 500L)
                .put("http.request.body.size", 512L)
                .put("http.response.body.size", 87L)
                .put("reqlens.db.count", 1L)
                .put("reqlens.db.duration_ns", 12_000_000L)
                .put(AttributeKey.stringArrayKey("test.tags"), Arrays.asList("a", "b\"q"))
                .put("test.ratio", 0.5)
                .put("test.flag", true)
                .build())
        .setTotalAttributeCount(15)
        .setEvents(
            Collections.singletonList(
                EventData.create(
                    T0 + 40_000_000,
                    "exception",
                    Attributes.builder()
                        .put("exception.type", "java.lang.IllegalStateException")
                        .put("exception.message", "stock \"low\"")
                        .put(
                            "exception.stacktrace",
                            "java.lang.IllegalStateException: stock \"low\"\n"
                                + "\tat app.Orders.place(Orders.java:42)\n")
                        .build())))
        .setTotalRecordedEvents(1)
        .setLinks(
            Collections.singletonList(
                LinkData.create(
                    SpanContext.createFromRemoteParent(
                        "0af7651916cd43dd8448eb211c80319c",
                        "b7ad6b7169203331",
                        TraceFlags.getDefault(),
                        TraceState.getDefault()),
                    Attributes.of(AttributeKey.stringKey("link.kind"), "retry"))))
        .setTotalRecordedLinks(1)
        .setStatus(StatusData.error())
        .setHasEnded(true)
        .build();
  }

  /** A JDBC query whose instrumentation left literals in (sanitizer disabled). */
  static SpanData db() {
    return TestSpanData.builder()
        .setSpanContext(context(DB, QUARTER))
        .setParentSpanContext(context(SERVER, QUARTER))
        .setResource(RESOURCE)
        .setInstrumentationScopeInfo(JDBC)
        .setName("SELECT shop.orders")
        .setKind(SpanKind.CLIENT)
        .setStartEpochNanos(T0 + 1_000_000)
        .setEndEpochNanos(T0 + 13_000_000)
        .setAttributes(
            Attributes.builder()
                .put("db.system.name", "postgresql")
                .put("db.namespace", "shop")
                .put("db.operation.name", "SELECT")
                .put("db.collection.name", "orders")
                .put(
                    "db.query.text",
                    "SELECT * FROM orders WHERE id = 17 AND email = 'a@b.c' AND sku IN (1, 2, 3) --"
                        + " by id")
                .put("db.response.returned_rows", 1L)
                .put("server.address", "db.internal")
                .build())
        .setTotalAttributeCount(7)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .build();
  }

  /** An INTERNAL span from old code semconv, OK status. */
  static SpanData fn() {
    return TestSpanData.builder()
        .setSpanContext(context(FN, QUARTER))
        .setParentSpanContext(context(SERVER, QUARTER))
        .setResource(RESOURCE)
        .setInstrumentationScopeInfo(APP)
        .setName("Orders.price")
        .setKind(SpanKind.INTERNAL)
        .setStartEpochNanos(T0 + 14_000_000)
        .setEndEpochNanos(T0 + 20_000_000)
        .setAttributes(
            Attributes.builder()
                .put("code.namespace", "app.Orders")
                .put("code.function", "price")
                .build())
        .setTotalAttributeCount(2)
        .setStatus(StatusData.ok())
        .setHasEnded(true)
        .build();
  }

  /** The three spans in the order a BatchSpanProcessor sees them: children first. */
  static List<SpanData> request() {
    return Arrays.asList(db(), fn(), server());
  }
}
