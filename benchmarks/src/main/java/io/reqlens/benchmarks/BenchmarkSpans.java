package io.reqlens.benchmarks;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic batches for exporter benchmarks: requests of one SERVER span with the attributes the
 * agent records, plus JDBC CLIENT children, under a typical agent resource.
 */
public final class BenchmarkSpans {

  static final Resource RESOURCE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "checkout")
              .put("service.version", "1.4.2")
              .put("deployment.environment.name", "production")
              .put("host.name", "checkout-7d9f8b6c5-x2x7k")
              .put("host.arch", "amd64")
              .put("os.type", "linux")
              .put("process.pid", 4242L)
              .put("process.runtime.name", "OpenJDK Runtime Environment")
              .put("process.runtime.version", "17.0.15+6-Debian-1deb12u1")
              .put("telemetry.sdk.language", "java")
              .put("telemetry.sdk.name", "opentelemetry")
              .put("telemetry.sdk.version", "1.67.0")
              .put("telemetry.distro.name", "opentelemetry-java-instrumentation")
              .put("telemetry.distro.version", "2.33.1")
              .build());
  static final InstrumentationScopeInfo TOMCAT =
      InstrumentationScopeInfo.builder("io.opentelemetry.tomcat-10.0").setVersion("2.33.1").build();
  static final InstrumentationScopeInfo JDBC =
      InstrumentationScopeInfo.builder("io.opentelemetry.jdbc").setVersion("2.33.1").build();
  private static final String[] QUERIES = {
    "SELECT o.id, o.status, o.total FROM orders o WHERE o.customer_id = ? ORDER BY o.created_at"
        + " DESC LIMIT ?",
    "SELECT i.sku, i.qty, i.price FROM order_items i WHERE i.order_id = ?",
    "UPDATE inventory SET qty = qty - ? WHERE sku = ? AND qty >= ?",
  };

  private BenchmarkSpans() {}

  /** {@code count} spans: requests of one SERVER span and three DB children (4 spans each). */
  public static List<SpanData> batch(int count) {
    SplittableRandom random = new SplittableRandom(42);
    List<SpanData> spans = new ArrayList<>(count);
    long t0 = 1_763_700_000_000_000_000L;
    TraceState state = TraceState.builder().put("ot", "th:c").build();
    while (spans.size() < count) {
      String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
      String serverId = String.format("%016x", random.nextLong() | 1);
      SpanContext server = SpanContext.create(traceId, serverId, TraceFlags.getSampled(), state);
      long start = t0 + spans.size() * 1_000_000L;
      for (int q = 0; q < 3 && spans.size() < count - 1; q++) {
        spans.add(
            TestSpanData.builder()
                .setSpanContext(
                    SpanContext.create(
                        traceId,
                        String.format("%016x", random.nextLong() | 1),
                        TraceFlags.getSampled(),
                        state))
                .setParentSpanContext(server)
                .setResource(RESOURCE)
                .setInstrumentationScopeInfo(JDBC)
                .setName(q == 2 ? "UPDATE shop.inventory" : "SELECT shop.orders")
                .setKind(SpanKind.CLIENT)
                .setStartEpochNanos(start + 1_000_000 + q * 3_000_000L)
                .setEndEpochNanos(start + 3_500_000 + q * 3_000_000L)
                .setAttributes(
                    Attributes.builder()
                        .put("db.system.name", "postgresql")
                        .put("db.namespace", "shop")
                        .put("db.operation.name", q == 2 ? "UPDATE" : "SELECT")
                        .put("db.collection.name", q == 2 ? "inventory" : "orders")
                        .put("db.query.text", QUERIES[q])
                        .put("server.address", "db.internal")
                        .put("server.port", 5432L)
                        .put("thread.name", "http-nio-8080-exec-7")
                        .put("thread.id", 57L)
                        .build())
                .setTotalAttributeCount(9)
                .setStatus(StatusData.unset())
                .setHasEnded(true)
                .build());
      }
      spans.add(
          TestSpanData.builder()
              .setSpanContext(server)
              .setParentSpanContext(SpanContext.getInvalid())
              .setResource(RESOURCE)
              .setInstrumentationScopeInfo(TOMCAT)
              .setName("GET /api/orders/{id}")
              .setKind(SpanKind.SERVER)
              .setStartEpochNanos(start)
              .setEndEpochNanos(start + 12_000_000)
              .setAttributes(
                  Attributes.builder()
                      .put("http.request.method", "GET")
                      .put("http.route", "/api/orders/{id}")
                      .put("url.path", "/api/orders/" + random.nextInt(100_000))
                      .put("url.scheme", "https")
                      .put("http.response.status_code", 200L)
                      .put("network.protocol.version", "1.1")
                      .put("server.address", "shop.example.com")
                      .put("server.port", 443L)
                      .put("client.address", "10.1.2.3")
                      .put(
                          "user_agent.original",
                          "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36")
                      .put("http.response.body.size", 1834L)
                      .put("thread.name", "http-nio-8080-exec-7")
                      .build())
              .setTotalAttributeCount(12)
              .setStatus(StatusData.unset())
              .setHasEnded(true)
              .build());
    }
    return spans;
  }
}
