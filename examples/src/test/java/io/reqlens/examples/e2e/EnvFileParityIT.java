package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user switching from environment variables to a configuration file gets the same behaviour: the
 * same traffic to the service configured both ways keeps the same requests, for the same reasons,
 * with the same spans, attributes and events. Trace ids differ between the two runs, so requests
 * are compared by what was sent; ratio 0 plus rules makes every decision deterministic.
 *
 * <p>Except one: a fast request that the machine makes slower than the threshold is rightly kept as
 * {@code slow} (probability 1), in one run and not the other. Such a request (its own server span
 * took longer than the threshold, and it was not sent to be slow) is shown and checked to be kept
 * as {@code slow}, but not compared between the runs.
 */
class EnvFileParityIT {

  static final String E2E = System.getProperty("reqlens.e2e.dir", "target/e2e");
  static final Path ENV_DIR = Paths.get(E2E, "parity-env-" + System.nanoTime());
  static final Path FILE_DIR = Paths.get(E2E, "parity-file-" + System.nanoTime());

  // One value per key, written once and used for both configurations.
  static final List<String> RULES =
      List.of(
          "http.request.method=POST & url.path=/api/** => 1",
          "url.path=/api/orders => 1",
          "url.path=/healthz => 1");
  static final List<String> EXCLUDED = List.of("/health", "/static/**");
  static final List<String> REDACTED = List.of("token", "*secret*");
  // Far from both the slow request (3 s) and a warmed-up fast one (milliseconds on loopback).
  static final String KEEP_SLOWER_THAN = "1500ms";
  static final long KEEP_SLOWER_THAN_NANOS = 1_500_000_000L;
  static final String SLOW_REQUEST = "GET /api/slow?ms=3000";
  static final String SLOW_BY_CHANCE = "slower than " + KEEP_SLOWER_THAN + " on this run, ";

  @RegisterExtension
  static final ExampleService ENV =
      ExampleService.agent(
          "parity-env",
          Map.ofEntries(
              Map.entry("OTEL_TRACES_SAMPLER", "reqlens"),
              Map.entry("OTEL_TRACES_SAMPLER_ARG", "0"),
              Map.entry("OTEL_REQLENS_SAMPLER_RULES", String.join("; ", RULES)),
              Map.entry("OTEL_REQLENS_EXCLUDE_ROUTES", String.join(",", EXCLUDED)),
              Map.entry("OTEL_REQLENS_KEEP_ERRORS", "true"),
              Map.entry("OTEL_REQLENS_KEEP_SLOWER_THAN", KEEP_SLOWER_THAN),
              Map.entry("OTEL_REQLENS_N_PLUS_ONE_THRESHOLD", "3"),
              Map.entry("OTEL_REQLENS_REDACT_QUERY_PARAMS", String.join(",", REDACTED)),
              Map.entry("OTEL_REQLENS_MAX_BUFFERED_TRACES", "1000"),
              Map.entry("OTEL_REQLENS_MAX_BUFFERED_SPANS", "8000"),
              Map.entry("OTEL_TRACES_EXPORTER", "otlp,jsonl,req"),
              Map.entry("OTEL_EXPORTER_JSONL_DIRECTORY", ENV_DIR.toString()),
              Map.entry("OTEL_EXPORTER_REQ_DIRECTORY", ENV_DIR.toString())));

  @RegisterExtension
  static final ExampleService FILE =
      ExampleService.agent("parity-file", Map.of("OTEL_CONFIG_FILE", writeConfigFile().toString()));

  static Path writeConfigFile() {
    String yaml =
        String.join(
            "\n",
            "file_format: \"1.2\"",
            "propagator:", // the environment's default; a file without it propagates nothing
            "  composite: [ { tracecontext: }, { baggage: } ]",
            "tracer_provider:",
            "  sampler:",
            "    reqlens:",
            "      ratio: 0",
            "      rules: " + yamlList(RULES),
            "      exclude_routes: " + yamlList(EXCLUDED),
            "      keep_errors: true",
            "      keep_slower_than: " + KEEP_SLOWER_THAN,
            "      n_plus_one_threshold: 3",
            "      redact_query_params: " + yamlList(REDACTED),
            "      max_buffered_traces: 1000",
            "      max_buffered_spans: 8000",
            "  processors:",
            "    - batch:",
            "        schedule_delay: ${env:OTEL_BSP_SCHEDULE_DELAY}",
            "        max_queue_size: ${env:OTEL_BSP_MAX_QUEUE_SIZE}",
            "        exporter:",
            "          otlp_grpc:",
            "            endpoint: \"${env:OTEL_EXPORTER_OTLP_ENDPOINT}\"",
            "            timeout: ${env:OTEL_EXPORTER_OTLP_TIMEOUT}",
            "    - batch:",
            "        schedule_delay: ${env:OTEL_BSP_SCHEDULE_DELAY}",
            "        exporter:",
            "          jsonl: { directory: \"" + FILE_DIR + "\" }",
            "    - batch:",
            "        schedule_delay: ${env:OTEL_BSP_SCHEDULE_DELAY}",
            "        exporter:",
            "          req: { directory: \"" + FILE_DIR + "\" }",
            "");
    try {
      Files.createDirectories(Paths.get(E2E));
      Path file = Paths.get(E2E, "parity-file.yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String yamlList(List<String> items) {
    return items.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static String sampledParent() {
    return W3c.traceparent(W3c.randomTraceId(), W3c.randomSpanId(), true);
  }

  /** Sends the same requests, in order, and describes what the service kept of each. */
  private static List<String> run(ExampleService service, Path dir) throws InterruptedException {
    ServiceClient http = service.http();
    // Warm-up, not compared: the first request of each endpoint pays for class loading and JIT.
    for (String path : List.of("/api/users", "/api/users/1", "/api/orders", "/api/slow?ms=1")) {
      http.get(path);
    }
    Map<String, ServiceClient.Response> sent = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      sent.put("GET /api/users #" + i, http.get("/api/users"));
    }
    sent.put("GET /api/users/1 (sampled parent)", http.get("/api/users/1", sampledParent()));
    sent.put("GET /api/orders", http.get("/api/orders"));
    sent.put("POST /api/users", http.post("/api/users", "application/json", "{\"name\":\"P\"}"));
    sent.put("GET /api/error #1", http.get("/api/error"));
    sent.put("GET /api/error #2", http.get("/api/error"));
    sent.put(SLOW_REQUEST, http.get("/api/slow?ms=3000"));
    sent.put("GET /api/slow?ms=1", http.get("/api/slow?ms=1"));
    sent.put("GET /health (sampled parent)", http.get("/health", sampledParent()));
    sent.put("GET /static/app.css", http.get("/static/app.css"));
    sent.put(
        "GET /api/users?token=…&page=2 (sampled parent)",
        http.get("/api/users?token=abc&page=2", sampledParent()));
    // What the configuration keeps is awaited by its own trace id (see Barrier): a sampled head,
    // an error (keep-errors) and the slow request. The marker is for "dropped" only.
    DataFiles files = new DataFiles(dir);
    for (Map.Entry<String, ServiceClient.Response> e : sent.entrySet()) {
      ServiceClient.Response r = e.getValue();
      if (r.sampled() || r.status() >= 500 || e.getKey().equals(SLOW_REQUEST)) {
        service.awaitServerSpan(r.traceId());
        files.awaitEvents(
            r.traceId(),
            r.status() >= 500 ? new String[] {"REQ", "REQ_META"} : new String[] {"REQ"});
      }
    }
    String marker = Barrier.pass(http, service.otlp(), "/healthz");
    files.awaitEvent(
        e -> "REQ".equals(e.path("kind").asText()) && marker.equals(e.path("trace_id").asText()),
        Barrier.TIMEOUT);

    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, ServiceClient.Response> e : sent.entrySet()) {
      kept.add(e.getKey() + " -> " + describe(service, files, e.getKey(), e.getValue().traceId()));
    }
    return kept;
  }

  private static String describe(
      ExampleService service, DataFiles files, String label, String traceId)
      throws InterruptedException {
    List<ReceivedSpan> spans = service.spansOf(traceId);
    if (spans.isEmpty()) {
      assertThat(files.events(traceId)).isEmpty();
      return "dropped";
    }
    ReceivedSpan root = service.awaitServerSpan(traceId);
    spans = service.spansOf(traceId); // complete once the root is here
    files.awaitEvents(traceId, "REQ");
    boolean slowByChance =
        !label.equals(SLOW_REQUEST)
            && "slow".equals(root.attribute("reqlens.kept_by"))
            && root.durationNanos() > KEEP_SLOWER_THAN_NANOS;
    Map<String, String> shown = new TreeMap<>();
    for (String key :
        List.of(
            "http.route",
            "reqlens.kept_by",
            "reqlens.rule",
            "reqlens.n_plus_one",
            "reqlens.db.count",
            "url.query")) {
      shown.put(key, root.attribute(key));
    }
    shown.put("tracestate", root.traceState());
    shown.put("spans", spans.stream().map(s -> s.kind().name()).sorted().toList().toString());
    shown.put(
        "events",
        files.events(traceId).stream()
            // Whether a request outlived the profiler's after is timing, not configuration.
            .filter(ev -> !ev.path("kind").asText().equals("PROF"))
            .map(ev -> ev.path("kind").asText() + "@" + rate(ev))
            .sorted()
            .toList()
            .toString());
    return (slowByChance ? SLOW_BY_CHANCE : "") + "kept " + shown;
  }

  private static String rate(JsonNode event) {
    return event.path("sample_rate").asText();
  }

  @Test
  void theSameTrafficKeepsTheSameRequestsForTheSameReasons() throws Exception {
    List<String> fromEnv = run(ENV, ENV_DIR);
    List<String> fromFile = run(FILE, FILE_DIR);
    fromEnv.forEach(line -> System.out.println("env  " + line));
    fromFile.forEach(line -> System.out.println("file " + line));
    assertThat(fromFile).hasSameSizeAs(fromEnv);
    for (int i = 0; i < fromEnv.size(); i++) {
      if (!fromEnv.get(i).contains(SLOW_BY_CHANCE) && !fromFile.get(i).contains(SLOW_BY_CHANCE)) {
        assertThat(fromFile.get(i)).isEqualTo(fromEnv.get(i));
      }
    }
    // The file names no service and the agent ignores OTEL_SERVICE_NAME beside a file (the
    // README's table of what is read from the environment relies on this).
    assertThat(FILE.otlp().spans().get(0).serviceName()).isEqualTo("unknown_service:java");
    assertThat(ENV.otlp().spans().get(0).serviceName()).isEqualTo("parity-env");
    // and the runs decided something: every reason occurs (a rule's, unless the machine made every
    // request a rule chose slower than the threshold)
    String decided = String.join("\n", fromEnv);
    if (fromEnv.stream()
        .anyMatch(l -> l.matches(".*reqlens\\.rule=\\d.*") && !l.contains(SLOW_BY_CHANCE))) {
      assertThat(decided).contains("reqlens.kept_by=rule");
    }
    assertThat(decided)
        .contains("dropped")
        .contains("reqlens.kept_by=parent")
        .contains("reqlens.kept_by=error")
        .contains("reqlens.kept_by=slow")
        .contains("reqlens.n_plus_one=true")
        .contains("token=REDACTED");
  }
}
