package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example service under the real agent with everything kept (ratio 1): what each endpoint looks
 * like as spans. Later work (exclusion by route, request events, N+1 reports) relies on it.
 */
class ExampleServiceIT {

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent("example-service", Map.of("OTEL_TRACES_SAMPLER", "reqlens"));

  private static final String MARKER = "/healthz";

  /**
   * Each request is one SERVER span (the one {@code traceresponse} names) whose {@code http.route}
   * is the Javalin template, with one database CLIENT child per JDBC statement. Static files get
   * the servlet mapping {@code /*} as their route from the agent: only {@code url.path} tells them.
   */
  @ParameterizedTest(name = "GET {0}")
  @CsvSource({
    "/api/users,      200, /api/users,      1",
    "/api/users/3,    200, /api/users/{id}, 1",
    "/api/users/999,  404, /api/users/{id}, 1",
    "/api/orders,     200, /api/orders,     13",
    "/api/slow?ms=20, 200, /api/slow,       1",
    "/health,         200, /health,         1",
    "/healthz,        200, /healthz,        1",
    "/static/app.css, 200, /*,              0",
  })
  void endpointIsOneServerSpanWithItsRouteAndOneClientSpanPerQuery(
      String path, int status, String route, int queries) {
    ServiceClient.Response response = SERVICE.http().get(path);
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.sampled()).isTrue();

    ReceivedSpan server = SERVICE.awaitServerSpan(response.traceId());
    assertThat(server.spanId())
        .as("traceresponse names the server span")
        .isEqualTo(response.spanId());
    assertThat(server.parentSpanId()).isEmpty();
    assertThat(server.attribute("http.route")).isEqualTo(route);
    assertThat(server.attribute("url.path")).isEqualTo(path.replaceFirst("\\?.*", ""));
    assertThat(server.attribute("http.response.status_code")).isEqualTo(Integer.toString(status));
    assertThat(server.attribute("reqlens.kept_by")).isEqualTo("ratio");
    assertThat(server.traceState()).isEqualTo("ot=th:0");

    SERVICE.barrier(MARKER);
    List<ReceivedSpan> trace = SERVICE.spansOf(response.traceId());
    assertThat(trace).filteredOn(s -> s.kind() == SpanKind.SPAN_KIND_SERVER).hasSize(1);
    List<ReceivedSpan> db = clientSpans(trace);
    assertThat(db).hasSize(queries);
    assertThat(db)
        .allSatisfy(
            s -> {
              assertThat(s.parentSpanId()).isEqualTo(server.spanId());
              assertThat(s.attribute("db.system")).isEqualTo("h2");
            });
    assertThat(trace).hasSize(queries + 1);
  }

  @Test
  void userByIdBindsTheIdAsAParameter() {
    ServiceClient.Response response = SERVICE.http().get("/api/users/7");
    assertThat(response.body()).isEqualTo("{\"id\":7,\"name\":\"Dennis\"}");
    ReceivedSpan query = awaitClientSpans(response.traceId(), 1).get(0);
    assertThat(statement(query)).isEqualTo("SELECT id, name FROM users WHERE id = ?");
  }

  @Test
  void ordersEndpointIsAnNPlusOne() {
    ServiceClient.Response response = SERVICE.http().get("/api/orders");
    assertThat(response.status()).isEqualTo(200);
    List<ReceivedSpan> db = awaitClientSpans(response.traceId(), 13);
    assertThat(db.stream().map(ExampleServiceIT::statement))
        .containsOnlyOnce("SELECT id, user_id, item, quantity FROM orders")
        .filteredOn(s -> s.equals("SELECT id, name FROM users WHERE id = ?"))
        .hasSize(12);
  }

  @Test
  void postCreatesAUserFromJsonOrFormWithOneInsert() {
    ServiceClient.Response json =
        SERVICE.http().post("/api/users", "application/json", "{\"name\":\"Ann\"}");
    ServiceClient.Response form =
        SERVICE.http().post("/api/users", "application/x-www-form-urlencoded", "name=Bob+B");
    assertThat(json.status()).isEqualTo(201);
    assertThat(json.body()).contains("\"name\":\"Ann\"");
    assertThat(form.status()).isEqualTo(201);
    assertThat(form.body()).contains("\"name\":\"Bob B\"");
    for (ServiceClient.Response r : List.of(json, form)) {
      ReceivedSpan server = SERVICE.awaitServerSpan(r.traceId());
      assertThat(server.name()).isEqualTo("POST /api/users");
      assertThat(server.attribute("http.route")).isEqualTo("/api/users");
      assertThat(statement(awaitClientSpans(r.traceId(), 1).get(0)))
          .isEqualTo("INSERT INTO users (name) VALUES (?)");
    }
    assertThat(SERVICE.http().post("/api/users", "application/json", "{}").status()).isEqualTo(400);
  }

  @Test
  void errorIsRecordedAsAnExceptionEventOnTheServerSpan() {
    ServiceClient.Response response = SERVICE.http().get("/api/error");
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("deliberate"); // no exception text to clients

    ReceivedSpan server = SERVICE.awaitServerSpan(response.traceId());
    assertThat(server.attribute("http.route")).isEqualTo("/api/error");
    assertThat(server.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    List<Span.Event> events = server.events("exception");
    assertThat(events).hasSize(1);
    Span.Event exception = events.get(0);
    assertThat(ReceivedSpan.attribute(exception, "exception.type"))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(ReceivedSpan.attribute(exception, "exception.message"))
        .isEqualTo("deliberate failure from GET /api/error");
    assertThat(ReceivedSpan.attribute(exception, "exception.stacktrace"))
        .startsWith("java.lang.IllegalStateException: deliberate failure from GET /api/error")
        .contains("at io.reqlens.examples.ApiRoutes");
  }

  /** The receiver serves metrics and logs too, so the agent never reports an export failure. */
  @Test
  void agentExportsMetricsToTheReceiverWithoutExportFailures() {
    await().atMost(Barrier.TIMEOUT).until(() -> SERVICE.otlp().metricRequests() > 0);
    SERVICE.barrier(MARKER);
    assertThat(SERVICE.output())
        .contains("opentelemetry-javaagent - version: ")
        .doesNotContain("Failed to export")
        .doesNotContain("failed to start");
  }

  private static List<ReceivedSpan> awaitClientSpans(String traceId, int count) {
    SERVICE.awaitServerSpan(traceId); // ends after its queries, so they were exported before it
    return clientSpans(SERVICE.spansOf(traceId));
  }

  private static List<ReceivedSpan> clientSpans(List<ReceivedSpan> spans) {
    return spans.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT).toList();
  }

  /** The sanitized statement: old ({@code db.statement}) or stable ({@code db.query.text}) key. */
  private static String statement(ReceivedSpan span) {
    String stable = span.attribute("db.query.text");
    return stable != null ? stable : span.attribute("db.statement");
  }
}
