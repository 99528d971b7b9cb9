package io.reqlens.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request — a SERVER span with three database CLIENT children — through the SDK with the
 * Reqlens local-trace processor in front of a {@code BatchSpanProcessor} ({@code reqlensProcessor},
 * the profiler on as by default: a request this fast is registered, never sampled; {@code
 * reqlensProfilerOff} with {@code OTEL_REQLENS_PROFILER=off}) against the same pipeline without it
 * ({@code sdkBatchOnly}). All export to a no-op exporter; what is measured is the cost on the
 * request thread, span creation included.
 *
 * <p>{@code reqlensSync} and {@code sdkSyncOnly} are the same request with each span exported on
 * the calling thread (a {@code SimpleSpanProcessor}), so their {@code B/op} is deterministic and
 * includes the export side.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProcessorBenchmark -prof gc -f 1 -wi 3
 * -i 5}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProcessorBenchmark {

  private SdkTracerProvider reqlens;
  private SdkTracerProvider reqlensOff;
  private SdkTracerProvider sdk;
  private SdkTracerProvider reqlensSync;
  private SdkTracerProvider sdkSync;
  private Tracer reqlensTracer;
  private Tracer reqlensOffTracer;
  private Tracer sdkTracer;
  private Tracer reqlensSyncTracer;
  private Tracer sdkSyncTracer;

  @Setup(Level.Trial)
  public void setUp() {
    reqlens = provider(LocalTraceProcessor.builder(batch()).build());
    reqlensOff = provider(LocalTraceProcessor.builder(batch()).setProfilerEnabled(false).build());
    sdk = provider(batch());
    reqlensSync = provider(LocalTraceProcessor.builder(simple()).build());
    sdkSync = provider(simple());
    reqlensTracer = reqlens.get("benchmark");
    reqlensOffTracer = reqlensOff.get("benchmark");
    sdkTracer = sdk.get("benchmark");
    reqlensSyncTracer = reqlensSync.get("benchmark");
    sdkSyncTracer = sdkSync.get("benchmark");
  }

  /**
   * Why also a synchronous pipeline? With the batch processor, spans are exported on its own thread
   * and dropped when its queue is full, so how much export-side work (and allocation) a {@code
   * B/op} figure contains depends on how much CPU that thread got. Exporting each span on the
   * calling thread makes {@code B/op} the whole cost of a request, the same on a busy machine as on
   * a quiet one: {@code reqlensSync} minus {@code sdkSyncOnly} is what Reqlens allocates per
   * request.
   */
  private static SpanProcessor simple() {
    return SimpleSpanProcessor.create(new NoopExporter());
  }

  private static SpanProcessor batch() {
    return BatchSpanProcessor.builder(new NoopExporter()).setMaxQueueSize(8192).build();
  }

  private static SdkTracerProvider provider(SpanProcessor processor) {
    return SdkTracerProvider.builder()
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(processor)
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    reqlens.shutdown().join(10, TimeUnit.SECONDS);
    reqlensOff.shutdown().join(10, TimeUnit.SECONDS);
    sdk.shutdown().join(10, TimeUnit.SECONDS);
    reqlensSync.shutdown().join(10, TimeUnit.SECONDS);
    sdkSync.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Benchmark
  public Span reqlensProcessor() {
    return request(reqlensTracer);
  }

  @Benchmark
  public Span reqlensProfilerOff() {
    return request(reqlensOffTracer);
  }

  @Benchmark
  public Span sdkBatchOnly() {
    return request(sdkTracer);
  }

  @Benchmark
  public Span reqlensSync() {
    return request(reqlensSyncTracer);
  }

  @Benchmark
  public Span sdkSyncOnly() {
    return request(sdkSyncTracer);
  }

  private static Span request(Tracer tracer) {
    Span server =
        tracer
            .spanBuilder("GET /api/users/{id}")
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "GET")
            .setAttribute("url.path", "/api/users/42")
            .setAttribute("url.scheme", "http")
            .setAttribute("server.address", "127.0.0.1")
            .setAttribute("server.port", 8080L)
            .startSpan();
    Context context = Context.root().with(server);
    for (int i = 0; i < 3; i++) {
      tracer
          .spanBuilder("SELECT users")
          .setParent(context)
          .setSpanKind(SpanKind.CLIENT)
          .setAttribute("db.system.name", "h2")
          .setAttribute("db.query.text", "SELECT id, name FROM users WHERE id = ?")
          .setAttribute("db.operation.name", "SELECT")
          .setAttribute("db.collection.name", "users")
          .startSpan()
          .end();
    }
    server.setAttribute("http.route", "/api/users/{id}");
    server.setAttribute("http.response.status_code", 200L);
    server.end();
    return server;
  }

  private static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      for (SpanData s : spans) {
        s.getAttributes(); // touch the exported view, as a real exporter would
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
