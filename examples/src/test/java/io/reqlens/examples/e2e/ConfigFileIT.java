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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example configuration file {@code examples/reqlens-config.yaml}, as it is, under the real
 * agent with {@code OTEL_CONFIG_FILE}: the {@code reqlens} sampler, the local-trace processor in
 * front of every exporter without nesting by hand, the {@code jsonl} and {@code req} exporters and
 * OTLP to the in-test receiver. Only the file's {@code ${env:…}} references come from the
 * environment; the Reqlens variables set beside it (which would drop every request) are ignored.
 *
 * <p>The file keeps requests slower than 500 ms with probability 1, even those the ratio or a rule
 * chose ({@code slow}, {@code th:0}). A fast request can exceed that on a loaded machine, so its
 * expected outcome is computed from the duration its own server span records, the one the processor
 * compared; an error is kept as {@code error} whatever the ratio chose.
 */
class ConfigFileIT {

  static final Path DIR =
      Paths.get(System.getProperty("reqlens.e2e.dir", "target/e2e"), "file-" + System.nanoTime());
  static final String RATIO = "0.01";

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent(
          "config-file",
          Map.of(
              "OTEL_CONFIG_FILE",
              System.getProperty("reqlens.config.example"),
              "REQLENS_RATIO",
              RATIO,
              "REQLENS_DATA",
              DIR.toString(),
              // Ignored with a file: were they read, /api/users would leave no span, nothing would.
              "OTEL_REQLENS_EXCLUDE_ROUTES",
              "/api/users",
              "OTEL_TRACES_SAMPLER",
              "always_off",
              "OTEL_TRACES_EXPORTER",
              "none"));

  private static final long THRESHOLD = W3c.threshold(RATIO);

  /** {@code keep_slower_than} in the example file. */
  private static final Duration KEEP_SLOWER_THAN = Duration.ofMillis(500);

  private final DataFiles files = new DataFiles(DIR);

  private static String sampledParent() {
    return W3c.traceparent(W3c.randomTraceId(), W3c.randomSpanId(), true);
  }

  /**
   * For "nothing arrived" checks: the marker's spans and REQ. What must arrive is awaited by its
   * own trace id (see {@link Barrier}).
   */
  private String barrier() throws InterruptedException {
    String marker = Barrier.pass(SERVICE.http(), SERVICE.otlp(), "/healthz", sampledParent());
    files.awaitEvent(
        e -> "REQ".equals(e.path("kind").asText()) && marker.equals(e.path("trace_id").asText()),
        Barrier.TIMEOUT);
    return marker;
  }

  private static JsonNode req(List<JsonNode> events) {
    return events.stream().filter(e -> e.path("kind").asText().equals("REQ")).findFirst().get();
  }

  @Test
  void excludedRoutesLeaveNoSpanAnywhereEvenWithASampledParent() throws Exception {
    ServiceClient.Response health = SERVICE.http().get("/health", sampledParent());
    ServiceClient.Response css = SERVICE.http().get("/static/app.css", sampledParent());
    String healthz = barrier(); // /healthz: kept, anchored patterns do not exclude it
    for (ServiceClient.Response r : List.of(health, css)) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(SERVICE.spansOf(r.traceId())).as("no server or database span").isEmpty();
      assertThat(files.events(r.traceId())).isEmpty();
    }
    assertThat(SERVICE.spansOf(healthz))
        .extracting(ReceivedSpan::kind)
        .containsExactlyInAnyOrder(SpanKind.SPAN_KIND_SERVER, SpanKind.SPAN_KIND_CLIENT);
  }

  @Test
  void theRatioKeepsExactlyItsChoiceAndWritesTh() throws Exception {
    List<ServiceClient.Response> sent = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    // At least 400 requests, and until the ratio has chosen three (bounded: 1 % of 6000 is 60).
    while (sent.size() < 400 || (expected.size() < 3 && sent.size() < 6000)) {
      ServiceClient.Response r = SERVICE.http().get("/api/users");
      sent.add(r);
      if (W3c.randomness(r.traceId()) >= THRESHOLD) {
        expected.add(r.traceId());
      }
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(3);
    barrier();
    // The ratio's choice arrives (and /api/users is not excluded); of the others only those the
    // machine made slower than the threshold may arrive, as slow.
    for (ServiceClient.Response r : sent) {
      String traceId = r.traceId();
      if (!expected.contains(traceId) && SERVICE.spansOf(traceId).isEmpty()) {
        continue;
      }
      ReceivedSpan server = SERVICE.awaitServerSpan(traceId);
      boolean slow = server.durationNanos() > KEEP_SLOWER_THAN.toNanos();
      assertThat(expected.contains(traceId) || slow)
          .as("%s arrived, not chosen, %d ns", traceId, server.durationNanos())
          .isTrue();
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo(slow ? "slow" : "ratio");
      assertThat(server.traceState()).isEqualTo("ot=th:" + (slow ? "0" : W3c.th(THRESHOLD)));
      assertThat(server.serviceName()).isEqualTo("config-file");
      JsonNode req = req(files.awaitEvents(traceId, "REQ"));
      assertThat(req.path("sample_rate").asDouble())
          .isCloseTo(slow ? 1.0 : 0.01, Offset.offset(1e-9));
      assertThat(req.path("route").asText()).isEqualTo("/api/users");
      assertThat(req.path("bytes_out").isNumber())
          .as("the file turned on the agent's body sizes, as the extension does by default")
          .isTrue();
    }
  }

  /** Kept with probability 1 even when the ratio chose them too: {@code error}/{@code slow}. */
  @Test
  void errorsAndSlowRequestsAreKeptAtALowRatio() throws Exception {
    List<ServiceClient.Response> errors = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      errors.add(SERVICE.http().get("/api/error"));
    }
    ServiceClient.Response slow = SERVICE.http().get("/api/slow?ms=600"); // sleeps > 500 ms
    for (ServiceClient.Response r : errors) {
      assertThat(r.status()).isEqualTo(500);
      ReceivedSpan server = SERVICE.awaitServerSpan(r.traceId());
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo("error");
      assertThat(server.traceState()).isEqualTo("ot=th:0");
      assertThat(files.awaitEvents(r.traceId(), "REQ", "REQ_META"))
          .extracting(e -> e.path("kind").asText())
          .filteredOn(kind -> !kind.equals("PROF")) // a PROF line depends on timing: ProfilerIT
          .containsExactlyInAnyOrder("REQ", "REQ_META");
    }
    ReceivedSpan server = SERVICE.awaitServerSpan(slow.traceId());
    assertThat(server.attribute("reqlens.kept_by")).isEqualTo("slow");
    assertThat(server.traceState()).isEqualTo("ot=th:0");
    assertThat(SERVICE.spansOf(slow.traceId())).hasSize(2);
    assertThat(files.awaitEvents(slow.traceId(), "REQ", "DB"))
        .extracting(e -> e.path("kind").asText())
        .filteredOn(kind -> !kind.equals("PROF")) // a PROF line depends on timing: ProfilerIT
        .containsExactlyInAnyOrder("REQ", "DB");
  }

  @Test
  void aRatioRuleWritesItsThresholdAndSpanFilesAreOtlpJson() throws Exception {
    List<ServiceClient.Response> posts = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    long half = W3c.threshold("0.5");
    while (posts.size() < 20 || expected.isEmpty()) {
      ServiceClient.Response r =
          SERVICE.http().post("/api/users", "application/json", "{\"name\":\"file\"}");
      assertThat(r.status()).isEqualTo(201);
      posts.add(r);
      if (W3c.randomness(r.traceId()) >= half) {
        expected.add(r.traceId());
      }
    }
    barrier();
    for (ServiceClient.Response r : posts) {
      boolean chosen = expected.contains(r.traceId());
      if (!chosen && SERVICE.spansOf(r.traceId()).isEmpty()) {
        continue;
      }
      ReceivedSpan server = SERVICE.awaitServerSpan(r.traceId());
      boolean slow = server.durationNanos() > KEEP_SLOWER_THAN.toNanos();
      assertThat(chosen || slow)
          .as("%s arrived, not chosen, %d ns", r.traceId(), server.durationNanos())
          .isTrue();
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo(slow ? "slow" : "rule");
      assertThat(server.traceState()).isEqualTo("ot=th:" + (slow ? "0" : W3c.th(half)));
      if (chosen) {
        assertThat(server.attribute("reqlens.rule")).isEqualTo("2");
      }
    }
    files.awaitSpanLine(SERVICE.awaitServerSpan(expected.iterator().next()).spanId());
    List<JsonNode> spanLines = files.lines("spans-");
    assertThat(spanLines).isNotEmpty();
    assertThat(spanLines).allSatisfy(line -> assertThat(line.has("resourceSpans")).isTrue());
  }
}
