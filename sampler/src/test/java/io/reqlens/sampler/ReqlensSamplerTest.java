package io.reqlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.core.sampling.ConsistentProbability;
import io.reqlens.core.semconv.ReqlensAttributes;
import io.reqlens.core.semconv.SemConv;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReqlensSamplerTest {

  private static final String SPAN_ID = "0102030405060708";
  private static final Attributes CHECKOUT =
      Attributes.builder()
          .put("url.path", "/api/checkout/pay")
          .put("http.request.method", "POST")
          .put("server.port", 8080L)
          .build();
  private static final Attributes USERS =
      Attributes.builder().put("url.path", "/api/users").put("http.request.method", "GET").build();
  private static final Attributes HEALTH = Attributes.of(SemConv.URL_PATH, "/health");

  /** A trace id whose low 56 bits (the OTEP 235 randomness) are {@code randomness}. */
  private static String traceId(long randomness) {
    return String.format("%018x%014x", 0xabcL, randomness);
  }

  private static SamplingResult root(
      ReqlensSampler sampler, String traceId, SpanKind kind, Attributes attributes) {
    return sampler.shouldSample(
        Context.root(), traceId, "GET", kind, attributes, Collections.emptyList());
  }

  private static Context remoteParent(String traceId, boolean sampled) {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.createFromRemoteParent(
                    traceId,
                    SPAN_ID,
                    sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(),
                    TraceState.builder().put("ot", "th:c").build())));
  }

  @Test
  void defaultRatioIsConsistentWithTheTraceIdRandomness() {
    ReqlensSampler sampler = ReqlensSampler.builder().setRatio(0.5).build();
    long threshold = 1L << 55;
    SamplingResult kept = root(sampler, traceId(threshold), SpanKind.SERVER, USERS);
    SamplingResult dropped = root(sampler, traceId(threshold - 1), SpanKind.SERVER, USERS);
    assertThat(kept.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(kept.getUpdatedTraceState(TraceState.getDefault()).get("ot")).isEqualTo("th:8");
    assertThat(kept.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("ratio");
    assertThat(kept.getAttributes().get(ReqlensAttributes.RULE)).isNull();
    assertThat(dropped.getDecision()).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void keepsTheExpectedShareOfRandomTraceIds() {
    ReqlensSampler sampler = ReqlensSampler.builder().setRatio(0.1).build();
    Random random = new Random(42);
    int kept = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
      if (root(sampler, id, SpanKind.SERVER, USERS).getDecision()
          == SamplingDecision.RECORD_AND_SAMPLE) {
        kept++;
      }
    }
    // Binomial(100000, 0.1): sd ~ 95; 6 sd either side.
    assertThat(kept).isBetween(10_000 - 570, 10_000 + 570);
  }

  @Test
  void firstMatchingRuleWinsAndIsNamed() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0)
            .setRules(
                "url.path=/api/checkout/** => 1;"
                    + " http.request.method=POST & url.path=/api/** => 0.5;"
                    + " * => drop")
            .build();
    SamplingResult checkout = root(sampler, traceId(0), SpanKind.SERVER, CHECKOUT);
    assertThat(checkout.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(checkout.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("rule");
    assertThat(checkout.getAttributes().get(ReqlensAttributes.RULE)).isEqualTo(1L);
    assertThat(checkout.getUpdatedTraceState(TraceState.getDefault()).get("ot")).isEqualTo("th:0");

    Attributes post =
        Attributes.builder().put("url.path", "/api/x").put("http.request.method", "POST").build();
    assertThat(
            root(sampler, traceId(1L << 55), SpanKind.SERVER, post)
                .getAttributes()
                .get(ReqlensAttributes.RULE))
        .isEqualTo(2L);
    assertThat(root(sampler, traceId((1L << 55) - 1), SpanKind.SERVER, post).getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(root(sampler, traceId(~0L >>> 8), SpanKind.SERVER, USERS).getDecision())
        .as("third rule drops everything else")
        .isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void matchesSpanKindSpanNameNegationAndNonStringAttributes() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0)
            .setRules(
                "span.kind=CONSUMER => 1; span.name=GET /a* => 1; server.port=8080 &"
                    + " url.path!=/api/users/** => 1")
            .build();
    long r = 0; // randomness 0: only ratio 1 keeps it
    assertThat(root(sampler, traceId(r), SpanKind.CONSUMER, Attributes.empty()).getDecision())
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(
            sampler
                .shouldSample(
                    Context.root(),
                    traceId(r),
                    "GET /abc",
                    SpanKind.SERVER,
                    Attributes.empty(),
                    Collections.emptyList())
                .getAttributes()
                .get(ReqlensAttributes.RULE))
        .isEqualTo(2L);
    assertThat(
            root(sampler, traceId(r), SpanKind.SERVER, CHECKOUT)
                .getAttributes()
                .get(ReqlensAttributes.RULE))
        .isEqualTo(3L);
    Attributes users8080 = USERS.toBuilder().put("server.port", 8080L).build();
    assertThat(root(sampler, traceId(r), SpanKind.SERVER, users8080).getDecision())
        .isEqualTo(SamplingDecision.DROP);
  }

  /**
   * A rate rule keeps everything (th:0) until its first window closes, then writes the threshold of
   * the probability it adapted to; its roots carry the rule's number.
   */
  @Test
  void rateRulesWriteTheThresholdTheyAdaptedTo() {
    TestClock clock = TestClock.create();
    ReqlensSampler sampler =
        ReqlensSampler.builder().setClock(clock).setRatio(0).setRules("* => rate=2/s").build();
    SamplingResult first = root(sampler, traceId(0), SpanKind.CONSUMER, Attributes.empty());
    assertThat(first.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(first.getUpdatedTraceState(TraceState.getDefault()).get("ot")).isEqualTo("th:0");
    assertThat(first.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("rule");
    assertThat(first.getAttributes().get(ReqlensAttributes.RULE)).isEqualTo(1L);
    // 20 a second for 3 s: the probability settles near 2/20.
    for (int i = 1; i <= 60; i++) {
      clock.advance(java.time.Duration.ofMillis(50));
      root(sampler, spread(i), SpanKind.CONSUMER, Attributes.empty());
    }
    SamplingResult kept = null;
    for (int i = 61; kept == null; i++) {
      clock.advance(java.time.Duration.ofMillis(50));
      SamplingResult r = root(sampler, spread(i), SpanKind.CONSUMER, Attributes.empty());
      kept = r.getDecision() == SamplingDecision.RECORD_AND_SAMPLE ? r : null;
    }
    double p = ConsistentProbability.sampleRate(kept.getUpdatedTraceState(TraceState.getDefault()));
    assertThat(p).isBetween(0.08, 0.12);
  }

  /** Randomness spread over the 56 bits (a multiplicative hash of {@code i}). */
  private static String spread(long i) {
    return traceId((i * 0x9E3779B97F4A7C15L) & ((1L << 56) - 1));
  }

  @Test
  void parentDecidesForChildren() {
    ReqlensSampler sampler =
        ReqlensSampler.builder().setRatio(0).setRules("url.path=/api/checkout/** => 1").build();
    String id = traceId(0);
    SamplingResult sampled =
        sampler.shouldSample(
            remoteParent(id, true), id, "GET", SpanKind.SERVER, USERS, Collections.emptyList());
    assertThat(sampled.getDecision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(sampled.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("parent");
    TraceState parentState = TraceState.builder().put("ot", "th:c").build();
    assertThat(sampled.getUpdatedTraceState(parentState)).isEqualTo(parentState);

    SamplingResult unsampled =
        sampler.shouldSample(
            remoteParent(id, false), id, "GET", SpanKind.SERVER, CHECKOUT, Collections.emptyList());
    assertThat(unsampled.getDecision())
        .as("a ratio-1 rule does not override an unsampled parent")
        .isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void dropRulesAndExclusionsWinOverASampledParentForServerSpans() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRules("url.path=/api/users => drop")
            .setExcludedRoutes(RouteList.parse("/health"))
            .build();
    String id = traceId(123);
    Context parent = remoteParent(id, true);
    assertThat(
            sampler
                .shouldSample(parent, id, "GET", SpanKind.SERVER, USERS, Collections.emptyList())
                .getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(
            sampler
                .shouldSample(parent, id, "GET", SpanKind.SERVER, HEALTH, Collections.emptyList())
                .getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(
            sampler
                .shouldSample(parent, id, "GET", SpanKind.CLIENT, USERS, Collections.emptyList())
                .getDecision())
        .as("drop rules override the parent only for SERVER spans")
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(
            root(sampler, id, SpanKind.SERVER, Attributes.of(SemConv.URL_PATH, "/healthz"))
                .getDecision())
        .as("/health never excludes /healthz")
        .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(
            root(sampler, id, SpanKind.SERVER, Attributes.of(SemConv.HTTP_ROUTE, "/health"))
                .getDecision())
        .isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void excludedServerSpansTakeTheirChildrenWithThemInTheSdk() {
    ReqlensSampler sampler =
        ReqlensSampler.builder().setExcludedRoutes(RouteList.parse("/health")).build();
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSampler(sampler)
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      var tracer = provider.get("test");
      Span server =
          tracer
              .spanBuilder("GET")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("url.path", "/health")
              .startSpan();
      try (Scope ignored = server.makeCurrent()) {
        tracer.spanBuilder("SELECT 1").setSpanKind(SpanKind.CLIENT).startSpan().end();
      }
      server.end();
      assertThat(exporter.getFinishedSpanItems()).isEmpty();
    }
  }

  @Test
  void recordUnsampledRecordsWhatTheRatioDidNotChooseButNeverWhatWasDropped() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0)
            .setRules("url.path=/api/users => drop")
            .setExcludedRoutes(RouteList.parse("/health"))
            .setRecordUnsampled(true)
            .build();
    assertThat(root(sampler, traceId(5), SpanKind.SERVER, CHECKOUT).getDecision())
        .isEqualTo(SamplingDecision.RECORD_ONLY);
    assertThat(root(sampler, traceId(5), SpanKind.SERVER, USERS).getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(root(sampler, traceId(5), SpanKind.SERVER, HEALTH).getDecision())
        .isEqualTo(SamplingDecision.DROP);
    assertThat(
            sampler
                .shouldSample(
                    remoteParent(traceId(5), false),
                    traceId(5),
                    "GET",
                    SpanKind.SERVER,
                    CHECKOUT,
                    Collections.emptyList())
                .getDecision())
        .as("an unsampled remote parent is respected")
        .isEqualTo(SamplingDecision.DROP);

    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSampler(sampler)
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      var tracer = provider.get("test");
      Span server =
          tracer
              .spanBuilder("POST")
              .setSpanKind(SpanKind.SERVER)
              .setAllAttributes(CHECKOUT)
              .startSpan();
      assertThat(server.isRecording()).isTrue();
      assertThat(server.getSpanContext().isSampled()).isFalse();
      try (Scope ignored = server.makeCurrent()) {
        Span child = tracer.spanBuilder("SELECT").setSpanKind(SpanKind.CLIENT).startSpan();
        assertThat(child.isRecording())
            .as("local children of a recorded root are recorded")
            .isTrue();
        child.end();
      }
      server.end();
    }
  }

  @Test
  void descriptionPrintsTheEffectiveConfiguration() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0.1)
            .setRules("url.path=/api/checkout/**=>1 ;span.kind = consumer => rate=10/s")
            .setExcludedRoutes(RouteList.parse("/health,/static/**"))
            .build();
    assertThat(sampler.getDescription())
        .isEqualTo(
            "ReqlensSampler{ratio=0.1, rules=[1: url.path=/api/checkout/** => 1,"
                + " 2: span.kind=CONSUMER => rate=10/s], excludeRoutes=[/health, /static/**],"
                + " recordUnsampled=false}")
        .isEqualTo(sampler.toString());
  }
}
