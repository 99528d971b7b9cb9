package io.reqlens.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping rules of the request events, beyond the golden file. */
class ReqEventEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestClock clock = TestClock.create();
  private final ReqEventEncoder encoder = new ReqEventEncoder(clock);

  @Test
  void reqKeysAreAlwaysPresentAndNullWhenUnknown() throws Exception {
    SpanData bare =
        span("0000000000000001", SpanKind.SERVER, null, Attributes.empty(), StatusData.unset());
    JsonNode req = encode(bare).get(0);
    assertThat(fieldNames(req))
        .containsExactly(
            "kind",
            "v",
            "ts_ns",
            "trace_id",
            "span_id",
            "service",
            "service_version",
            "sample_rate",
            "method",
            "route",
            "path",
            "status",
            "dur_ns",
            "bytes_in",
            "bytes_out",
            "error",
            "db_count",
            "db_dur_ns");
    assertThat(req.get("route").isNull()).isTrue();
    assertThat(req.get("bytes_in").isNull()).isTrue();
    assertThat(req.get("db_count").isNull()).isTrue();
    assertThat(req.get("sample_rate").doubleValue()).isEqualTo(1.0);
    assertThat(req.get("error").booleanValue()).isFalse();
  }

  @Test
  void routeFallsBackToThePathAndNeitherKeepsAQueryString() throws Exception {
    Attributes old =
        Attributes.builder()
            .put("http.method", "GET")
            .put("http.target", "/a/b?x=1#f")
            .put("http.status_code", 503L)
            .put("http.request_content_length", 10L)
            .build();
    JsonNode req =
        encode(span("0000000000000001", SpanKind.SERVER, null, old, StatusData.unset())).get(0);
    assertThat(req.get("method").textValue()).isEqualTo("GET");
    assertThat(req.get("path").textValue()).isEqualTo("/a/b");
    assertThat(req.get("route").textValue()).isEqualTo("/a/b");
    assertThat(req.get("status").intValue()).isEqualTo(503);
    assertThat(req.get("error").booleanValue()).as("HTTP >= 500").isTrue();
    assertThat(req.get("bytes_in").longValue()).isEqualTo(10);
  }

  @Test
  void exceptionOnAChildIsHeldUntilItsServerSpanAndReportedOnce() throws Exception {
    SpanData child =
        withException(
            span(
                "0000000000000002",
                SpanKind.INTERNAL,
                "0000000000000001",
                Attributes.empty(),
                StatusData.error()),
            "boom");
    List<JsonNode> first = encode(child);
    assertThat(first).extracting(n -> n.get("kind").textValue()).containsExactly("FN");

    SpanData server =
        withException(
            span(
                "0000000000000001",
                SpanKind.SERVER,
                null,
                Attributes.builder().put("http.route", "/r/{id}").build(),
                StatusData.error()),
            "boom");
    List<JsonNode> second = encode(server);
    assertThat(second)
        .extracting(n -> n.get("kind").textValue())
        .containsExactly("REQ", "REQ_META");
    JsonNode meta = second.get(1);
    assertThat(meta.get("route").textValue()).isEqualTo("/r/{id}");
    assertThat(meta.get("span_id").textValue())
        .as("where it was thrown")
        .isEqualTo("0000000000000002");
    assertThat(meta.get("exception_type").textValue()).isEqualTo("java.lang.RuntimeException");
    assertThat(meta.get("exception_value").textValue()).isEqualTo("boom");
    assertThat(meta.get("traceback").textValue()).contains("at app.X.y");
  }

  @Test
  void anExceptionWhoseServerSpanNeverComesIsWrittenWithANullRouteAfterTheHold() throws Exception {
    SpanData child =
        withException(
            span(
                "0000000000000002",
                SpanKind.CLIENT,
                "0000000000000001",
                Attributes.empty(),
                StatusData.error()),
            "lost");
    assertThat(encode(child)).isEmpty();
    clock.advance(Duration.ofSeconds(LocalTraceExceptions.HOLD_SECONDS + 1));
    JsonWriter out = new JsonWriter();
    encoder.flushPending(out, false);
    List<JsonNode> lines = parse(out);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("route").isNull()).isTrue();
  }

  @Test
  void dbSpanUsesOldSemconvAndSanitizesTheStatementAgain() throws Exception {
    Attributes a =
        Attributes.builder()
            .put("db.system", "mysql")
            .put("db.operation", "UPDATE")
            .put("db.sql.table", "users")
            .put("db.statement", "UPDATE users SET pw = 'hunter2' WHERE id = 7")
            .build();
    JsonNode db = db(a);
    assertThat(db.get("db_system").textValue()).isEqualTo("mysql");
    assertThat(db.get("operation").textValue()).isEqualTo("UPDATE");
    assertThat(db.get("collection").textValue()).isEqualTo("users");
    assertThat(db.get("query").textValue()).isEqualTo("UPDATE users SET pw = ? WHERE id = ?");
    assertThat(db.get("rows").isNull()).isTrue();
  }

  /** The agent under {@code OTEL_SEMCONV_STABILITY_OPT_IN=database}: a summary, no names. */
  @Test
  void dbOperationAndCollectionComeFromTheSummaryUnderStableConventions() throws Exception {
    JsonNode db =
        db(
            Attributes.builder()
                .put("db.system.name", "h2database")
                .put("db.query.summary", "SELECT users")
                .put("db.query.text", "SELECT id, name FROM users ORDER BY id")
                .put("db.response.returned_rows", 12L)
                .build());
    assertThat(db.get("operation").textValue()).isEqualTo("SELECT");
    assertThat(db.get("collection").textValue()).isEqualTo("users");
    assertThat(db.get("rows").longValue()).isEqualTo(12);
  }

  @Test
  void aSummaryOfSeveralTablesNamesNoCollection() throws Exception {
    JsonNode db =
        db(
            Attributes.builder()
                .put("db.system.name", "postgresql")
                .put("db.query.summary", "SELECT users orders")
                .put("db.query.text", "SELECT * FROM users u JOIN orders o ON o.user_id = u.id")
                .build());
    assertThat(db.get("operation").textValue()).isEqualTo("SELECT");
    assertThat(db.get("collection").isNull()).isTrue();
  }

  @Test
  void withoutNamesOrSummaryTheSanitizedStatementIsAnalyzed() throws Exception {
    JsonNode db =
        db(
            Attributes.builder()
                .put("db.system.name", "postgresql")
                .put("db.query.summary", "refresh totals") // a procedure's own name: no keyword
                .put("db.query.text", "DELETE FROM audit_log WHERE ts < '2020-01-01'")
                .build());
    assertThat(db.get("operation").textValue()).isEqualTo("DELETE");
    assertThat(db.get("collection").textValue()).isEqualTo("audit_log");
    assertThat(db.get("query").textValue()).isEqualTo("DELETE FROM audit_log WHERE ts < ?");
  }

  @Test
  void theNamesWinOverTheSummary() throws Exception {
    JsonNode db =
        db(
            Attributes.builder()
                .put("db.system.name", "mysql")
                .put("db.operation.name", "BATCH INSERT")
                .put("db.collection.name", "orders")
                .put("db.query.summary", "SELECT users")
                .build());
    assertThat(db.get("operation").textValue()).isEqualTo("BATCH INSERT");
    assertThat(db.get("collection").textValue()).isEqualTo("orders");
    assertThat(db.get("query").isNull()).isTrue();
  }

  private JsonNode db(Attributes a) throws Exception {
    return encode(
            span("0000000000000002", SpanKind.CLIENT, "0000000000000001", a, StatusData.unset()))
        .get(0);
  }

  @Test
  void clientSpansThatAreNotDatabaseCallsWriteNothing() throws Exception {
    Attributes http = Attributes.builder().put("http.request.method", "GET").build();
    assertThat(
            encode(
                span(
                    "0000000000000002",
                    SpanKind.CLIENT,
                    "0000000000000001",
                    http,
                    StatusData.unset())))
        .isEmpty();
  }

  @Test
  void aProfiledRootGetsAProfLineRightAfterItsReq() throws Exception {
    SpanData server =
        TestSpanData.builder()
            .setSpanContext(
                TestSpans.context(
                    "0000000000000001", TraceState.builder().put("ot", "th:8").build()))
            .setResource(TestSpans.RESOURCE)
            .setKind(SpanKind.SERVER)
            .setName("GET /api/cpu")
            .setAttributes(
                Attributes.builder()
                    .put("http.route", "/api/cpu")
                    .put("url.path", "/api/cpu")
                    .put("http.request.method", "GET")
                    .build())
            .setStartEpochNanos(TestSpans.T0)
            .setEndEpochNanos(TestSpans.T0 + 300_000_000)
            .setStatus(StatusData.unset())
            .setHasEnded(true)
            .build();
    List<String> stacks =
        List.of(
            "java.lang.Thread.run;com.acme.Api.cpu;com.acme.Api.compute 27",
            "java.lang.Thread.run;com.acme.Api.cpu;java.lang.Object.wait;[WAITING] 3");
    SpanData profiled = new Profiled(server, FoldedProfile.of(30, 10_000_000L, stacks));

    List<JsonNode> lines = encode(profiled);
    assertThat(lines).extracting(n -> n.get("kind").asText()).containsExactly("REQ", "PROF");
    JsonNode prof = lines.get(1);
    assertThat(fieldNames(prof))
        .containsExactly(
            "kind",
            "v",
            "ts_ns",
            "trace_id",
            "span_id",
            "service",
            "service_version",
            "sample_rate",
            "route",
            "interval_ns",
            "samples",
            "stacks");
    assertThat(prof.get("ts_ns").asLong()).isEqualTo(TestSpans.T0);
    assertThat(prof.get("span_id").asText()).isEqualTo("0000000000000001");
    assertThat(prof.get("sample_rate").doubleValue()).isEqualTo(0.5);
    assertThat(prof.get("route").asText()).isEqualTo("/api/cpu");
    assertThat(prof.get("interval_ns").asLong()).isEqualTo(10_000_000L);
    assertThat(prof.get("samples").asLong()).isEqualTo(30);
    List<String> written = new ArrayList<>();
    prof.get("stacks").forEach(n -> written.add(n.asText()));
    assertThat(written).isEqualTo(stacks);
  }

  @Test
  void aRootThatWasNotSampledGetsNoProfLine() throws Exception {
    SpanData server =
        span("0000000000000001", SpanKind.SERVER, null, Attributes.empty(), StatusData.unset());
    assertThat(encode(new Profiled(server, null)))
        .extracting(n -> n.get("kind").asText())
        .containsExactly("REQ");
  }

  @Test
  void theCallerOfAnNPlusOneStatementIsWrittenOnItsDbEvents() throws Exception {
    Attributes query =
        Attributes.builder()
            .put("db.system.name", "h2")
            .put("db.query.text", "SELECT name FROM users WHERE id = ?")
            .build();
    SpanData plain =
        span("0000000000000002", SpanKind.CLIENT, "0000000000000001", query, StatusData.unset());
    SpanData repeated =
        span(
            "0000000000000003",
            SpanKind.CLIENT,
            "0000000000000001",
            query.toBuilder()
                .put("reqlens.n_plus_one.caller", "com.acme.Orders.user(Orders.java:42)")
                .build(),
            StatusData.unset());
    List<JsonNode> lines = encode(plain, repeated);
    assertThat(lines.get(0).get("caller").isNull()).isTrue();
    assertThat(lines.get(1).get("caller").asText())
        .isEqualTo("com.acme.Orders.user(Orders.java:42)");
  }

  /** What the local-trace processor hands on for a stack-sampled root. */
  private static final class Profiled extends DelegatingSpanData implements ProfiledSpanData {
    private final FoldedProfile profile;

    Profiled(SpanData data, FoldedProfile profile) {
      super(data);
      this.profile = profile;
    }

    @Override
    public FoldedProfile profile() {
      return profile;
    }
  }

  @Test
  void sampleRateComesFromTheTracestateThreshold() throws Exception {
    SpanData s =
        TestSpanData.builder()
            .setSpanContext(
                TestSpans.context(
                    "0000000000000001", TraceState.builder().put("ot", "th:fc").build()))
            .setKind(SpanKind.SERVER)
            .setName("GET")
            .setStartEpochNanos(1)
            .setEndEpochNanos(2)
            .setStatus(StatusData.unset())
            .setHasEnded(true)
            .build();
    assertThat(encode(s).get(0).get("sample_rate").doubleValue()).isEqualTo(1.0 / 64);
  }

  private List<JsonNode> encode(SpanData... spans) throws Exception {
    JsonWriter out = new JsonWriter();
    encoder.encode(Arrays.asList(spans), out);
    return parse(out);
  }

  private static List<JsonNode> parse(JsonWriter out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line :
        new String(out.buffer(), 0, out.size(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static SpanData span(String id, SpanKind kind, String parent, Attributes a, StatusData status) {
    return TestSpanData.builder()
        .setSpanContext(TestSpans.context(id, TraceState.getDefault()))
        .setParentSpanContext(
            parent == null
                ? SpanContext.getInvalid()
                : TestSpans.context(parent, TraceState.getDefault()))
        .setResource(TestSpans.RESOURCE)
        .setKind(kind)
        .setName("op")
        .setAttributes(a)
        .setStartEpochNanos(TestSpans.T0)
        .setEndEpochNanos(TestSpans.T0 + 1000)
        .setStatus(status)
        .setHasEnded(true)
        .build();
  }

  static SpanData withException(SpanData span, String message) {
    EventData event =
        EventData.create(
            TestSpans.T0 + 500,
            "exception",
            Attributes.builder()
                .put("exception.type", "java.lang.RuntimeException")
                .put("exception.message", message)
                .put(
                    "exception.stacktrace",
                    "java.lang.RuntimeException: " + message + "\n\tat app.X.y(X.java:1)\n")
                .build());
    return TestSpanData.builder()
        .setSpanContext(span.getSpanContext())
        .setParentSpanContext(span.getParentSpanContext())
        .setResource(span.getResource())
        .setKind(span.getKind())
        .setName(span.getName())
        .setAttributes(span.getAttributes())
        .setStartEpochNanos(span.getStartEpochNanos())
        .setEndEpochNanos(span.getEndEpochNanos())
        .setStatus(span.getStatus())
        .setEvents(Collections.singletonList(event))
        .setTotalRecordedEvents(1)
        .setHasEnded(true)
        .build();
  }
}
