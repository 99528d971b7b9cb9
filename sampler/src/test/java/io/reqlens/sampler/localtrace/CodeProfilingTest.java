package io.reqlens.sampler.localtrace;

import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE_CALLER;
import static io.reqlens.core.semconv.ReqlensAttributes.PROFILE_SAMPLES;
import static io.reqlens.core.semconv.ReqlensAttributes.PROFILE_TOP;
import static io.reqlens.sampler.localtrace.ProfilingTestSupport.awaitIn;
import static io.reqlens.sampler.localtrace.ProfilingTestSupport.rootOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import io.reqlens.examples.fixture.Shop;
import io.reqlens.profiler.RequestProfiler;
import io.reqlens.sampler.ReqlensSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The profiler wired into the local-trace processor, on a real SDK pipeline: kept requests carry
 * their samples (attributes and the data the {@code req} exporter reads), fast and dropped ones
 * none, work on another thread counts while its span runs, and an N+1 statement names the line that
 * issued it. Time is driven by the test ({@code after} is measured on its ticker, ticks are called
 * by hand), and request threads are caught where they wait, so nothing depends on timing.
 */
class CodeProfilingTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RequestProfiler profiler =
      RequestProfiler.builder().setTickThread(false).setTicker(now::get).build();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseThreads() {
    release.countDown();
  }

  @Test
  void aKeptSlowRequestCarriesItsSamplesAndHottestFrames() throws InterruptedException {
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      Thread request = request(f, "request", root -> Shop.handleOrders(release));
      awaitIn(request, "handleOrders");
      tick(Duration.ofMillis(50));
      tick(Duration.ofMillis(10));
      release.countDown();
      request.join();

      SpanData root = f.spans().get(0);
      FoldedProfile profile = ((ProfiledSpanData) root).profile();
      assertThat(profile.samples()).isEqualTo(2);
      assertThat(profile.intervalNanos()).isEqualTo(Duration.ofMillis(10).toNanos());
      assertThat(profile.stacks())
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s)
                      .contains(";io.reqlens.examples.fixture.Shop.handleOrders;")
                      .endsWith(";[WAITING] 2"));
      assertThat(root.getAttributes().get(PROFILE_SAMPLES)).isEqualTo(2L);
      assertThat(root.getAttributes().get(PROFILE_TOP))
          .singleElement()
          .satisfies(top -> assertThat(top).endsWith(" 100%").doesNotContain("["));
      assertThat(f.counter("reqlens.profiler.samples", null)).isEqualTo(2);
      assertThat(f.counter("reqlens.profiler.limited", "recording_rejected")).isZero();
    }
  }

  @Test
  void aRequestFasterThanAfterHasNoSamples() {
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      Span root = f.server("/api/users", "/api/users");
      tick(Duration.ofMillis(19)); // younger than after (20 ms): not sampled
      root.end();

      SpanData exported = f.spans().get(0);
      assertThat(((ProfiledSpanData) exported).profile()).isNull();
      assertThat(exported.getAttributes().get(PROFILE_SAMPLES)).isNull();
      assertThat(exported.getAttributes().get(PROFILE_TOP)).isNull();
      assertThat(profiler.stats().threadSamples()).isZero();
    }
  }

  @Test
  void aDroppedRequestLeavesNothingAndFreesItsSamples() throws InterruptedException {
    // Recorded but not sampled (ratio 0, recorded for a tail decision), and not slow enough.
    Sampler sampler = ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
    try (ProcessorFixture f =
        new ProcessorFixture(
            sampler, b -> b.setProfiler(profiler).setKeepSlowerThan(Duration.ofHours(1)))) {
      Thread request =
          request(
              f,
              "request",
              root -> {
                Shop.handleOrders(release);
                ProcessorFixture.endAfter(root, 1); // 1 ms long as far as the span says
              });
      awaitIn(request, "handleOrders");
      tick(Duration.ofMillis(50));
      assertThat(profiler.stats().stacksHeld()).isEqualTo(1);
      release.countDown();
      request.join();
      profiler.tick(); // unlinks the discarded recording

      assertThat(f.spans()).isEmpty();
      assertThat(profiler.stats().threadSamples()).isEqualTo(1);
      assertThat(profiler.stats().stacksHeld()).isZero();
    }
  }

  @Test
  void aSlowRequestKeptByTheTailDecisionKeepsItsSamples() throws InterruptedException {
    Sampler sampler = ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
    try (ProcessorFixture f =
        new ProcessorFixture(
            sampler, b -> b.setProfiler(profiler).setKeepSlowerThan(Duration.ofMillis(1)))) {
      Thread request = request(f, "request", root -> Shop.handleOrders(release));
      awaitIn(request, "handleOrders");
      tick(Duration.ofMillis(50));
      release.countDown();
      request.join();

      SpanData root = f.spans().get(0);
      assertThat(root.getAttributes().get(io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY))
          .isEqualTo("slow");
      assertThat(((ProfiledSpanData) root).profile().samples()).isEqualTo(1);
    }
  }

  @Test
  void workOnAnotherThreadCountsWhileItsSpanRuns() throws InterruptedException {
    CountDownLatch workerDone = new CountDownLatch(1);
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      AtomicReference<Thread> worker = new AtomicReference<>();
      Thread request =
          request(
              f,
              "request",
              root -> {
                Thread w =
                    new Thread(
                        () -> {
                          Span child = f.child(root, "compute", SpanKind.INTERNAL);
                          Shop.computeInWorker(workerDone);
                          child.end();
                        },
                        "worker");
                worker.set(w);
                w.start();
                Shop.handleOrders(release);
              });
      await().atMost(Duration.ofSeconds(30)).until(() -> worker.get() != null);
      awaitIn(worker.get(), "computeInWorker");
      awaitIn(request, "handleOrders");
      tick(Duration.ofMillis(50)); // both threads
      workerDone.countDown();
      worker.get().join();
      tick(Duration.ofMillis(10)); // the worker's span ended: the request's thread only
      release.countDown();
      request.join();

      SpanData root =
          f.spans().stream().filter(s -> s.getName().startsWith("GET")).findFirst().orElseThrow();
      FoldedProfile profile = ((ProfiledSpanData) root).profile();
      assertThat(profile.samples()).isEqualTo(3);
      assertThat(profile.stacks())
          .anySatisfy(s -> assertThat(s).contains(".Shop.handleOrders;").endsWith(" 2"))
          .anySatisfy(s -> assertThat(s).contains(".Shop.computeInWorker;").endsWith(" 1"));
      assertThat(profiler.stats().threadsRejected()).isZero();
    }
  }

  @Test
  void anNPlusOneStatementNamesTheLineThatIssuedIt() throws IOException {
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      Span root = f.server("/api/orders", "/api/orders");
      Shop.listOrders(f.tracer, root);
      for (int i = 0; i < 6; i++) {
        Shop.findUser(f.tracer, root);
      }
      root.end();

      String caller =
          "io.reqlens.examples.fixture.Shop.findUser(Shop.java:"
              + lineOf("io/reqlens/examples/fixture/Shop.java", "FIND USER CALL SITE")
              + ")";
      SpanData exportedRoot = rootOf(f.spans());
      assertThat(exportedRoot.getAttributes().get(N_PLUS_ONE)).isTrue();
      assertThat(exportedRoot.getAttributes().get(N_PLUS_ONE_CALLER)).isEqualTo(caller);
      List<SpanData> queries = f.spans().stream().filter(s -> s != exportedRoot).toList();
      assertThat(queries).hasSize(7);
      for (SpanData q : queries) {
        String statement = q.getAttributes().get(io.reqlens.core.semconv.SemConv.DB_QUERY_TEXT);
        assertThat(q.getAttributes().get(N_PLUS_ONE_CALLER))
            .as(statement)
            .isEqualTo(Shop.FIND_USER.equals(statement) ? caller : null);
      }
    }
  }

  @Test
  void aStatementBelowTheThresholdHasNoCaller() {
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      Span root = f.server("/api/orders", "/api/orders");
      for (int i = 0; i < 4; i++) {
        Shop.findUser(f.tracer, root);
        Shop.listOrders(f.tracer, root); // eight queries, neither statement five times
      }
      root.end();

      assertThat(f.spans()).hasSize(9);
      assertThat(f.spans())
          .allSatisfy(s -> assertThat(s.getAttributes().get(N_PLUS_ONE_CALLER)).isNull());
      assertThat(rootOf(f.spans()).getAttributes().get(N_PLUS_ONE)).isFalse();
    }
  }

  @Test
  void offMeansNoSamplesAndNoCaller() throws InterruptedException {
    try (ProcessorFixture f =
        new ProcessorFixture(Sampler.alwaysOn(), b -> b.setProfilerEnabled(false))) {
      Thread request =
          request(
              f,
              "request",
              root -> {
                for (int i = 0; i < 6; i++) {
                  Shop.findUser(f.tracer, root);
                }
              });
      request.join();

      SpanData root = rootOf(f.spans());
      assertThat(root.getAttributes().get(N_PLUS_ONE)).isTrue();
      assertThat(root.getAttributes().get(N_PLUS_ONE_CALLER)).isNull();
      assertThat(root.getAttributes().get(PROFILE_SAMPLES)).isNull();
      assertThat(((ProfiledSpanData) root).profile()).isNull();
      assertThat(f.processor.toString()).contains(", profiler=off,");
    }
  }

  @Test
  void aClosedProfilerNeverDisturbsRequests() throws InterruptedException {
    profiler.shutdown();
    try (ProcessorFixture f = fixture(Sampler.alwaysOn())) {
      Thread request = request(f, "request", root -> Shop.findUser(f.tracer, root));
      tick(Duration.ofMillis(50));
      request.join();

      assertThat(f.spans()).hasSize(2);
      assertThat(((ProfiledSpanData) rootOf(f.spans())).profile()).isNull();
      assertThat(f.counter("reqlens.profiler.limited", "recording_rejected"))
          .as("counted, not thrown")
          .isEqualTo(1);
    }
  }

  @Test
  void everyAcceptedAfterBuilds() {
    // up to the key's 1 h: the recording limit (5 min by default) stays longer than after
    Map<Duration, String> shown =
        Map.of(
            Duration.ZERO,
            "after=0ms, maxRecordingDuration=300s",
            Duration.ofMinutes(5),
            "after=300s, maxRecordingDuration=600s",
            Duration.ofHours(1),
            "after=3600s, maxRecordingDuration=3900s");
    shown.forEach(
        (after, text) -> {
          LocalTraceProcessor processor =
              LocalTraceProcessor.builder(SpanProcessor.composite())
                  .setProfilerAfter(after)
                  .build();
          assertThat(processor.toString()).contains(text);
          processor.shutdown();
        });
  }

  private ProcessorFixture fixture(Sampler sampler) {
    return new ProcessorFixture(sampler, b -> b.setProfiler(profiler));
  }

  private void tick(Duration elapsed) {
    now.addAndGet(elapsed.toNanos());
    profiler.tick();
  }

  /** Starts a request on its own thread: a SERVER root, {@code body}, then the root's end. */
  private static Thread request(
      ProcessorFixture f, String name, java.util.function.Consumer<Span> body) {
    Thread thread =
        new Thread(
            () -> {
              Span root = f.server("/api/orders", "/api/orders");
              body.accept(root);
              if (root.isRecording()) {
                root.end();
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static int lineOf(String file, String marker) throws IOException {
    List<String> lines = Files.readAllLines(Paths.get("src/test/java", file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// " + marker)) {
        return i + 1;
      }
    }
    throw new AssertionError(marker + " not in " + file);
  }
}
