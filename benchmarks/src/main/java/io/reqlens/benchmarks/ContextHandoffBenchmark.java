package io.reqlens.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.sampler.localtrace.ContextHandoff;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * What the context storage wrapper ({@link ContextHandoff}, the profiler's hand-off hook) adds to
 * every {@code Context.makeCurrent()} and {@code Scope.close()} of an application: one attach and
 * close through the wrapped default storage against the plain default storage ({@code plain}),
 * which is what {@code makeCurrent} calls in the storage in use.
 *
 * <ul>
 *   <li>{@code notProfiled}: a span that belongs to no running request of the processor (made by
 *       another tracer provider): the span comparison and one lookup that misses — the cost for
 *       every context that is not a request's; {@code makeCurrentNotProfiled} is the same through
 *       {@code Context.makeCurrent()}, the storage in use being wrapped by {@link
 *       ContextHandoff#install()} (the processor installs it when it is built);
 *   <li>{@code ownThread}: a span of a running request, on the request's own thread (a query's span
 *       under its server span): one lookup that hits, a thread comparison;
 *   <li>{@code handedOff}: the request's context on another thread (a pool task): the entry counted
 *       under the trace's monitor, the thread added to and removed from the recording, a scope.
 * </ul>
 *
 * <p>The processor's profiler is on with {@code after} 1 h, so nothing is ever sampled (a capture
 * would stop the benchmark thread). Nothing is current before each attach.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ContextHandoffBenchmark -prof gc -f 1
 * -wi 3 -w 1 -i 5 -r 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContextHandoffBenchmark {

  private final CountDownLatch requestEnds = new CountDownLatch(1);
  private LocalTraceProcessor processor;
  private SdkTracerProvider provider;
  private SdkTracerProvider other;
  private Thread requestThread;
  private Span ownRoot;
  private ContextStorage plainStorage;
  private ContextStorage wrappedStorage;
  private Context foreign;
  private Context ownQuery;
  private Context handedOff;

  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    processor =
        LocalTraceProcessor.builder(SpanProcessor.composite())
            .setProfilerAfter(Duration.ofHours(1))
            .build();
    if (!ContextHandoff.isInstalled()) {
      throw new IllegalStateException("the wrapper is not in use: the lookups would all miss");
    }
    provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    other = SdkTracerProvider.builder().build();
    plainStorage = ContextStorage.defaultStorage();
    wrappedStorage = ContextHandoff.wrap(plainStorage);

    foreign = Context.root().with(other.get("bench").spanBuilder("no request").startSpan());
    // A request running on this thread (a local root started here) and one of its queries.
    ownRoot =
        provider.get("bench").spanBuilder("GET /own").setSpanKind(SpanKind.SERVER).startSpan();
    ownQuery =
        Context.root()
            .with(
                provider
                    .get("bench")
                    .spanBuilder("SELECT")
                    .setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.root().with(ownRoot))
                    .startSpan());
    // A request running on another thread, whose context this thread attaches (a pool task).
    AtomicReference<Span> root = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    requestThread =
        new Thread(
            () -> {
              Span span =
                  provider
                      .get("bench")
                      .spanBuilder("GET /handoff")
                      .setSpanKind(SpanKind.SERVER)
                      .startSpan();
              root.set(span);
              started.countDown();
              try {
                requestEnds.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              span.end();
            },
            "request");
    requestThread.setDaemon(true);
    requestThread.start();
    started.await();
    handedOff = Context.root().with(root.get());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    requestEnds.countDown();
    requestThread.join();
    ownRoot.end();
    provider.close();
    other.close();
  }

  @Benchmark
  public void plain() {
    plainStorage.attach(foreign).close();
  }

  @Benchmark
  public void notProfiled() {
    wrappedStorage.attach(foreign).close();
  }

  /** {@code notProfiled} through the API: {@code makeCurrent} on the storage in use (wrapped). */
  @Benchmark
  public void makeCurrentNotProfiled() {
    foreign.makeCurrent().close();
  }

  @Benchmark
  public void ownThread() {
    wrappedStorage.attach(ownQuery).close();
  }

  @Benchmark
  public void handedOff() {
    wrappedStorage.attach(handedOff).close();
  }
}
