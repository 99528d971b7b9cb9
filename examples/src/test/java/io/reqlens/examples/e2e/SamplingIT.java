package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code reqlens} sampler inside the real agent: exclusions, ratios (exactly, trace by trace),
 * {@code th}, rule numbers, drop rules against incoming parents, and rate limits.
 *
 * <p>No outcome depends on chance or timing: trace ids are random, so which requests a ratio keeps
 * is checked trace by trace against the threshold, never counted against a statistical bound; the
 * rate rule is driven until it has dropped and kept, however fast the machine sends.
 */
class SamplingIT {

  static final String RULES =
      "url.path=/api/orders => drop;"
          + " url.path=/healthz => 1;"
          + " url.path=/api/users/* => 0.5;"
          + " url.path=/api/slow => rate=2/s";

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent(
          "sampling",
          Map.of(
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_TRACES_SAMPLER_ARG", "0.25",
              "OTEL_REQLENS_SAMPLER_RULES", RULES,
              "OTEL_REQLENS_EXCLUDE_ROUTES", "/health,/static/**"));

  /** Kept by rule 2 (ratio 1), with a database child: the barrier's marker. */
  private static final String MARKER = "/healthz";

  @Test
  void excludedRoutesLeaveNoSpanWhileHealthzIsKeptWithItsQuery() {
    List<ServiceClient.Response> excluded = new ArrayList<>();
    List<ServiceClient.Response> healthz = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      excluded.add(SERVICE.http().get("/health"));
      excluded.add(SERVICE.http().get("/static/app.css"));
      if (i % 4 == 0) {
        healthz.add(SERVICE.http().get("/healthz"));
      }
    }
    SERVICE.barrier(MARKER);

    for (ServiceClient.Response r : excluded) {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.sampled()).isFalse();
      assertThat(SERVICE.spansOf(r.traceId())).as("spans of excluded trace").isEmpty();
    }
    assertThat(SERVICE.otlp().spans(s -> isExcludedPath(s.attribute("url.path")))).isEmpty();
    assertThat(SERVICE.otlp().spans(s -> "/health".equals(s.attribute("http.route")))).isEmpty();

    for (ServiceClient.Response r : healthz) {
      ReceivedSpan server = SERVICE.awaitServerSpan(r.traceId());
      assertThat(server.attribute("http.route")).isEqualTo("/healthz");
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo("rule");
      assertThat(server.attribute("reqlens.rule")).isEqualTo("2");
      assertThat(server.traceState()).as("ratio-1 rule").isEqualTo("ot=th:0");
      assertThat(SERVICE.spansOf(r.traceId()))
          .filteredOn(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT)
          .singleElement()
          .satisfies(db -> assertThat(db.parentSpanId()).isEqualTo(server.spanId()));
    }
  }

  /**
   * Exactly the roots whose randomness reaches the ratio's threshold are kept, each with that
   * threshold as {@code th}. How many that is depends on the random trace ids the agent generated,
   * so the count is printed, not asserted: a bound on it would fail by chance, and it would test
   * the agent's id generator, not the sampler (the threshold itself is checked exactly).
   */
  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource({
    "/api/users,    0.25, ratio, , c",
    "/api/users/%d, 0.5,  rule,  3, 8",
  })
  void ratioKeepsExactlyTheRootsWhoseRandomnessReachesTheThreshold(
      String path, String ratio, String keptBy, String rule, String th) {
    int n = 600;
    long threshold = W3c.threshold(ratio);
    assertThat(W3c.th(threshold)).isEqualTo(th);
    List<ServiceClient.Response> responses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      responses.add(SERVICE.http().get(String.format(path, i % 12 + 1)));
    }
    SERVICE.barrier(MARKER); // for "nothing else arrived"; what must arrive is awaited below

    Set<String> expected = new HashSet<>();
    for (ServiceClient.Response r : responses) {
      assertThat(r.status()).isEqualTo(200);
      boolean keep = W3c.randomness(r.traceId()) >= threshold;
      assertThat(r.sampled()).as("sampled flag of %s", r.traceId()).isEqualTo(keep);
      if (keep) {
        expected.add(r.traceId());
        SERVICE.awaitServerSpan(r.traceId());
      }
    }
    Set<String> received = new HashSet<>();
    for (ServiceClient.Response r : responses) {
      if (!SERVICE.spansOf(r.traceId()).isEmpty()) {
        received.add(r.traceId());
      }
    }
    System.out.printf("%s at %s: %d of %d kept%n", path, ratio, received.size(), n);
    assertThat(received).isEqualTo(expected);

    for (String traceId : expected) {
      ReceivedSpan server = SERVICE.awaitServerSpan(traceId);
      assertThat(server.traceState()).isEqualTo("ot=th:" + th);
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo(keptBy);
      assertThat(server.attribute("reqlens.rule")).isEqualTo(rule);
      assertThat(SERVICE.spansOf(traceId))
          .as("the kept root's query is kept with it")
          .anySatisfy(s -> assertThat(s.parentSpanId()).isEqualTo(server.spanId()));
    }
  }

  @Test
  void dropRuleWinsOverASampledIncomingParent() {
    List<String> traceIds = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String traceId = W3c.randomTraceId();
      ServiceClient.Response r =
          SERVICE.http().get("/api/orders", W3c.traceparent(traceId, W3c.randomSpanId(), true));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.traceId()).as("the trace continues, unsampled").isEqualTo(traceId);
      assertThat(r.sampled()).isFalse();
      traceIds.add(traceId);
    }
    SERVICE.barrier(MARKER);
    for (String traceId : traceIds) {
      assertThat(SERVICE.spansOf(traceId)).as("spans of dropped trace %s", traceId).isEmpty();
    }
    assertThat(SERVICE.otlp().spans(s -> "/api/orders".equals(s.attribute("url.path")))).isEmpty();
  }

  /** Parent ids chosen so that the ratio alone would drop them: only the parent keeps them. */
  @Test
  void sampledIncomingParentIsFollowedWithItsTraceId() {
    long threshold = W3c.threshold("0.25");
    for (int i = 0; i < 10; i++) {
      String traceId = W3c.traceIdWithRandomnessBelow(threshold);
      String parentId = W3c.randomSpanId();
      ServiceClient.Response r =
          SERVICE.http().get("/api/users", W3c.traceparent(traceId, parentId, true));
      assertThat(r.traceId()).isEqualTo(traceId);
      assertThat(r.sampled()).isTrue();

      ReceivedSpan server = SERVICE.awaitServerSpan(traceId);
      assertThat(server.parentSpanId()).isEqualTo(parentId);
      assertThat(server.attribute("reqlens.kept_by")).isEqualTo("parent");
      assertThat(server.attribute("reqlens.rule")).isNull();
      assertThat(server.traceState()).as("no th for a parent decision").isEmpty();
      assertThat(SERVICE.spansOf(traceId))
          .filteredOn(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT)
          .singleElement()
          .satisfies(db -> assertThat(db.parentSpanId()).isEqualTo(server.spanId()));
    }
  }

  /**
   * {@code rate=2/s} is consistent probability sampling at a probability that follows the rule's
   * arrival rate: every kept root carries the threshold it was decided with ({@code sample_rate}
   * follows), its trace id's randomness reaches that threshold, and the sampled flag of every
   * response says whether it was kept. The first request after a lull is kept with {@code th:0}
   * (nothing arrived lately: probability 1); sent one after the other, faster than 2 a second, some
   * are dropped. How many requests that takes depends on the machine's speed, so the test sends
   * until the rule has dropped one and kept one after that (a failure only after {@link
   * Barrier#TIMEOUT}), instead of for a fixed time.
   */
  @Test
  void rateRuleKeepsRootsWithTheThresholdItDecidedWith() {
    List<ServiceClient.Response> responses = new ArrayList<>();
    long deadline = System.nanoTime() + Barrier.TIMEOUT.toNanos();
    boolean dropped = false;
    boolean keptAfterADrop = false;
    while (!keptAfterADrop) {
      assertThat(System.nanoTime() - deadline)
          .as("rate=2/s: after %d requests, dropped one: %s", responses.size(), dropped)
          .isNegative();
      ServiceClient.Response r = SERVICE.http().get("/api/slow?ms=0");
      assertThat(r.status()).isEqualTo(200);
      responses.add(r);
      keptAfterADrop = dropped && r.sampled();
      dropped |= !r.sampled();
    }
    List<ReceivedSpan> kept = new ArrayList<>();
    for (ServiceClient.Response r : responses) {
      if (r.sampled()) {
        kept.add(SERVICE.awaitServerSpan(r.traceId()));
      }
    }
    SERVICE.barrier(MARKER);
    System.out.printf("rate=2/s: %d of %d kept%n", kept.size(), responses.size());
    assertThat(kept.size()).as("kept of %d sent", responses.size()).isLessThan(responses.size());
    assertThat(SERVICE.spansOf(responses.get(0).traceId()))
        .as("the first after a lull")
        .anySatisfy(s -> assertThat(s.traceState()).isEqualTo("ot=th:0"));
    assertThat(kept)
        .allSatisfy(
            s -> {
              assertThat(s.attribute("reqlens.kept_by")).isEqualTo("rule");
              assertThat(s.attribute("reqlens.rule")).isEqualTo("4");
              assertThat(s.traceState()).startsWith("ot=th:");
              long threshold = W3c.parseTh(s.traceState().substring("ot=th:".length()));
              assertThat(W3c.randomness(s.traceId())).isGreaterThanOrEqualTo(threshold);
            });
    assertThat(responses)
        .filteredOn(r -> !r.sampled())
        .allSatisfy(r -> assertThat(SERVICE.spansOf(r.traceId())).isEmpty());
  }

  private static boolean isExcludedPath(String path) {
    return path != null && (path.equals("/health") || path.startsWith("/static"));
  }
}
