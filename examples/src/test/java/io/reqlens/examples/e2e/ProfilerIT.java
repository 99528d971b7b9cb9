package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which code made a request slow, under the real agent with the default profiler ({@code after} 20
 * ms, {@code interval} 10 ms): the {@code PROF} event and the root's {@code reqlens.profile.*} of a
 * sleeping, a computing and a blocked request, work handed to a pool without a span (attributed
 * while the request's context is current on the worker), no profile for a dropped trace, the N+1
 * caller of {@code /api/orders}, and 200 concurrent slow requests answered with the profiler's
 * memory freed afterwards and no request thread ever waiting inside Reqlens.
 *
 * <p>No wall-clock threshold decides an outcome: the requests run 15 times (300 ms) to 125 times
 * (2.5 s) longer than {@code after}, shares are of the samples actually taken, and absence is
 * proved after a barrier (a later kept request's events are on disk).
 */
class ProfilerIT {

  private static final Path DIR = ExampleService.dataFolder("profiler");

  /**
   * Ratio 1, except {@code /api/lock}, which the head drops (ratio 0) and only a tail decision
   * (slower than 2 s) keeps: a lock wait of 300 ms is recorded, profiled and dropped.
   */
  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent(
          "profiler",
          Map.of(
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_REQLENS_SAMPLER_RULES", "url.path=/api/lock => 0",
              "OTEL_REQLENS_KEEP_SLOWER_THAN", "2s",
              "OTEL_TRACES_EXPORTER", "otlp,req",
              "OTEL_EXPORTER_REQ_DIRECTORY", DIR.toString(),
              "OTEL_SEMCONV_STABILITY_OPT_IN", "database"));

  private final DataFiles files = new DataFiles(DIR);

  @Test
  void aSleepingRequestSpendsItsSamplesInThreadSleepUnderTheHandler() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/slow?ms=300");
    assertThat(r.status()).isEqualTo(200);

    JsonNode prof = awaitProf(r.traceId());
    long samples = prof.path("samples").asLong();
    assertThat(samples).isPositive();
    long sleeping =
        Profiles.samplesWith(prof, "io.reqlens.examples.ApiRoutes.slow;java.lang.Thread.sleep");
    assertThat(sleeping).as("%s", prof).isGreaterThanOrEqualTo((long) Math.ceil(0.8 * samples));
    assertThat(prof.path("route").asText()).isEqualTo("/api/slow");
    assertThat(prof.path("interval_ns").asLong()).isGreaterThanOrEqualTo(10_000_000L);
    assertThat(prof.path("sample_rate").asDouble()).isEqualTo(1.0);

    ReceivedSpan root = SERVICE.awaitServerSpan(r.traceId());
    assertThat(root.attribute("reqlens.profile.samples")).isEqualTo(Long.toString(samples));
    assertThat(root.stringArray("reqlens.profile.top"))
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(3)
        .first()
        .asString()
        .startsWith("java.lang.Thread.sleep")
        .matches(".* [0-9]{1,3}%");
  }

  @Test
  void aComputingRequestHasItsNamedMethodAsTheTopSelfFrame() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/cpu?ms=300");
    assertThat(r.status()).isEqualTo(200);

    JsonNode prof = awaitProf(r.traceId());
    assertThat(Profiles.topSelfFrame(prof))
        .as("%s", prof)
        .isEqualTo("io.reqlens.examples.Workloads.computeChecksum");
    assertThat(SERVICE.awaitServerSpan(r.traceId()).stringArray("reqlens.profile.top").get(0))
        .startsWith("io.reqlens.examples.Workloads.computeChecksum ");
  }

  @Test
  void workHandedToAPoolWithoutASpanCountsForTheRequest() throws Exception {
    assertThat(SERVICE.output()).containsOnlyOnce(Profiles.CONTEXT_HOOK_LINE);
    ServiceClient.Response r = SERVICE.http().get("/api/handoff?ms=1500");
    assertThat(r.status()).isEqualTo(200);

    JsonNode prof = awaitProf(r.traceId());
    Profiles.assertHandedOff(prof);
    SERVICE.awaitServerSpan(r.traceId());
    assertThat(SERVICE.spansOf(r.traceId())).as("the task starts no span").hasSize(1);
    await()
        .atMost(Barrier.TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Profiles.liveInstances(SERVICE.pid(), "io.reqlens.profiler.StackTable") == 0);
  }

  @Test
  void aRequestWaitingForALockIsBlockedInItsNamedMethodAndADroppedOneLeavesNoProfile()
      throws Exception {
    ServiceClient.Response dropped = SERVICE.http().get("/api/lock?ms=300");
    ServiceClient.Response kept = SERVICE.http().get("/api/lock?ms=2500"); // slower than 2 s
    assertThat(dropped.status()).isEqualTo(200);
    assertThat(dropped.sampled()).as("ratio 0 for /api/lock").isFalse();
    assertThat(kept.status()).isEqualTo(200);

    JsonNode prof = awaitProf(kept.traceId());
    assertThat(prof.path("sample_rate").asDouble()).as("a tail keep").isEqualTo(1.0);
    assertThat(Profiles.topSelfFrame(prof))
        .as("%s", prof)
        .isEqualTo("io.reqlens.examples.Workloads.awaitInventoryLock");
    assertThat(
            Profiles.samplesWith(
                prof, "io.reqlens.examples.Workloads.awaitInventoryLock;[BLOCKED]"))
        .as("blocked on the monitor the restock job holds")
        .isGreaterThanOrEqualTo((long) Math.ceil(0.5 * prof.path("samples").asLong()));

    SERVICE.eventsBarrier(files); // every event of the dropped request would be on disk by now
    assertThat(files.events(dropped.traceId())).as("a dropped trace: no PROF, no event").isEmpty();
    assertThat(SERVICE.spansOf(dropped.traceId())).isEmpty();
  }

  @Test
  void theNPlusOneOfOrdersNamesTheExamplesOwnMethodAndLine() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/orders");
    assertThat(r.status()).isEqualTo(200);

    String caller =
        "io.reqlens.examples.Database.findUser(Database.java:"
            + Profiles.findUserLineOf("p.executeQuery()")
            + ")";
    ReceivedSpan root = SERVICE.awaitServerSpan(r.traceId());
    assertThat(root.attribute("reqlens.n_plus_one")).isEqualTo("true");
    assertThat(root.attribute("reqlens.n_plus_one.caller")).isEqualTo(caller);

    SERVICE.eventsBarrier(files);
    List<JsonNode> queries =
        files.events(r.traceId()).stream()
            .filter(e -> e.path("kind").asText().equals("DB"))
            .collect(Collectors.toList());
    assertThat(queries).hasSize(13);
    for (JsonNode q : queries) {
      boolean repeated = q.path("query").asText().equals("SELECT id, name FROM users WHERE id = ?");
      assertThat(q.path("caller").isNull() ? null : q.path("caller").asText())
          .as("%s", q)
          .isEqualTo(repeated ? caller : null);
    }
  }

  @Test
  void twoHundredConcurrentSlowRequestsAreAnsweredAndTheirSamplesFreed() throws Exception {
    int n = 200;
    ServiceClient http = SERVICE.http();
    ExecutorService clients = Executors.newFixedThreadPool(n);
    List<CompletableFuture<ServiceClient.Response>> responses = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        responses.add(CompletableFuture.supplyAsync(() -> http.get("/api/slow?ms=1000"), clients));
      }
      // While they run: no request thread waits inside Reqlens (it never blocks the application).
      int dumps = 0;
      while (dumps == 0 || responses.stream().anyMatch(f -> !f.isDone())) {
        for (String thread : Profiles.threadDump(SERVICE.pid())) {
          if (servesARequest(thread)
              && !thread.contains("State: RUNNABLE")
              && insideReqlens(thread)) {
            violations.add(thread);
          }
        }
        dumps++;
      }
    } finally {
      clients.shutdown();
    }
    assertThat(violations).as("request threads waiting inside Reqlens").isEmpty();
    for (CompletableFuture<ServiceClient.Response> f : responses) {
      assertThat(f.join().status()).isEqualTo(200);
      assertThat(f.join().body()).isEqualTo("{\"slept_ms\":1000}");
    }

    SERVICE.eventsBarrier(files);
    for (CompletableFuture<ServiceClient.Response> f : responses) {
      for (JsonNode prof : profs(f.join().traceId())) {
        assertThat(prof.path("stacks").size())
            .as("bounded per request: 256 distinct stacks and a [truncated] line")
            .isLessThanOrEqualTo(257);
      }
    }
    // Every request ended: their tables are freed at the profiler's next tick (polled, the
    // histogram's full GC counts only what is still reachable).
    await()
        .atMost(Barrier.TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Profiles.liveInstances(SERVICE.pid(), "io.reqlens.profiler.StackTable") == 0);
  }

  private static boolean servesARequest(String thread) {
    return thread.contains("org.eclipse.jetty.server.") || thread.contains("io.javalin.");
  }

  /**
   * Whether the thread waits in Reqlens' own code: its innermost frame outside the JDK is one of
   * the profiler, the processor or the exporters. (Waiting in code Reqlens calls, such as the SDK's
   * batch processor queue, is that code's, as OutageIT also holds.)
   */
  private static boolean insideReqlens(String thread) {
    for (String line : thread.split("\n")) {
      String frame = line.trim();
      if (!frame.startsWith("at ")) {
        continue;
      }
      frame = frame.substring(3);
      if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.")) {
        continue;
      }
      return frame.startsWith("io.reqlens.profiler.")
          || frame.startsWith("io.reqlens.sampler.")
          || frame.startsWith("io.reqlens.exporters.")
          || frame.startsWith("io.reqlens.core.");
    }
    return false;
  }

  private JsonNode awaitProf(String traceId) throws InterruptedException {
    return files.awaitEvent(
        e -> e.path("kind").asText().equals("PROF") && e.path("trace_id").asText().equals(traceId),
        Barrier.TIMEOUT);
  }

  private List<JsonNode> profs(String traceId) {
    return files.events(traceId).stream()
        .filter(e -> e.path("kind").asText().equals("PROF"))
        .collect(Collectors.toList());
  }
}
