package io.reqlens.sampler.localtrace;

import static io.reqlens.sampler.localtrace.ProcessorFixture.endAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.core.semconv.ReqlensAttributes;
import io.reqlens.core.semconv.SemConv;
import io.reqlens.sampler.ReqlensSampler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTraceProcessorTest {

  private static long chosen;

  private static ReqlensSampler ratioZeroRecording() {
    return ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
  }

  @Test
  void excludesByRouteTemplateWithChildrenEvenWithAnotherSampler() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            Sampler.alwaysOn(), b -> b.setExcludedRoutes(RouteList.parse("/api/users/{id}")))) {
      Span excluded = f.server("/api/users/42", "/api/users/{id}");
      f.db(excluded, "SELECT * FROM users WHERE id = ?", 1, 2);
      endAfter(excluded, 5);
      Span kept = f.server("/api/users", "/api/users");
      f.db(kept, "SELECT * FROM users", 1, 2);
      endAfter(kept, 5);

      assertThat(f.spansOf(excluded)).as("server and DB span of the excluded template").isEmpty();
      assertThat(f.spansOf(kept)).hasSize(2);
      assertThat(f.counter("reqlens.traces.dropped", "excluded")).isEqualTo(1);
      assertThat(f.counter("reqlens.traces.kept", "sampler")).isEqualTo(1);
    }
  }

  @Test
  void keepsErroredLocalTracesCompleteAndMarksWhy() {
    try (ProcessorFixture f =
        new ProcessorFixture(ratioZeroRecording(), b -> b.setKeepErrors(true))) {
      Span failing = f.server("/api/error", "/api/error");
      Span db = f.child(failing, "SELECT", SpanKind.CLIENT);
      db.setStatus(StatusCode.ERROR);
      db.end();
      endAfter(failing, 5);
      Span fine = f.server("/api/users", "/api/users");
      f.db(fine, "SELECT 1", 1, 1);
      endAfter(fine, 5);

      assertThat(f.spansOf(fine)).isEmpty();
      assertThat(f.spansOf(failing)).hasSize(2).allMatch(s -> s.getSpanContext().isSampled());
      SpanData root =
          f.spansOf(failing).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(root.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("error");
      assertThat(f.spansOf(failing))
          .as("probability 1, children too: th:0, sample_rate 1.0")
          .allSatisfy(
              s -> assertThat(s.getSpanContext().getTraceState().get("ot")).isEqualTo("th:0"));
      assertThat(f.counter("reqlens.traces.kept", "error")).isEqualTo(1);
      assertThat(f.counter("reqlens.traces.dropped", "ratio")).isEqualTo(1);
    }
  }

  @Test
  void aServer5xxCountsAsAnError() {
    try (ProcessorFixture f =
        new ProcessorFixture(ratioZeroRecording(), b -> b.setKeepErrors(true))) {
      Span s = f.server("/api/x", "/api/x");
      s.setAttribute("http.response.status_code", 503L);
      endAfter(s, 1);
      Span ok = f.server("/api/y", "/api/y");
      ok.setAttribute("http.response.status_code", 404L);
      endAfter(ok, 1);
      assertThat(f.spans()).extracting(SpanData::getName).containsExactly("GET /api/x");
    }
  }

  @Test
  void keepsSlowLocalTracesByRootDuration() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            ratioZeroRecording(), b -> b.setKeepSlowerThan(Duration.ofMillis(200)))) {
      Span slow = f.server("/api/slow", "/api/slow");
      f.db(slow, "SELECT 1", 1, 1);
      endAfter(slow, 300);
      Span fast = f.server("/api/slow", "/api/slow");
      endAfter(fast, 200); // not longer than the threshold
      assertThat(f.spansOf(slow)).hasSize(2);
      assertThat(f.spansOf(fast)).isEmpty();
      assertThat(
              f.spansOf(slow).stream()
                  .filter(s -> s.getKind() == SpanKind.SERVER)
                  .findFirst()
                  .get()
                  .getAttributes()
                  .get(ReqlensAttributes.KEPT_BY))
          .isEqualTo("slow");
    }
  }

  @Test
  void headSampledTracesKeepTheSamplersReasonAndThreshold() {
    ReqlensSampler sampler = ReqlensSampler.builder().setRules("url.path=/api/** => 1").build();
    try (ProcessorFixture f = new ProcessorFixture(sampler, b -> b.setKeepErrors(true))) {
      Span s = f.server("/api/users", "/api/users");
      endAfter(s, 1);
      SpanData root = f.spans().get(0);
      assertThat(root.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("rule");
      assertThat(root.getAttributes().get(ReqlensAttributes.RULE)).isEqualTo(1L);
      assertThat(root.getSpanContext().getTraceState().get("ot")).isEqualTo("th:0");
      assertThat(f.counter("reqlens.traces.kept", "rule")).isEqualTo(1);
    }
  }

  /**
   * A root the ratio chose that also fails would have been kept anyway: probability 1, counted as
   * {@code error}, and every span (the late one included) exports {@code th:0} instead of the
   * ratio's threshold. A head-sampled trace that qualifies for nothing keeps the ratio's {@code
   * th}.
   */
  @Test
  void aRootTheRatioChoseThatAlsoFailsIsATailKeepWithProbabilityOne() {
    ReqlensSampler sampler =
        ReqlensSampler.builder()
            .setRatio(0.1)
            .setRules("url.path=/api/error => 0.5")
            .setRecordUnsampled(true)
            .build();
    try (ProcessorFixture f =
        new ProcessorFixture(
            sampler, b -> b.setKeepErrors(true).setKeepSlowerThan(Duration.ofMillis(200)))) {
      Span failing = serverChosen(f, "/api/error");
      Span db = f.child(failing, "SELECT", SpanKind.CLIENT);
      db.setStatus(StatusCode.ERROR);
      db.end();
      Span late = f.child(failing, "after", SpanKind.INTERNAL);
      endAfter(failing, 5);
      late.end();
      Span slow = serverChosen(f, "/api/users");
      endAfter(slow, 300);
      Span plain = serverChosen(f, "/api/users");
      f.db(plain, "SELECT 1", 1, 1);
      endAfter(plain, 5);

      assertThat(f.spansOf(failing))
          .hasSize(3)
          .allSatisfy(
              s -> assertThat(s.getSpanContext().getTraceState().get("ot")).isEqualTo("th:0"))
          .allSatisfy(s -> assertThat(s.getSpanContext().isSampled()).isTrue());
      assertThat(rootOf(f, failing).getAttributes().get(ReqlensAttributes.KEPT_BY))
          .isEqualTo("error");
      assertThat(rootOf(f, slow).getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("slow");
      assertThat(rootOf(f, slow).getSpanContext().getTraceState().get("ot")).isEqualTo("th:0");
      assertThat(f.spansOf(plain))
          .hasSize(2)
          .allSatisfy(
              s ->
                  assertThat(s.getSpanContext().getTraceState().get("ot"))
                      .isEqualTo("th:e6666666666666"));
      assertThat(rootOf(f, plain).getAttributes().get(ReqlensAttributes.KEPT_BY))
          .isEqualTo("ratio");
      assertThat(f.counter("reqlens.traces.kept", "error")).isEqualTo(1);
      assertThat(f.counter("reqlens.traces.kept", "slow")).isEqualTo(1);
      assertThat(f.counter("reqlens.traces.kept", "ratio")).isEqualTo(1);
      assertThat(f.counter("reqlens.traces.kept", "rule")).isZero();
    }
  }

  /** A sampled remote parent's trace keeps its own probability even when it fails here. */
  @Test
  void aFailingTraceThatFollowedItsParentKeepsTheParentsThreshold() {
    ReqlensSampler sampler = ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
    try (ProcessorFixture f = new ProcessorFixture(sampler, b -> b.setKeepErrors(true))) {
      SpanContext parent =
          SpanContext.createFromRemoteParent(
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              TraceFlags.getSampled(),
              TraceState.builder().put("ot", "th:c").build());
      Span s =
          f.tracer
              .spanBuilder("GET /api/error")
              .setSpanKind(SpanKind.SERVER)
              .setParent(Context.root().with(Span.wrap(parent)))
              .startSpan();
      s.setStatus(StatusCode.ERROR);
      s.end();
      SpanData root = f.spans().get(0);
      assertThat(root.getAttributes().get(ReqlensAttributes.KEPT_BY)).isEqualTo("parent");
      assertThat(root.getSpanContext().getTraceState().get("ot")).isEqualTo("th:c");
    }
  }

  /** A root whose trace id's randomness is the largest: every ratio above 0 chooses it. */
  private static Span serverChosen(ProcessorFixture f, String path) {
    f.nextTraceId(String.format("%016x00ffffffffffffff", ++chosen));
    return f.server(path, path);
  }

  private static SpanData rootOf(ProcessorFixture f, Span root) {
    return f.spansOf(root).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
  }

  @Test
  void stampsTheQueryProfileAndNPlusOne() {
    try (ProcessorFixture f =
        new ProcessorFixture(Sampler.alwaysOn(), b -> b.setNPlusOneThreshold(5))) {
      Span orders = f.server("/api/orders", "/api/orders");
      f.db(orders, "SELECT * FROM orders", 0, 4);
      for (int i = 0; i < 6; i++) {
        f.db(orders, "SELECT * FROM users WHERE id = ?", 5 + i, 2);
      }
      f.child(orders, "render", SpanKind.INTERNAL).end();
      endAfter(orders, 30);
      Span one = f.server("/api/users/1", "/api/users/{id}");
      for (int i = 0; i < 4; i++) {
        f.db(one, "SELECT * FROM users WHERE id = ?", i, 1);
      }
      endAfter(one, 10);

      SpanData root =
          f.spansOf(orders).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(root.getAttributes().get(ReqlensAttributes.DB_COUNT)).isEqualTo(7L);
      assertThat(root.getAttributes().get(ReqlensAttributes.DB_DURATION_NS)).isEqualTo(16_000_000L);
      assertThat(root.getAttributes().get(ReqlensAttributes.DB_STATEMENTS)).isEqualTo(2L);
      assertThat(root.getAttributes().get(ReqlensAttributes.N_PLUS_ONE)).isTrue();
      assertThat(root.getAttributes().get(ReqlensAttributes.N_PLUS_ONE_STATEMENT))
          .isEqualTo("SELECT * FROM users WHERE id = ?");
      assertThat(root.getAttributes().get(ReqlensAttributes.N_PLUS_ONE_COUNT)).isEqualTo(6L);

      SpanData other =
          f.spansOf(one).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(other.getAttributes().get(ReqlensAttributes.DB_COUNT)).isEqualTo(4L);
      assertThat(other.getAttributes().get(ReqlensAttributes.N_PLUS_ONE))
          .as("4 < threshold 5")
          .isFalse();
      assertThat(other.getAttributes().get(ReqlensAttributes.N_PLUS_ONE_STATEMENT)).isNull();
      assertThat(other.getTotalAttributeCount()).isEqualTo(other.getAttributes().size());
    }
  }

  @Test
  void nPlusOneAcrossManyStatementsUsesTheCountingPath() {
    try (ProcessorFixture f = new ProcessorFixture(Sampler.alwaysOn(), b -> {})) {
      Span root = f.server("/api/orders", "/api/orders");
      for (int i = 0; i < 100; i++) {
        f.db(root, "SELECT * FROM t" + (i % 40), i, 1);
      }
      endAfter(root, 200);
      SpanData r = f.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(r.getAttributes().get(ReqlensAttributes.DB_COUNT)).isEqualTo(100L);
      assertThat(r.getAttributes().get(ReqlensAttributes.DB_STATEMENTS)).isEqualTo(40L);
      assertThat(r.getAttributes().get(ReqlensAttributes.N_PLUS_ONE))
          .as("each ran at most 3 times")
          .isFalse();
    }
  }

  /**
   * Issue 15, finding 4: header capture turned on by the user ({@code http.request.header.*}
   * attributes) must not carry credentials to OTLP, even with query redaction off.
   */
  @Test
  void redactsSensitiveHeaderValuesWhateverTheQuerySetting() {
    try (ProcessorFixture f =
        new ProcessorFixture(Sampler.alwaysOn(), b -> b.setRedactedQueryParams("none"))) {
      Span root = f.server("/api/orders", "/api/orders");
      root.setAttribute(
          AttributeKey.stringArrayKey("http.request.header.authorization"),
          List.of("Bearer s3cr3t"));
      root.setAttribute(
          AttributeKey.stringArrayKey("http.request.header.cookie"), List.of("JSESSIONID=abc"));
      root.setAttribute(
          AttributeKey.stringArrayKey("http.request.header.user-agent"), List.of("curl/8"));
      Span client = f.child(root, "GET", SpanKind.CLIENT);
      client.setAttribute(
          AttributeKey.stringArrayKey("http.response.header.set-cookie"),
          List.of("sid=one", "theme=two"));
      client.setAttribute(
          AttributeKey.stringArrayKey("http.request.header.x-api-key"), List.of("k-123"));
      client.end();
      endAfter(root, 1);
      assertThat(f.spans()).hasSize(2);
      assertThat(f.spans().toString()).doesNotContain("s3cr3t", "abc", "sid=one", "k-123");
      SpanData r = f.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(r.getAttributes().get(AttributeKey.stringArrayKey("http.request.header.cookie")))
          .containsExactly("REDACTED");
      assertThat(
              r.getAttributes().get(AttributeKey.stringArrayKey("http.request.header.user-agent")))
          .containsExactly("curl/8");
      SpanData c = f.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().get();
      assertThat(
              c.getAttributes().get(AttributeKey.stringArrayKey("http.response.header.set-cookie")))
          .containsExactly("REDACTED", "REDACTED");
    }
  }

  @Test
  void redactsSensitiveQueryValuesOnEverySpan() {
    try (ProcessorFixture f = new ProcessorFixture(Sampler.alwaysOn(), b -> {})) {
      Span root = f.server("/api/orders", "/api/orders");
      // Secrets with letters beyond 'f': none of them can occur in a (random, hex) trace or span
      // id, so their absence from the spans' text proves redaction, whatever the ids are.
      root.setAttribute(
          "url.query", "page=2&token=s3cr3t-zzz&Password=hunter2-zzz&api_key=key-zzz-value");
      Span client = f.child(root, "GET", SpanKind.CLIENT);
      client.setAttribute("url.full", "http://127.0.0.1:1/x?session_id=sess-zzz-id&q=1#frag");
      client.end();
      endAfter(root, 1);
      assertThat(f.spans()).hasSize(2);
      assertThat(f.spans().toString())
          .doesNotContain("s3cr3t-zzz", "hunter2-zzz", "key-zzz-value", "sess-zzz-id");
      SpanData r = f.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().get();
      assertThat(r.getAttributes().get(SemConv.URL_QUERY))
          .isEqualTo("page=2&token=REDACTED&Password=REDACTED&api_key=REDACTED");
      SpanData c = f.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().get();
      assertThat(c.getAttributes().get(SemConv.URL_FULL))
          .isEqualTo("http://127.0.0.1:1/x?session_id=REDACTED&q=1#frag");
    }
  }

  @Test
  void lateSpansFollowTheirTracesDecision() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            Sampler.alwaysOn(), b -> b.setExcludedRoutes(RouteList.parse("/health")))) {
      Span kept = f.server("/api/users", "/api/users");
      Span asyncKept = f.child(kept, "async", SpanKind.INTERNAL);
      endAfter(kept, 1);
      asyncKept.end();
      Span excluded = f.server("/health", null);
      Span asyncExcluded = f.child(excluded, "async", SpanKind.INTERNAL);
      endAfter(excluded, 1);
      asyncExcluded.end();

      assertThat(f.spansOf(kept)).hasSize(2);
      assertThat(f.spansOf(excluded)).isEmpty();
      assertThat(f.counter("reqlens.spans.late", null)).isEqualTo(2);
    }
  }

  @Test
  void describesItsConfiguration() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            Sampler.alwaysOn(),
            b ->
                b.setExcludedRoutes(RouteList.parse("/health"))
                    .setKeepErrors(true)
                    .setKeepSlowerThan(Duration.ofMillis(250))
                    .setRedactedQueryParams("*token*"))) {
      assertThat(f.processor.toString())
          .startsWith(
              "LocalTraceProcessor{excludeRoutes=[/health], keepErrors=true, keepSlowerThan=PT0.25S,"
                  + " nPlusOneThreshold=5, redactQueryParams=*token*, maxBufferedTraces=2048,"
                  + " maxBufferedSpans=16384, profiler=RequestProfiler{interval=10ms, after=20ms,")
          .contains(", downstream=SimpleSpanProcessor");
    }
  }
}
