package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.reqlens.examples.launch.ServiceClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code DB} events are complete whatever made the spans: the agent with its default (old) database
 * conventions ({@code db.operation}, {@code db.sql.table}), the agent with {@code
 * OTEL_SEMCONV_STABILITY_OPT_IN=database} (it then writes only {@code db.query.summary}), and
 * library mode (the summary, and the rows the app read). The same requests give the same operation
 * and collection in all three; {@code rows} is known in library mode only.
 */
class DbEventsIT {

  private static final Path OLD_DIR = ExampleService.dataFolder("db-events-agent-old");
  private static final Path STABLE_DIR = ExampleService.dataFolder("db-events-agent-stable");
  private static final Path LIBRARY_DIR = ExampleService.dataFolder("db-events-library");

  @RegisterExtension
  static final ExampleService OLD = ExampleService.agent("db-events-agent-old", env(OLD_DIR));

  @RegisterExtension
  static final ExampleService STABLE =
      ExampleService.agent(
          "db-events-agent-stable",
          with(env(STABLE_DIR), "OTEL_SEMCONV_STABILITY_OPT_IN", "database"));

  @RegisterExtension
  static final ExampleService LIBRARY =
      ExampleService.library("db-events-library", env(LIBRARY_DIR));

  /** The first DB event of each request, as {@code OPERATION COLLECTION}, in request order. */
  private static final List<String> EXPECTED =
      Arrays.asList(
          "SELECT users", // GET /api/users
          "SELECT users", // GET /api/users/3
          "INSERT users", // POST /api/users
          "SELECT orders", // GET /api/orders: the orders, then one query per order (N+1)
          "SELECT null"); // GET /healthz: SELECT 1 reads no table

  /** One DB event: {@code OPERATION COLLECTION} and {@code rows} (null when unknown). */
  record Db(String what, Long rows) {}

  @Test
  void theAgentFillsOperationAndCollectionUnderOldAndStableConventions() throws Exception {
    for (ExampleService agent : List.of(OLD, STABLE)) {
      List<Db> events = firstDbEvents(agent, agent == OLD ? OLD_DIR : STABLE_DIR);
      assertThat(events).extracting(Db::what).as(agent.toString()).isEqualTo(EXPECTED);
      assertThat(events).extracting(Db::rows).as("the agent counts no rows").containsOnlyNulls();
    }
  }

  @Test
  void libraryModeFillsThemAndCountsTheRowsTheAppRead() throws Exception {
    List<Db> events = firstDbEvents(LIBRARY, LIBRARY_DIR);
    assertThat(events).extracting(Db::what).isEqualTo(EXPECTED);
    assertThat(events)
        .extracting(Db::rows)
        .containsExactly(12L, 1L, null, 12L, 1L); // an insert returns no rows
  }

  /** Sends the requests and returns the first DB event of each, in request order. */
  private static List<Db> firstDbEvents(ExampleService service, Path dir)
      throws InterruptedException {
    ServiceClient http = service.http();
    List<String> traces = new ArrayList<>();
    traces.add(http.get("/api/users").traceId());
    traces.add(http.get("/api/users/3").traceId());
    traces.add(http.post("/api/users", "application/json", "{\"name\":\"Db\"}").traceId());
    traces.add(http.get("/api/orders").traceId());
    traces.add(http.get("/healthz").traceId());
    DataFiles files = new DataFiles(dir);
    List<Db> out = new ArrayList<>();
    for (String trace : traces) {
      // Each request's own events (not a later marker's: see Barrier): DB before or with its REQ.
      JsonNode first =
          files.awaitEvents(trace, "REQ", "DB").stream()
              .filter(e -> "DB".equals(e.path("kind").asText()))
              .min(Comparator.comparingLong(e -> e.path("ts_ns").asLong()))
              .orElseThrow(() -> new AssertionError(service.mode() + ": no DB event of " + trace));
      out.add(
          new Db(
              text(first, "operation") + " " + text(first, "collection"),
              first.path("rows").isNull() ? null : first.path("rows").asLong()));
    }
    return out;
  }

  private static String text(JsonNode event, String field) {
    return event.path(field).isNull() ? "null" : event.path(field).asText();
  }

  private static Map<String, String> env(Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_TRACES_SAMPLER", "reqlens");
    env.put("OTEL_TRACES_EXPORTER", "otlp,req");
    env.put("OTEL_EXPORTER_REQ_DIRECTORY", dir.toString());
    return env;
  }

  private static Map<String, String> with(Map<String, String> env, String key, String value) {
    env.put(key, value);
    return env;
  }
}
