package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A real SDK pipeline: sampler → LocalTraceProcessor → SimpleSpanProcessor → in-memory. */
final class ProcessorFixture implements AutoCloseable {

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final SdkMeterProvider meterProvider =
      SdkMeterProvider.builder().registerMetricReader(metrics).build();
  final LocalTraceProcessor processor;
  final SdkTracerProvider provider;
  final Tracer tracer;
  private final FixedIds ids = new FixedIds();

  /** Random ids, except that the next root can be given its trace id. */
  private static final class FixedIds implements IdGenerator {
    volatile String next;

    @Override
    public String generateSpanId() {
      return IdGenerator.random().generateSpanId();
    }

    @Override
    public String generateTraceId() {
      String id = next;
      next = null;
      return id != null ? id : IdGenerator.random().generateTraceId();
    }
  }

  /** The trace id of the next root span. */
  void nextTraceId(String traceId) {
    ids.next = traceId;
  }

  ProcessorFixture(Sampler sampler, Consumer<LocalTraceProcessorBuilder> configure) {
    LocalTraceProcessorBuilder b =
        LocalTraceProcessor.builder(SimpleSpanProcessor.create(exporter))
            .setMeterProvider(meterProvider);
    configure.accept(b);
    processor = b.build();
    provider =
        SdkTracerProvider.builder()
            .setSampler(sampler)
            .setIdGenerator(ids)
            .addSpanProcessor(processor)
            .build();
    tracer = provider.get("test");
  }

  /** Starts a SERVER root at epoch-second 1000 with start attributes. */
  Span server(String path, String route) {
    SpanBuilder b =
        tracer
            .spanBuilder("GET " + (route != null ? route : path))
            .setSpanKind(SpanKind.SERVER)
            .setNoParent()
            .setStartTimestamp(1000, TimeUnit.SECONDS)
            .setAttribute("url.path", path)
            .setAttribute("http.request.method", "GET");
    Span span = b.startSpan();
    if (route != null) {
      span.setAttribute("http.route", route); // known only after routing, as in real servers
    }
    return span;
  }

  Span db(Span parent, String statement, long startMillis, long durationMillis) {
    Span s =
        tracer
            .spanBuilder("SELECT users")
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.root().with(parent))
            .setStartTimestamp(1000_000 + startMillis, TimeUnit.MILLISECONDS)
            .setAttribute("db.system.name", "h2")
            .setAttribute("db.query.text", statement)
            .startSpan();
    s.end(1000_000 + startMillis + durationMillis, TimeUnit.MILLISECONDS);
    return s;
  }

  Span child(Span parent, String name, SpanKind kind) {
    return tracer
        .spanBuilder(name)
        .setSpanKind(kind)
        .setParent(Context.root().with(parent))
        .startSpan();
  }

  static void endAfter(Span span, long millis) {
    span.end(1000_000 + millis, TimeUnit.MILLISECONDS);
  }

  List<SpanData> spans() {
    return exporter.getFinishedSpanItems();
  }

  List<SpanData> spansOf(Span root) {
    String traceId = root.getSpanContext().getTraceId();
    return spans().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .collect(Collectors.toList());
  }

  long counter(String name, String reason) {
    return metrics.collectAllMetrics().stream()
        .filter(m -> m.getName().equals(name))
        .flatMap(m -> m.getLongSumData().getPoints().stream())
        .filter(p -> reason == null || reason.equals(p.getAttributes().get(ProcessorStats.REASON)))
        .mapToLong(p -> p.getValue())
        .sum();
  }

  @Override
  public void close() {
    provider.close();
    meterProvider.close();
  }
}
