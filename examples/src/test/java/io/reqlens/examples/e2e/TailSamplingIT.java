package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The local-trace processor inside the real agent at a 1 % ratio with keep-errors and
 * keep-slower-than 200 ms: failing and slow requests arrive complete at the OTLP receiver and in
 * the files with probability 1 ({@code th:0}, {@code sample_rate} 1.0, even those the ratio chose
 * too), the rest at 1 %; an excluded route template removes a request whose path it does not match,
 * children included; N+1 is flagged; a {@code token=} value never leaves the process; the {@code
 * reqlens.*} counters reach the same OTLP endpoint.
 *
 * <p><b>Nothing here depends on timing or on chance.</b> A slow request sleeps 300 ms, so it takes
 * longer than 200 ms whatever the machine does. A fast one usually takes a few milliseconds, but a
 * loaded machine can make it take longer than 200 ms (seen: 248 ms), and then keeping it as {@code
 * slow} is the right decision: so a fast request's expected outcome is computed from the duration
 * its own server span records, the one the processor compared with the threshold. Which fast
 * requests the ratio chooses is decided by their random trace ids, so they are checked trace by
 * trace against the threshold (the exact set), never counted against a statistical bound.
 */
class TailSamplingIT {

  /** Far below the slow requests' 300 ms sleep; a fast request can still exceed it (see above). */
  static final long KEEP_SLOWER_THAN_MILLIS = 200;

  static final Path DIR =
      Paths.get(System.getProperty("reqlens.e2e.dir", "target/e2e"), "tail-" + System.nanoTime());

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent(
          "tail",
          Map.of(
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_TRACES_SAMPLER_ARG", "0.01",
              // only so the barrier has a marker that is always kept
              "OTEL_REQLENS_SAMPLER_RULES", "url.path=/healthz => 1",
              "OTEL_REQLENS_KEEP_ERRORS", "true",
              "OTEL_REQLENS_KEEP_SLOWER_THAN", KEEP_SLOWER_THAN_MILLIS + "ms",
              "OTEL_REQLENS_EXCLUDE_ROUTES", "/api/users/{id}",
              "OTEL_TRACES_EXPORTER", "otlp,jsonl,req",
              "OTEL_EXPORTER_JSONL_DIRECTORY", DIR.toString(),
              "OTEL_EXPORTER_REQ_DIRECTORY", DIR.toString()));

  private static final long THRESHOLD = W3c.threshold("0.01");
  private static final Duration KEEP_SLOWER_THAN = Duration.ofMillis(KEEP_SLOWER_THAN_MILLIS);
  private final DataFiles files = new DataFiles(DIR);

  private void barrier() throws InterruptedException {
    String marker = SERVICE.barrier("/healthz");
    files.awaitEvent(
        e -> "REQ".equals(e.path("kind").asText()) && marker.equals(e.path("trace_id").asText()),
        Barrier.TIMEOUT);
  }

  private static String sampledParent() {
    return W3c.traceparent(W3c.randomTraceId(), W3c.randomSpanId(), true);
  }

  private static ReceivedSpan server(String traceId) {
    return SERVICE.awaitServerSpan(traceId);
  }

  /** Whether the processor had to keep this root as slow: what it compared, as it compared. */
  private static boolean slowerThanThreshold(ReceivedSpan server) {
    return server.durationNanos() > KEEP_SLOWER_THAN.toNanos();
  }

  @Test
  void errorsAndSlowRequestsArriveCompleteAndExactlyTheRatiosChoiceOfTheRest() throws Exception {
    List<ServiceClient.Response> errors = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      errors.add(SERVICE.http().get("/api/error"));
    }
    List<ServiceClient.Response> slow = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<ServiceClient.Response>> pending = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pending.add(pool.submit(() -> SERVICE.http().get("/api/slow?ms=300")));
    }
    for (Future<ServiceClient.Response> f : pending) {
      slow.add(f.get());
    }
    pool.shutdown();
    int n = 1000;
    List<ServiceClient.Response> rest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rest.add(SERVICE.http().get("/api/users"));
    }
    barrier();

    for (ServiceClient.Response r : errors) {
      assertThat(r.status()).isEqualTo(500);
      ReceivedSpan s = server(r.traceId());
      // Kept whatever the ratio chose: probability 1, so th:0 even when the ratio chose it.
      assertThat(s.attribute("reqlens.kept_by")).isEqualTo("error");
      assertThat(s.traceState()).isEqualTo("ot=th:0");
      assertThat(s.events("exception")).hasSize(1);
      assertThat(files.awaitEvents(r.traceId(), "REQ", "REQ_META"))
          .extracting(e -> e.path("kind").asText())
          .contains("REQ", "REQ_META");
    }
    for (ServiceClient.Response r : slow) {
      assertThat(r.status()).isEqualTo(200);
      ReceivedSpan s = server(r.traceId());
      assertThat(s.attribute("reqlens.kept_by")).isEqualTo("slow");
      assertThat(SERVICE.spansOf(r.traceId()))
          .as("server and DB span of a slow request")
          .extracting(ReceivedSpan::kind)
          .containsExactlyInAnyOrder(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_CLIENT);
      assertThat(SERVICE.spansOf(r.traceId()))
          .as("the whole local trace carries probability 1")
          .allSatisfy(span -> assertThat(span.traceState()).isEqualTo("ot=th:0"));
      assertThat(files.awaitEvents(r.traceId(), "REQ", "DB"))
          .extracting(e -> e.path("kind").asText())
          .filteredOn(kind -> !kind.equals("PROF")) // a PROF line depends on timing: ProfilerIT
          .containsExactlyInAnyOrder("REQ", "DB");
      JsonNode req =
          files.events(r.traceId()).stream()
              .filter(e -> e.path("kind").asText().equals("REQ"))
              .findFirst()
              .get();
      assertThat(req.path("sample_rate").asDouble()).as("tail keep: probability 1").isEqualTo(1.0);
    }

    // The ratio's choice arrives, each kept as the duration of its own root says; of the others
    // only those the machine made slower than the threshold may arrive, and only as slow.
    int chosen = 0;
    int slowByLoad = 0;
    for (ServiceClient.Response r : rest) {
      assertThat(r.status()).isEqualTo(200);
      boolean byRatio = W3c.randomness(r.traceId()) >= THRESHOLD;
      if (!byRatio && SERVICE.spansOf(r.traceId()).isEmpty()) {
        continue; // dropped (the barrier above let every root that had ended by then arrive)
      }
      ReceivedSpan s = server(r.traceId());
      boolean tooSlow = slowerThanThreshold(s);
      assertThat(byRatio || tooSlow)
          .as(
              "%s arrived though the ratio did not choose it and it took %d ns",
              r, s.durationNanos())
          .isTrue();
      assertThat(s.attribute("reqlens.kept_by"))
          .as("%s, %d ns", r.traceId(), s.durationNanos())
          .isEqualTo(tooSlow ? "slow" : "ratio");
      assertThat(s.traceState()).isEqualTo("ot=th:" + (tooSlow ? "0" : W3c.th(THRESHOLD)));
      assertThat(SERVICE.spansOf(r.traceId())).hasSize(2);
      chosen += byRatio ? 1 : 0;
      slowByLoad += tooSlow ? 1 : 0;
    }
    System.out.printf(
        "ratio 0.01: %d of %d fast, successful requests chosen; %d slower than %s on this run%n",
        chosen, n, slowByLoad, KEEP_SLOWER_THAN_MILLIS + " ms");
  }

  @Test
  void anExcludedTemplateRemovesARequestWhosePathItDoesNotMatchWithItsQuery() throws Exception {
    List<ServiceClient.Response> excluded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      excluded.add(SERVICE.http().get("/api/users/42", sampledParent()));
    }
    ServiceClient.Response control = SERVICE.http().get("/api/users", sampledParent());
    assertThat(SERVICE.awaitLocalTrace(control.traceId())).hasSize(2);
    assertThat(server(control.traceId()).attribute("reqlens.kept_by")).isEqualTo("parent");
    barrier();
    for (ServiceClient.Response r : excluded) {
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.sampled()).as("the head kept it: the parent was sampled").isTrue();
      assertThat(SERVICE.spansOf(r.traceId())).as("server and DB span").isEmpty();
      assertThat(files.events(r.traceId())).isEmpty();
    }
  }

  @Test
  void ordersCarriesTheNPlusOneFlag() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/orders", sampledParent());
    ReceivedSpan s = server(r.traceId());
    assertThat(s.attribute("reqlens.n_plus_one")).isEqualTo("true");
    assertThat(s.attribute("reqlens.n_plus_one.count")).isEqualTo("12");
    assertThat(s.attribute("reqlens.n_plus_one.statement"))
        .containsIgnoringCase("from users")
        .contains("?");
    assertThat(s.attribute("reqlens.db.count")).isEqualTo("13");
    assertThat(s.attribute("reqlens.db.statements")).isEqualTo("2");
    JsonNode req =
        files.awaitEvents(r.traceId(), "REQ").stream()
            .filter(e -> e.path("kind").asText().equals("REQ"))
            .findFirst()
            .get();
    assertThat(req.path("db_count").asInt()).isEqualTo(13);
  }

  @Test
  void aTokenQueryValueNeverReachesTheReceiverOrTheFiles() throws Exception {
    ServiceClient.Response r =
        SERVICE.http().get("/api/orders?token=tok-SECRET-4711&page=1", sampledParent());
    assertThat(server(r.traceId()).attribute("url.query")).isEqualTo("token=REDACTED&page=1");
    files.awaitEvents(r.traceId(), "REQ");
    files.awaitSpanLine(r.spanId());
    assertThat(SERVICE.otlp().spans().toString()).doesNotContain("tok-SECRET-4711");
    assertThat(files.allText()).doesNotContain("tok-SECRET-4711");
  }

  @Test
  void countersReachTheSameOtlpEndpoint() throws Exception {
    for (int i = 0; i < 3; i++) {
      SERVICE.http().get("/api/error");
      SERVICE.http().get("/api/users/7", sampledParent());
    }
    barrier();
    // Polled together: one export can come before the marker's decision and after the others'.
    long deadline = System.nanoTime() + Barrier.TIMEOUT.toNanos();
    while (System.nanoTime() < deadline
        && (counter("reqlens.traces.kept", "error") < 3
            || counter("reqlens.traces.dropped", "excluded") < 3
            || counter("reqlens.traces.kept", "rule") < 1)) {
      Thread.sleep(200);
    }
    assertThat(counter("reqlens.traces.kept", "error")).isGreaterThanOrEqualTo(3);
    assertThat(counter("reqlens.traces.dropped", "excluded")).isGreaterThanOrEqualTo(3);
    assertThat(counter("reqlens.traces.kept", "rule")).as("the /healthz markers").isPositive();
  }

  private static long counter(String name, String reason) {
    return SERVICE.otlp().counter(name, Map.of("reason", reason));
  }

  @SuppressWarnings("unused")
  private static Set<String> ids(List<ServiceClient.Response> responses) {
    return responses.stream().map(ServiceClient.Response::traceId).collect(Collectors.toSet());
  }
}
