package io.reqlens.instrumentation.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP-server behaviour every Reqlens instrumentation passes (brave's {@code ITHttpServer}
 * style). A subclass supplies an {@link HttpServerAdapter}; the tests only use {@link SpanView}s.
 *
 * <p>Strict: a test fails if it leaves a span nobody took, or takes a span whose parent is neither
 * another span of the test nor a parent the test sent in {@code traceparent} (an orphan).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractHttpServerTest {

  /**
   * How long a request or an expected span may take before the test fails: a failure bound, never
   * waited out when things work. Generous, because a kit adapter may be a service in another JVM on
   * a loaded machine, whose first requests load and instrument classes.
   */
  protected static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final Duration QUIET = Duration.ofMillis(100);

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<SpanView> taken = new ArrayList<>();
  private final Set<String> sentParents = new HashSet<>();
  protected HttpServerAdapter adapter;
  protected URI base;

  /** The base URI's path without a trailing slash: empty, or e.g. {@code /kit}. */
  protected String basePath;

  /** The adapter under test; called once per class. */
  protected abstract HttpServerAdapter createAdapter() throws Exception;

  @BeforeAll
  void startServer() throws Exception {
    adapter = createAdapter();
    base = adapter.start();
    basePath = base.getPath() == null ? "" : base.getPath().replaceFirst("/+$", "");
  }

  @AfterAll
  void stopServer() throws Exception {
    if (adapter != null) {
      adapter.stop();
    }
  }

  @BeforeEach
  void cleanSink() {
    adapter.spans().reset();
    taken.clear();
    sentParents.clear();
  }

  @AfterEach
  void everySpanTakenAndNoOrphans() {
    adapter.spans().assertNoMoreSpans(QUIET);
    Set<String> ids = new HashSet<>();
    taken.forEach(s -> ids.add(s.spanId()));
    for (SpanView span : taken) {
      if (span.parentSpanId() != null
          && !ids.contains(span.parentSpanId())
          && !sentParents.contains(span.parentSpanId())) {
        fail("orphaned span (its parent is nowhere): %s", span);
      }
    }
  }

  /** Takes {@code count} spans from the sink, remembering them for the orphan check. */
  protected List<SpanView> take(int count) {
    List<SpanView> spans = adapter.spans().take(count, TIMEOUT);
    taken.addAll(spans);
    return spans;
  }

  protected SpanView takeServerSpan() {
    SpanView span = take(1).get(0);
    assertThat(span.kind()).isEqualTo("SERVER");
    return span;
  }

  /**
   * The request path of a kit path such as {@code /hello}: the same, under the base URI's path when
   * the app serves the kit's endpoints below one (as {@code url.path} reports it).
   */
  protected String path(String kitPath) {
    return basePath + kitPath;
  }

  /** The URI of a kit path (see {@link #path}); it may carry a query string. */
  protected URI uri(String kitPath) {
    return base.resolve(path(kitPath));
  }

  /** GET of a kit path (see {@link #path}) with header name/value pairs. */
  protected HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A sampled W3C traceparent, remembered as a legitimate remote parent. */
  protected String[] traceparent(String traceId, String spanId, boolean sampled) {
    sentParents.add(spanId);
    return new String[] {"traceparent", "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00")};
  }

  protected static String randomHex(int length) {
    StringBuilder hex = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(ThreadLocalRandom.current().nextInt(16), 16));
    }
    return hex.toString();
  }

  private String expectedName(String method, Endpoint endpoint) {
    String route = adapter.expectedRoute(endpoint);
    return route == null ? method : method + " " + route;
  }

  @Test
  void helloHasTheStartAttributesTheSamplerNeedsAndNoSecrets() throws Exception {
    HttpResponse<String> response =
        get(
            "/hello?token=s3cr3t-query",
            "User-Agent",
            "reqlens-kit/1.0",
            "Cookie",
            "sid=s3cr3t-c",
            "Authorization",
            "Bearer s3cr3t-a");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Endpoint.HELLO_BODY);
    SpanView span = takeServerSpan();
    assertThat(span.name()).isEqualTo(expectedName("GET", Endpoint.HELLO));
    assertThat(span.parentSpanId()).isNull();
    assertThat(span.status()).isEqualTo("UNSET");
    assertThat(span.attributes())
        .containsEntry("http.request.method", "GET")
        .containsEntry("url.path", path("/hello"))
        .containsEntry("url.scheme", "http")
        .containsEntry("server.address", base.getHost())
        .containsEntry("server.port", (long) base.getPort())
        .containsEntry("client.address", "127.0.0.1")
        .containsEntry("user_agent.original", "reqlens-kit/1.0")
        .containsEntry("http.response.status_code", 200L)
        .containsEntry("http.response.body.size", 6L)
        .containsEntry("http.request.body.size", 0L);
    // Recorded as the agent records it; the Reqlens processor redacts the secret parameter.
    assertThat(span.attribute("url.query")).isEqualTo("token=REDACTED");
    assertThat(span.attribute("http.route")).isEqualTo(adapter.expectedRoute(Endpoint.HELLO));
    assertThat(span.allText()).noneMatch(text -> text.contains("s3cr3t"));
    assertThat(span.attributes().keySet())
        .noneMatch(
            key -> key.startsWith("http.request.header") || key.startsWith("http.response.header"));
  }

  @Test
  void routeTemplateOfAPathParameter() throws Exception {
    assertThat(get("/users/42").statusCode()).isEqualTo(200);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("url.path")).isEqualTo(path("/users/42"));
    assertThat(span.attribute("http.route")).isEqualTo(adapter.expectedRoute(Endpoint.USER));
    assertThat(span.name()).isEqualTo(expectedName("GET", Endpoint.USER));
  }

  @Test
  void notFoundIsNotAnError() throws Exception {
    assertThat(get("/missing").statusCode()).isEqualTo(404);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.response.status_code")).isEqualTo(404L);
    assertThat(span.status()).isEqualTo("UNSET");
    assertThat(span.name()).isEqualTo(expectedName("GET", Endpoint.NOT_FOUND));
  }

  @Test
  void serverErrorStatusIsAnError() throws Exception {
    assertThat(get("/error").statusCode()).isEqualTo(500);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.response.status_code")).isEqualTo(500L);
    assertThat(span.attribute("error.type")).isEqualTo("500");
    assertThat(span.status()).isEqualTo("ERROR");
    assertThat(span.events()).isEmpty();
  }

  @Test
  void exceptionIsRecordedWithTypeMessageAndStack() throws Exception {
    Integer expectedStatus = adapter.statusAfterUncaughtException();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri("/exception"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .timeout(TIMEOUT)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(expectedStatus);
    } catch (IOException dropped) {
      assertThat(expectedStatus).as("the server dropped the connection").isNull();
    }

    SpanView span = takeServerSpan();
    assertThat(span.name()).isEqualTo(expectedName("POST", Endpoint.EXCEPTION));
    assertThat(span.status()).isEqualTo("ERROR");
    assertThat(span.attribute("http.response.status_code"))
        .isEqualTo(expectedStatus == null ? null : (long) expectedStatus);
    SpanView.Event exception = span.event("exception");
    assertThat(exception).as("exception event").isNotNull();
    assertThat(exception.attributes())
        .containsEntry("exception.type", "java.lang.IllegalStateException")
        .containsEntry("exception.message", "boom");
    assertThat((String) exception.attributes().get("exception.stacktrace"))
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat ");
  }

  @Test
  void incomingSampledTraceparentIsTheParent() throws Exception {
    String traceId = randomHex(32);
    String parentId = randomHex(16);
    assertThat(get("/hello", traceparent(traceId, parentId, true)).statusCode()).isEqualTo(200);

    SpanView span = takeServerSpan();
    assertThat(span.traceId()).isEqualTo(traceId);
    assertThat(span.parentSpanId()).isEqualTo(parentId);
  }

  @Test
  void incomingUnsampledTraceparentIsFollowed() throws Exception {
    assertThat(get("/hello", traceparent(randomHex(32), randomHex(16), false)).statusCode())
        .isEqualTo(200);
    // parent-based: nothing recorded (assertNoMoreSpans after the test)
  }

  @Test
  void excludedRouteLeavesNoSpanEvenWithASampledParent() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/health", traceparent(randomHex(32), randomHex(16), true)).statusCode())
        .isEqualTo(200);
    adapter.spans().assertNoMoreSpans(Duration.ofMillis(300));
  }

  @Test
  void bodySizesOfAFixedLengthRequest() throws Exception {
    byte[] body = new byte[1234];
    ThreadLocalRandom.current().nextBytes(body);
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/echo"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.body()).isEqualTo(body);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.request.method")).isEqualTo("POST");
    assertThat(span.attribute("http.request.body.size")).isEqualTo(1234L);
    assertThat(span.attribute("http.response.body.size")).isEqualTo(1234L);
  }

  /**
   * A request without {@code Content-Length} and not chunked has no body, so no {@code
   * http.request.body.size} (as the agent). The JDK's HttpClient always sends {@code
   * Content-Length: 0}, so this request goes over a plain socket, as curl would send it.
   */
  @Test
  void aRequestWithoutABodyHasNoRequestBodySize() throws Exception {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      String request =
          "GET "
              + path("/hello")
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 200");
    }

    SpanView span = takeServerSpan();
    assertThat(span.attributes()).doesNotContainKey("http.request.body.size");
    assertThat(span.attribute("http.response.body.size")).isEqualTo(6L);
  }

  @Test
  void bodySizesOfAChunkedRequest() throws Exception {
    byte[] body = "chunked body ✓".repeat(100).getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(uri("/echo"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.body()).isEqualTo(body);

    SpanView span = takeServerSpan();
    assertThat(span.attribute("http.request.body.size"))
        .isEqualTo(adapter.measuresChunkedRequestBodies() ? (Long) (long) body.length : null);
    assertThat(span.attribute("http.response.body.size")).isEqualTo((long) body.length);
  }

  @Test
  void parallelRequestsEachGetTheirOwnSpan() throws Exception {
    int count = 48;
    Map<String, String> pathByTrace = new HashMap<>();
    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String traceId = randomHex(32);
      String path = "/users/" + i;
      pathByTrace.put(traceId, path(path));
      String[] header = traceparent(traceId, randomHex(16), true);
      responses.add(
          client.sendAsync(
              HttpRequest.newBuilder(uri(path)).header(header[0], header[1]).build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get().statusCode()).isEqualTo(200);
    }

    List<SpanView> spans = take(count);
    Set<String> traces = new HashSet<>();
    for (SpanView span : spans) {
      assertThat(span.kind()).isEqualTo("SERVER");
      assertThat(span.attribute("url.path")).isEqualTo(pathByTrace.get(span.traceId()));
      traces.add(span.traceId());
    }
    assertThat(traces).hasSize(count);
  }

  @Test
  void spanIsCurrentDuringTheRequest() throws Exception {
    assertThat(get("/child").statusCode()).isEqualTo(200);

    List<SpanView> spans = take(2);
    SpanView child = spans.stream().filter(s -> s.name().equals("child")).findFirst().orElseThrow();
    SpanView server =
        spans.stream().filter(s -> s.kind().equals("SERVER")).findFirst().orElseThrow();
    assertThat(child.kind()).isEqualTo("INTERNAL");
    assertThat(child.traceId()).isEqualTo(server.traceId());
    assertThat(child.parentSpanId()).isEqualTo(server.spanId());
  }
}
