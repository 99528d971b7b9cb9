package io.reqlens.sampler.localtrace;

import static io.reqlens.sampler.localtrace.ProfilingTestSupport.awaitIn;
import static io.reqlens.sampler.localtrace.ProfilingTestSupport.rootOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import io.reqlens.examples.fixture.Shop;
import io.reqlens.profiler.Recording;
import io.reqlens.profiler.RequestProfiler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The context storage wrapper on a real SDK pipeline, wrapping the default storage directly (not
 * the process-wide one, so no test depends on what ran first): a context attached on another thread
 * counts for its request until the scope closes, nested and re-entrant activations and both hooks
 * together count a thread once, what is not a running request is left alone, and a failure inside
 * never reaches the caller. Ticks are driven by the test and threads are caught where they wait.
 */
class HandoffStorageTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RequestProfiler profiler =
      RequestProfiler.builder().setTickThread(false).setTicker(now::get).build();
  private final ProcessorFixture f =
      new ProcessorFixture(Sampler.alwaysOn(), b -> b.setProfiler(profiler));
  private final HandoffStorage storage =
      new HandoffStorage(ContextStorage.defaultStorage(), f.processor::traceOf);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    f.close();
  }

  @Test
  void aContextAttachedOnAnotherThreadCountsForTheRequestUntilItsScopeCloses() throws Exception {
    AtomicReference<Span> root = new AtomicReference<>();
    CountDownLatch requestDone = new CountDownLatch(1);
    CountDownLatch workerDone = new CountDownLatch(1);
    Thread request =
        start(
            "request",
            () -> {
              root.set(f.server("/api/handoff", "/api/handoff"));
              Shop.handleOrders(requestDone);
              root.get().end();
            });
    await().atMost(Duration.ofSeconds(30)).until(() -> root.get() != null);
    Thread worker =
        start(
            "worker",
            () -> {
              try (Scope ignored = storage.attach(Context.root().with(root.get()))) {
                Shop.computeInWorker(workerDone); // no span: only the context came along
              }
              idleAfterHandoff(release);
            });
    awaitIn(request, "handleOrders");
    awaitIn(worker, "computeInWorker");
    tick(Duration.ofMillis(50)); // both threads
    workerDone.countDown();
    awaitIn(worker, "idleAfterHandoff");
    tick(Duration.ofMillis(10)); // the scope closed: the request's thread only
    requestDone.countDown();
    request.join();

    FoldedProfile profile = ((ProfiledSpanData) rootOf(f.spans())).profile();
    assertThat(profile.samples()).isEqualTo(3);
    assertThat(profile.stacks())
        .hasSize(2)
        .anySatisfy(s -> assertThat(s).contains(".Shop.handleOrders;").endsWith(" 2"))
        .anySatisfy(s -> assertThat(s).contains(".Shop.computeInWorker;").endsWith(" 1"))
        .noneSatisfy(s -> assertThat(s).contains("idleAfterHandoff"));
    assertThat(profiler.stats().threadsRejected()).isZero();
  }

  @Test
  void nestedActivationsAndBothHooksCountTheThreadOnce() throws Exception {
    Span root = f.server("/api/handoff", "/api/handoff"); // this thread is the request's
    LocalTrace trace = f.processor.traceOf(root.getSpanContext().getSpanId());
    List<Integer> open = new ArrayList<>();
    Thread worker =
        start(
            "worker",
            () -> {
              Scope outer = storage.attach(Context.root().with(root));
              open.add(openOn(trace)); // 1: the outermost activation adds the thread
              Span child = f.child(root, "reconcile", SpanKind.INTERNAL); // the span hook too
              open.add(openOn(trace)); // 2: one more entry, not one more thread
              Scope childScope = storage.attach(Context.root().with(child));
              open.add(openOn(trace)); // 2: nested in its own request's activation
              Scope noSpan = storage.attach(Context.root());
              open.add(openOn(trace)); // 2: a context without a span changes nothing
              Scope again = storage.attach(Context.root().with(root));
              open.add(openOn(trace)); // 3: re-entered under a context without the request
              Deque<Scope> deep = new ArrayDeque<>();
              for (int i = 0; i < 2 * Recording.MAX_THREADS; i++) {
                deep.push(storage.attach(Context.root())); // re-entered 16 times more
                deep.push(storage.attach(Context.root().with(root)));
              }
              open.add(openOn(trace)); // 19
              while (!deep.isEmpty()) {
                deep.pop().close();
              }
              again.close();
              open.add(openOn(trace)); // 2
              noSpan.close();
              childScope.close();
              child.end();
              open.add(openOn(trace)); // 1
              outer.close();
              outer.close(); // a second close ends nothing more
              open.add(openOn(trace)); // 0
            });
    worker.join();
    root.end();

    assertThat(open).containsExactly(1, 2, 2, 2, 3, 19, 2, 1, 0);
    assertThat(profiler.stats().threadsRejected())
        .as("the recording held the worker once, never up to its limit of 8")
        .isZero();
  }

  @Test
  void aSpanOfNoRunningRequestAndTheRequestsOwnThreadAreLeftAlone() throws Exception {
    Scope plain = () -> {};
    RecordingStorage delegate = new RecordingStorage(plain);
    HandoffStorage wrapped = new HandoffStorage(delegate, f.processor::traceOf);
    Span root = f.server("/api/users", "/api/users");
    LocalTrace trace = f.processor.traceOf(root.getSpanContext().getSpanId());
    Span child = f.child(root, "SELECT", SpanKind.CLIENT);
    Span foreign;
    try (SdkTracerProvider other = SdkTracerProvider.builder().build()) {
      foreign = other.get("test").spanBuilder("not a request of the processor").startSpan();
    }

    // The request's own thread (this one): sampled already, nothing to add.
    assertThat(wrapped.attach(Context.root().with(child))).isSameAs(plain);
    List<Scope> onWorker = new ArrayList<>();
    Thread worker =
        start(
            "worker",
            () -> {
              onWorker.add(wrapped.attach(Context.root().with(foreign))); // no running request
              onWorker.add(wrapped.attach(Context.root().with(Span.getInvalid())));
            });
    worker.join();
    assertThat(onWorker).containsExactly(plain, plain);
    assertThat(openOn(trace, worker)).isZero();

    child.end();
    root.end(); // decided: a late hand-off is no longer the request's work
    Thread late = start("late", () -> onWorker.add(wrapped.attach(Context.root().with(root))));
    late.join();
    assertThat(onWorker).containsExactly(plain, plain, plain);
    assertThat(delegate.attached).hasSize(4);
    assertThat(profiler.stats().threadsRejected()).isZero();
  }

  @Test
  void withTheProfilerOffNothingIsLookedUpOrAdded() throws Exception {
    try (ProcessorFixture off =
        new ProcessorFixture(Sampler.alwaysOn(), b -> b.setProfilerEnabled(false))) {
      Scope plain = () -> {};
      HandoffStorage wrapped =
          new HandoffStorage(new RecordingStorage(plain), off.processor::traceOf);
      Span root = off.server("/api/handoff", "/api/handoff");
      List<Scope> scopes = new ArrayList<>();
      Thread worker = start("worker", () -> scopes.add(wrapped.attach(Context.root().with(root))));
      worker.join();
      root.end();

      assertThat(scopes).containsExactly(plain);
      assertThat(off.processor.attributesByContext()).isFalse();
    }
  }

  @Test
  void aFailureInsideNeverReachesTheCaller() throws Exception {
    Function<String, LocalTrace> broken =
        id -> {
          throw new IllegalStateException("simulated failure inside the profiler");
        };
    HandoffStorage wrapped = new HandoffStorage(ContextStorage.defaultStorage(), broken);
    Span root = f.server("/api/handoff", "/api/handoff");
    Context context = Context.root().with(root);
    long before = ContextHandoff.failures();
    List<Object> seen = new ArrayList<>();
    Thread worker =
        start(
            "worker",
            () -> {
              try (Scope ignored = wrapped.attach(context)) {
                seen.add(wrapped.current());
              }
              seen.add(wrapped.current());
            });
    worker.join();
    root.end();

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).as("attached as without the wrapper").isSameAs(context);
    assertThat(seen.get(1)).as("and detached").isNotSameAs(context);
    assertThat(ContextHandoff.failures() - before).as("counted").isEqualTo(1);
  }

  /** Where the worker waits once its scope closed: no longer the request's work. */
  private static void idleAfterHandoff(CountDownLatch release) {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int openOn(LocalTrace trace) {
    return openOn(trace, Thread.currentThread());
  }

  private static int openOn(LocalTrace trace, Thread thread) {
    synchronized (trace) {
      return trace.openOn(thread);
    }
  }

  private void tick(Duration elapsed) {
    now.addAndGet(elapsed.toNanos());
    profiler.tick();
  }

  private static Thread start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** A storage that only records what it was asked to attach and returns one scope. */
  private static final class RecordingStorage implements ContextStorage {
    final List<Context> attached = new ArrayList<>();
    private final Scope scope;

    RecordingStorage(Scope scope) {
      this.scope = scope;
    }

    @Override
    public synchronized Scope attach(Context toAttach) {
      attached.add(toAttach);
      return scope;
    }

    @Override
    public Context current() {
      return null;
    }
  }
}
