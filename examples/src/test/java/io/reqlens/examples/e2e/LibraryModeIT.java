package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reqlens.examples.launch.ChildService;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Library mode takes the agent's configuration unchanged: one service with every exporter at once
 * ({@code otlp} over http/protobuf, {@code jsonl}, {@code req}, {@code console}) and the Reqlens
 * sampler keys. The service is stopped before the checks, so the SDK's shutdown hook has flushed
 * every exporter and closed the files. Also: what stops start-up.
 *
 * <p>Requests slower than 1 s are kept as {@code slow}. The slow request sleeps 1.1 s; a fast one
 * can exceed 1 s too on a loaded machine (the first requests of a fresh JVM most of all), and then
 * {@code slow} is the right decision for it: so a fast request's expected reason is computed from
 * the duration its own server span records, the one the processor compared with the threshold.
 */
class LibraryModeIT {

  private static final String NAME = "library-exporters";
  private static final String BAD_RULES = "url.path=/x => maybe";
  private static final long KEEP_SLOWER_THAN_NANOS =
      1_000_000_000L; // OTEL_REQLENS_KEEP_SLOWER_THAN

  private static OtlpHttpReceiver otlp;
  private static Path dir;
  private static String output;
  private static final Map<String, ServiceClient.Response> RESPONSES = new LinkedHashMap<>();
  private static final String PARENT_TRACE = W3c.randomTraceId();

  @BeforeAll
  static void runTheServiceAndStopIt() throws IOException {
    otlp = OtlpHttpReceiver.start();
    dir = Files.createTempDirectory(ExampleService.log("").toAbsolutePath(), NAME + "-");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_TRACES_EXPORTER", "otlp,jsonl,req,console");
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.endpoint());
    env.put("OTEL_EXPORTER_JSONL_DIRECTORY", dir.toString());
    env.put("OTEL_EXPORTER_REQ_DIRECTORY", dir.toString());
    env.put("OTEL_TRACES_SAMPLER", "reqlens");
    env.put("OTEL_TRACES_SAMPLER_ARG", "0");
    env.put("OTEL_REQLENS_SAMPLER_RULES", "url.path=/api/users => 1");
    env.put("OTEL_REQLENS_EXCLUDE_ROUTES", "/health");
    env.put("OTEL_REQLENS_KEEP_ERRORS", "true");
    env.put("OTEL_REQLENS_KEEP_SLOWER_THAN", "1s");
    ExampleService service = ExampleService.library(NAME, env);
    service.start();
    try {
      ServiceClient http = service.http();
      RESPONSES.put("rule", http.get("/api/users"));
      RESPONSES.put("ratio 0", http.get("/api/users/1"));
      RESPONSES.put("excluded", http.get("/health"));
      RESPONSES.put("error", http.get("/api/error"));
      RESPONSES.put("slow", http.get("/api/slow?ms=1100")); // sleeps at least 1.1 s > 1 s
      RESPONSES.put(
          "parent",
          http.get("/api/users/2", W3c.traceparent(PARENT_TRACE, W3c.randomSpanId(), true)));
    } finally {
      service.close(); // SIGTERM: the SDK's shutdown hook flushes and closes every exporter
    }
    output = service.output();
  }

  @AfterAll
  static void stopReceiver() {
    if (otlp != null) {
      otlp.close();
    }
  }

  @Test
  void reqlensKeysDecideWhatIsKeptAndOtlpHttpProtobufCarriesIt() {
    assertThat(RESPONSES.values()).allSatisfy(r -> assertThat(r.traceResponse()).isNotNull());
    assertKeptBy("rule", "rule", 2);
    assertKeptBy("error", "error", 1);
    assertKeptBy("slow", "slow", 2);
    assertKeptBy("parent", "parent", 2);
    if (!slowByChance("ratio 0")) {
      assertThat(otlp.spansOfTrace(RESPONSES.get("ratio 0").traceId())).isEmpty();
    }
    assertThat(otlp.spansOfTrace(RESPONSES.get("excluded").traceId())).isEmpty();
    assertThat(RESPONSES.get("parent").traceId()).isEqualTo(PARENT_TRACE);
  }

  @Test
  void jsonlFilesHoldTheKeptSpansAsOtlpJson() throws IOException {
    String spans = read("spans-");
    assertThat(spans).startsWith("{\"resourceSpans\":[");
    for (String kept : List.of("rule", "error", "slow", "parent")) {
      assertThat(spans).contains("\"traceId\":\"" + RESPONSES.get(kept).traceId() + "\"");
    }
    assertThat(spans).doesNotContain(RESPONSES.get("excluded").traceId());
    if (!slowByChance("ratio 0")) {
      assertThat(spans).doesNotContain(RESPONSES.get("ratio 0").traceId());
    }
  }

  @Test
  void reqFilesHoldTheRequestEvents() throws IOException {
    List<String> events = read("events-").lines().collect(Collectors.toList());
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"kind\":\"REQ\"", RESPONSES.get("rule").traceId())
                    .contains("\"route\":\"/api/users\"", "\"db_count\":1"));
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"kind\":\"REQ_META\"", RESPONSES.get("error").traceId())
                    .contains("\"exception_type\":\"java.lang.IllegalStateException\""));
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("\"kind\":\"DB\"", RESPONSES.get("slow").traceId())
                    .contains("\"query\":\"SELECT ?\""));
    if (!slowByChance("ratio 0")) {
      assertThat(events).noneMatch(e -> e.contains(RESPONSES.get("ratio 0").traceId()));
    }
  }

  @Test
  void consolePrintsTheSpans() {
    String traceId = RESPONSES.get("rule").traceId();
    assertThat(output).contains("LoggingSpanExporter").contains("'GET /api/users' : " + traceId);
  }

  /** The exporters export without a linkage error. */
  @Test
  void noExporterFailed() {
    assertThat(output)
        .contains("reqlens-example listening on ")
        .doesNotContain("Failed to export")
        .doesNotContain("NoClassDefFoundError")
        .doesNotContain("NoSuchMethodError")
        .doesNotContain("Exception in thread");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "OTEL_REQLENS_SAMPLER_RULES | "
            + BAD_RULES
            + " | Invalid value for"
            + " OTEL_REQLENS_SAMPLER_RULES",
        "OTEL_EXPERIMENTAL_SDK_TELEMETRY_VERSION | latest | 'latest' is not supported in library"
            + " mode"
      })
  void invalidSettingStopsStartUp(String key, String value, String message) {
    assertThatThrownBy(
            () ->
                ChildService.builder(ExampleService.file("reqlens.example.jar"))
                    .library()
                    .env("OTEL_TRACES_SAMPLER", "reqlens")
                    .env("OTEL_TRACES_EXPORTER", "none")
                    .env("OTEL_METRICS_EXPORTER", "none")
                    .env("OTEL_LOGS_EXPORTER", "none")
                    .env(key, value)
                    .outputFile(ExampleService.log("library-invalid-" + key + ".log"))
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining(message)
        .hasMessageContaining(value);
  }

  /** Both would trace every request twice; the service names the conflict and exits. */
  @Test
  void libraryModeRefusesToRunUnderTheAgent() {
    assertThatThrownBy(
            () ->
                ChildService.builder(ExampleService.file("reqlens.example.jar"))
                    .agent(ExampleService.file("reqlens.agent.jar"), null)
                    .library()
                    .env("OTEL_TRACES_EXPORTER", "none")
                    .env("OTEL_METRICS_EXPORTER", "none")
                    .env("OTEL_LOGS_EXPORTER", "none")
                    .jvmArg("-XX:TieredStopAtLevel=1")
                    .outputFile(ExampleService.log("library-under-agent.log"))
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("the OpenTelemetry Java agent is attached");
  }

  /**
   * Asserts the local trace of a request and its root's reason: {@code keptBy}, except that a root
   * the rule chose which took longer than the threshold is kept as {@code slow} (probability 1); a
   * sampled parent's choice and an error stay what they are.
   */
  private static void assertKeptBy(String request, String keptBy, int spans) {
    String traceId = RESPONSES.get(request).traceId();
    List<ReceivedSpan> trace = otlp.spansOfTrace(traceId);
    assertThat(trace).as("%s: spans of %s", request, traceId).hasSize(spans);
    assertThat(trace)
        .filteredOn(s -> s.parentSpanId().isEmpty() || request.equals("parent"))
        .filteredOn(s -> s.attribute("reqlens.kept_by") != null)
        .singleElement()
        .satisfies(
            root ->
                assertThat(root.attribute("reqlens.kept_by"))
                    .as("%s, %d ns", request, root.durationNanos())
                    .isEqualTo(
                        keptBy.equals("rule") && slowerThanThreshold(root) ? "slow" : keptBy));
  }

  /**
   * Whether a request the configuration drops was kept because this run made it slower than the
   * threshold (asserting that it was kept as {@code slow} for that reason and no other).
   */
  private static boolean slowByChance(String request) {
    List<ReceivedSpan> trace = otlp.spansOfTrace(RESPONSES.get(request).traceId());
    if (trace.isEmpty()) {
      return false;
    }
    ReceivedSpan root =
        trace.stream().filter(s -> s.parentSpanId().isEmpty()).findFirst().orElseThrow();
    assertThat(root.attribute("reqlens.kept_by")).as("%s was kept", request).isEqualTo("slow");
    assertThat(slowerThanThreshold(root)).as("%s: %d ns", request, root.durationNanos()).isTrue();
    return true;
  }

  private static boolean slowerThanThreshold(ReceivedSpan root) {
    return root.durationNanos() > KEEP_SLOWER_THAN_NANOS;
  }

  /** Every closed file of the prefix, concatenated; no file may still be active. */
  private static String read(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.sorted().collect(Collectors.toList());
      assertThat(all).noneMatch(p -> p.getFileName().toString().endsWith(".active"));
      StringBuilder text = new StringBuilder();
      for (Path p : all) {
        if (p.getFileName().toString().startsWith(prefix)) {
          text.append(Files.readString(p));
        }
      }
      assertThat(text).as("files %s* in %s", prefix, dir).isNotEmpty();
      return text.toString();
    }
  }
}
