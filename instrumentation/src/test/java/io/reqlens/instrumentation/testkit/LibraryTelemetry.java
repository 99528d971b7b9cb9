package io.reqlens.instrumentation.testkit;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.sampler.ReqlensSampler;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;

/**
 * The SDK a library-instrumented app under test uses, as autoconfigure builds it with
 * reqlens-sampler: the {@code reqlens} sampler with the kit's excluded routes (what {@code
 * OTEL_REQLENS_EXCLUDE_ROUTES} configures), the local-trace processor in front of the exporting
 * processor (it redacts secret query parameters), W3C propagation, and a strict in-memory sink.
 */
public final class LibraryTelemetry implements AutoCloseable {

  private final OpenTelemetrySdk sdk;
  private final InMemorySpanSink sink;

  public LibraryTelemetry(String excludedRoutes) {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    this.sink = new InMemorySpanSink(exporter);
    this.sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(
                        ReqlensSampler.builder()
                            .setExcludedRoutes(RouteList.parse(excludedRoutes))
                            .build())
                    .addSpanProcessor(
                        LocalTraceProcessor.builder(SimpleSpanProcessor.create(exporter))
                            .setExcludedRoutes(RouteList.parse(excludedRoutes))
                            .build())
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
  }

  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  public SpanSink sink() {
    return sink;
  }

  @Override
  public void close() {
    sdk.close();
  }
}
