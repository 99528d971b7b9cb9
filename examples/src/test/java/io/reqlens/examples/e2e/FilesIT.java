package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code jsonl} and {@code req} exporters inside the real agent, beside OTLP: one {@code REQ}
 * per kept request, {@code REQ_META} with the exception, {@code DB} events without literals, no
 * query-string secret anywhere on disk, private files.
 */
class FilesIT {

  static final Path DIR =
      Paths.get(System.getProperty("reqlens.e2e.dir", "target/e2e"), "files-" + System.nanoTime());

  @RegisterExtension
  static final ExampleService SERVICE =
      ExampleService.agent(
          "files",
          Map.of(
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_REQLENS_EXCLUDE_ROUTES", "/health,/static/**",
              "OTEL_TRACES_EXPORTER", "otlp,jsonl,req",
              "OTEL_EXPORTER_JSONL_DIRECTORY", DIR.toString(),
              "OTEL_EXPORTER_REQ_DIRECTORY", DIR.toString()));

  private static final String MARKER = "/healthz";
  private final DataFiles files = new DataFiles(DIR);

  /**
   * For "never written" checks: waits until the files hold the marker request's REQ. What a test
   * expects in the files it awaits by its own request's trace id ({@link DataFiles#awaitEvents}).
   */
  private void barrier() throws InterruptedException {
    String marker = SERVICE.barrier(MARKER);
    files.awaitEvent(
        e -> "REQ".equals(e.path("kind").asText()) && marker.equals(e.path("trace_id").asText()),
        Barrier.TIMEOUT);
  }

  private static List<JsonNode> ofKind(List<JsonNode> events, String kind) {
    return events.stream()
        .filter(e -> kind.equals(e.path("kind").asText()))
        .collect(Collectors.toList());
  }

  @Test
  void everyKeptRequestYieldsExactlyOneReqAndExcludedOnesNone() throws Exception {
    long startNanos = System.currentTimeMillis() * 1_000_000L;
    // path → expected db_count
    Map<String, Integer> kept = new LinkedHashMap<>();
    kept.put("/api/users", 1);
    kept.put("/api/users/3", 1);
    kept.put("/api/orders", 13);
    kept.put("/api/slow?ms=5", 1);
    kept.put("/api/error", 0);
    kept.put("/healthz", 1);
    Map<String, ServiceClient.Response> responses = new LinkedHashMap<>();
    for (String path : kept.keySet()) {
      responses.put(path, SERVICE.http().get(path));
    }
    ServiceClient.Response post =
        SERVICE.http().post("/api/users", "application/json", "{\"name\":\"Ada\"}");
    List<ServiceClient.Response> excluded = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      excluded.add(SERVICE.http().get("/health"));
      excluded.add(SERVICE.http().get("/static/app.css"));
    }
    long endNanos = System.currentTimeMillis() * 1_000_000L;

    for (Map.Entry<String, ServiceClient.Response> e : responses.entrySet()) {
      List<JsonNode> reqs = ofKind(files.awaitEvents(e.getValue().traceId(), "REQ"), "REQ");
      assertThat(reqs).as("REQ events for %s", e.getKey()).hasSize(1);
      JsonNode req = reqs.get(0);
      assertThat(req.path("path").asText())
          .as("no query string")
          .isEqualTo(e.getKey().replaceAll("\\?.*", ""));
      assertThat(req.path("method").asText()).isEqualTo("GET");
      assertThat(req.path("status").asInt()).isEqualTo(e.getValue().status());
      assertThat(req.path("ts_ns").asLong())
          .as("epoch nanoseconds")
          .isBetween(startNanos - 60_000_000_000L, endNanos);
      assertThat(req.path("dur_ns").asLong()).isPositive();
      assertThat(req.path("span_id").asText()).hasSize(16);
      assertThat(req.path("service").asText()).isEqualTo("files");
      assertThat(req.path("sample_rate").asDouble()).isEqualTo(1.0);
      assertThat(req.path("db_count").asInt())
          .as("db_count of %s", e.getKey())
          .isEqualTo(e.getValue() == null ? 0 : kept.get(e.getKey()));
      if (kept.get(e.getKey()) > 0) {
        assertThat(req.path("db_dur_ns").asLong()).isPositive();
      }
      assertThat(req.get("bytes_out").isNumber())
          .as("bytes_out of %s: %s", e.getKey(), req)
          .isTrue();
    }
    assertThat(
            ofKind(files.events(responses.get("/api/users/3").traceId()), "REQ")
                .get(0)
                .path("route")
                .asText())
        .isEqualTo("/api/users/{id}");

    List<JsonNode> postReqs = ofKind(files.awaitEvents(post.traceId(), "REQ"), "REQ");
    assertThat(postReqs).hasSize(1);
    assertThat(postReqs.get(0).path("method").asText()).isEqualTo("POST");
    assertThat(postReqs.get(0).path("status").asInt()).isEqualTo(201);
    assertThat(postReqs.get(0).path("bytes_in").asLong()).isEqualTo("{\"name\":\"Ada\"}".length());

    for (ServiceClient.Response r : responses.values()) {
      files.awaitSpanLine(r.spanId());
    }
    barrier(); // excluded requests are dropped at their start; this only makes sure of it
    for (ServiceClient.Response r : excluded) {
      assertThat(files.events(r.traceId())).as("events of an excluded request").isEmpty();
    }
    assertThat(files.lines("spans-"))
        .as("OTLP/JSON lines")
        .allSatisfy(line -> assertThat(line.path("resourceSpans").isArray()).isTrue());
    String spansText =
        files.lines("spans-").stream().map(JsonNode::toString).collect(Collectors.joining("\n"));
    for (ServiceClient.Response r : responses.values()) {
      assertThat(spansText).contains(r.traceId());
    }
    for (ServiceClient.Response r : excluded) {
      assertThat(spansText).doesNotContain(r.traceId());
    }
  }

  @Test
  void anErrorYieldsReqMetaWithTypeMessageAndStack() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/error");
    assertThat(r.status()).isEqualTo(500);
    List<JsonNode> events = files.awaitEvents(r.traceId(), "REQ", "REQ_META");
    JsonNode req = ofKind(events, "REQ").get(0);
    assertThat(req.path("error").asBoolean()).isTrue();
    List<JsonNode> metas = ofKind(events, "REQ_META");
    assertThat(metas).hasSize(1);
    JsonNode meta = metas.get(0);
    assertThat(meta.path("route").asText()).isEqualTo("/api/error");
    assertThat(meta.path("exception_type").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(meta.path("exception_value").asText()).isNotBlank();
    assertThat(meta.path("traceback").asText())
        .startsWith("java.lang.IllegalStateException")
        .contains("\tat io.reqlens.examples.");
  }

  @Test
  void aDbEventNeverHoldsTheLiteral() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/users/424242");
    assertThat(r.status()).isEqualTo(404);
    List<JsonNode> dbs = ofKind(files.awaitEvents(r.traceId(), "REQ", "DB"), "DB");
    assertThat(dbs).hasSize(1);
    JsonNode db = dbs.get(0);
    assertThat(db.path("query").asText()).containsIgnoringCase("users").doesNotContain("424242");
    assertThat(db.path("db_system").isTextual()).isTrue();
    assertThat(db.path("parent_span_id").asText())
        .isEqualTo(ofKind(files.events(r.traceId()), "REQ").get(0).path("span_id").asText());
    // The id is in url.path (it is the path), but in no query text of either file.
    files.awaitSpanLine(r.spanId()); // its DB span is written before or with it
    assertThat(ofKind(files.events(), "DB"))
        .allSatisfy(e -> assertThat(e.path("query").asText()).doesNotContain("424242"));
    assertThat(files.lines("spans-").toString())
        .doesNotContainPattern(
            "\"db\\.(query\\.text|statement)\",\"value\":\\{\"stringValue\":\"[^\"]*424242");
  }

  @Test
  void aQueryStringSecretIsNeverWrittenAnywhere() throws Exception {
    ServiceClient.Response r = SERVICE.http().get("/api/orders?token=s3cr3t-e2e-token&page=2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(ofKind(files.awaitEvents(r.traceId(), "REQ"), "REQ")).hasSize(1);
    files.awaitSpanLine(r.spanId());
    List<ReceivedSpan> spans = SERVICE.awaitLocalTrace(r.traceId());
    assertThat(files.allText()).doesNotContain("s3cr3t-e2e-token");
    assertThat(spans.toString()).doesNotContain("s3cr3t-e2e-token");
    assertThat(spans)
        .anySatisfy(s -> assertThat(s.attribute("url.query")).isEqualTo("token=REDACTED&page=2"));
  }

  @Test
  void theFolderIsPrivateAndEveryFileToo() throws IOException, InterruptedException {
    ServiceClient.Response r = SERVICE.http().get("/api/users");
    files.awaitEvents(r.traceId(), "REQ");
    files.awaitSpanLine(r.spanId());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DIR)))
        .isEqualTo("rwx------");
    assertThat(files.files()).isNotEmpty();
    for (Path f : files.files()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .as(f.toString())
          .isEqualTo("rw-------");
    }
  }
}
