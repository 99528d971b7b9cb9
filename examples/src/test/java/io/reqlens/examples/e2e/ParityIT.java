package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.e2e.TreeDiff.Difference;
import io.reqlens.examples.e2e.TreeDiff.Type;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agent mode and library mode make the same spans. The same requests go to the example service
 * under the agent and in library mode; per request, the two local traces must have the same shape
 * (span kinds, names, parent/child), statuses, attribute keys (both directions) and values, and the
 * resources the same keys. The agent runs with {@code OTEL_SEMCONV_STABILITY_OPT_IN=database}, so
 * it writes the stable database conventions the library writes (by default it writes the old {@code
 * db.system}/{@code db.statement} keys).
 *
 * <p>Every difference that remains is in {@link #ALLOWED}, with its reason; any other fails the
 * test, and so does an entry no difference needs any more.
 */
class ParityIT {

  /** The example's method that runs the N+1 statement (its caller, by class, method and file). */
  private static final String FIND_USER = "io.reqlens.examples.Database.findUser(Database.java:";

  /**
   * Whether a request outlives the profiler's {@code after} is timing, which differs between two
   * runs: no request of this test is stack-sampled (ProfilerIT tests that).
   */
  private static final String NO_PROFILES = "1h";

  private static final Set<String> SPANS = Set.of("SERVER", "CLIENT");
  private static final Set<String> SERVER = Set.of("SERVER");
  private static final Set<String> CLIENT = Set.of("CLIENT");
  private static final Set<String> RESOURCE = Set.of(SpanTree.RESOURCE);
  private static final BiPredicate<String, String> ANY_VALUES = (agent, library) -> true;

  /** Every difference between the modes, each with why it is right. Nothing else may differ. */
  static final List<Allowed> ALLOWED =
      List.of(
          anyValue(SERVER, "server.port", "each service listens on its own free port (PORT=0)"),
          anyValue(SERVER, "network.peer.port", "the client's ephemeral port"),
          anyValue(SPANS, "reqlens.db.duration_ns", "time spent in queries, measured in two runs"),
          value(
              SPANS,
              SpanTree.SCOPE,
              (agent, library) ->
                  agent.startsWith("io.opentelemetry.")
                      && library.startsWith("io.reqlens.instrumentation."),
              "different code makes the spans: the agent's Jetty and JDBC instrumentations,"
                  + " the Reqlens servlet filter and JDBC wrapper"),
          value(
              SERVER,
              "event exception: exception.stacktrace",
              (agent, library) -> firstLine(agent).equals(firstLine(library)),
              "the same exception (first line: type and message), but the frames below the"
                  + " handler differ: the agent's advice sits in Jetty, the library's filter in"
                  + " the filter chain"),
          agentOnly(
              SPANS,
              "the agent's span processor adds the starting thread to every span; it is not"
                  + " instrumentation, and the library adds nothing an app did not ask for",
              "thread.id",
              "thread.name"),
          libraryOnly(
              CLIENT,
              "the library counts the rows the app read from a query's result (the JDBC wrapper"
                  + " sees ResultSet.next()); the agent's JDBC instrumentation does not count rows",
              "db.response.returned_rows"),
          value(
              SPANS,
              "reqlens.n_plus_one.caller",
              (agent, library) ->
                  agent.startsWith(FIND_USER)
                      && library.startsWith(FIND_USER)
                      && !agent.equals(library),
              "the same method issues the N+1 statement, but the span ends on another of its lines:"
                  + " the agent's when executeQuery returns, the library's when the result set is"
                  + " closed (it counts the rows read)"),
          anyValue(RESOURCE, "service.instance.id", "a random id per process"),
          agentOnly(
              RESOURCE,
              "the agent's resource detectors; SDK autoconfigure alone has none (the"
                  + " opentelemetry-resources providers would add them; their 2.33 alpha is not"
                  + " on this build's Maven mirror)",
              "host.arch",
              "host.name",
              "os.description",
              "os.type",
              "os.version",
              "process.command_args",
              "process.executable.path",
              "process.pid",
              "process.runtime.description",
              "process.runtime.name",
              "process.runtime.version"),
          agentOnly(
              RESOURCE,
              "the agent reads the jar manifest's Implementation-Version; in library mode set"
                  + " OTEL_RESOURCE_ATTRIBUTES=service.version=...",
              "service.version"),
          agentOnly(
              RESOURCE,
              "names the agent distribution; library mode is not one",
              "telemetry.distro.name",
              "telemetry.distro.version"));

  /**
   * Differences of one type, on spans of these kinds, for these keys, where the values satisfy
   * {@code values} (agent's, library's; checked for VALUE differences only).
   */
  record Allowed(
      Type type,
      Set<String> kinds,
      Set<String> keys,
      BiPredicate<String, String> values,
      String why) {
    boolean matches(Difference d) {
      return d.type() == type
          && kinds.contains(d.kind())
          && keys.contains(d.key())
          && (type != Type.VALUE || values.test(d.agent(), d.library()));
    }
  }

  private static Allowed agentOnly(Set<String> kinds, String why, String... keys) {
    return new Allowed(Type.AGENT_ONLY, kinds, Set.of(keys), ANY_VALUES, why);
  }

  private static Allowed libraryOnly(Set<String> kinds, String why, String... keys) {
    return new Allowed(Type.LIBRARY_ONLY, kinds, Set.of(keys), ANY_VALUES, why);
  }

  private static Allowed anyValue(Set<String> kinds, String key, String why) {
    return value(kinds, key, ANY_VALUES, why);
  }

  private static Allowed value(
      Set<String> kinds, String key, BiPredicate<String, String> values, String why) {
    return new Allowed(Type.VALUE, kinds, Set.of(key), values, why);
  }

  /** Same service name in both modes: only what rightly differs may differ. */
  private static final String SERVICE_NAME = "reqlens-parity";

  @RegisterExtension
  static final ExampleService AGENT =
      ExampleService.agent(
          "parity-agent",
          Map.of(
              "OTEL_SERVICE_NAME", SERVICE_NAME,
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_SEMCONV_STABILITY_OPT_IN", "database",
              "OTEL_REQLENS_PROFILER_AFTER", NO_PROFILES,
              // Body sizes: the agent records them with this flag (Reqlens sets it only for the
              // req exporter); the library filter always does.
              "OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY", "true"));

  @RegisterExtension
  static final ExampleService LIBRARY =
      ExampleService.library(
          "parity-library",
          Map.of(
              "OTEL_SERVICE_NAME", SERVICE_NAME,
              "OTEL_TRACES_SAMPLER", "reqlens",
              "OTEL_REQLENS_PROFILER_AFTER", NO_PROFILES));

  /**
   * A request of the set, the status it must get and the spans its trace has (the server span plus
   * one per statement, as the endpoint table in the README says).
   */
  record Request(
      String label, Function<ServiceClient, ServiceClient.Response> send, int status, int spans) {}

  private static final String PARENT_TRACE = W3c.randomTraceId();
  private static final String PARENT_SPAN = W3c.randomSpanId();

  static final List<Request> REQUESTS =
      List.of(
          get("/api/users", 200, 2),
          get("/api/users/3", 200, 2),
          get("/api/users/999", 404, 2),
          new Request(
              "POST /api/users",
              c -> c.post("/api/users", "application/json", "{\"name\":\"Parity\"}"),
              201,
              2),
          get("/api/orders", 200, 14),
          get("/api/slow?ms=5", 200, 2),
          get("/api/error", 500, 1),
          get("/healthz", 200, 2),
          get("/static/app.css", 200, 1),
          new Request(
              "GET /api/users with a sampled traceparent",
              c -> c.get("/api/users", W3c.traceparent(PARENT_TRACE, PARENT_SPAN, true)),
              200,
              2));

  private static Request get(String path, int status, int spans) {
    return new Request("GET " + path, c -> c.get(path), status, spans);
  }

  @Test
  void agentAndLibraryMakeTheSameSpans() {
    Map<String, SpanTree> agent = traces(AGENT);
    Map<String, SpanTree> library = traces(LIBRARY);
    assertThat(library.keySet()).isEqualTo(agent.keySet());

    List<Difference> differences = new ArrayList<>();
    agent.forEach(
        (label, tree) -> differences.addAll(TreeDiff.compare(label, tree, library.get(label))));
    List<Difference> unexplained =
        differences.stream()
            .filter(d -> ALLOWED.stream().noneMatch(a -> a.matches(d)))
            .collect(Collectors.toList());
    List<String> unused = new ArrayList<>(); // per kind and key: an entry must not say too much
    for (Allowed allowed : ALLOWED) {
      for (String kind : allowed.kinds()) {
        for (String key : allowed.keys()) {
          if (differences.stream()
              .noneMatch(d -> allowed.matches(d) && d.kind().equals(kind) && d.key().equals(key))) {
            unused.add(allowed.type() + " " + kind + " " + key + " (" + allowed.why() + ")");
          }
        }
      }
    }

    assertThat(unexplained).as("differences not in ALLOWED:\n%s", lines(unexplained)).isEmpty();
    assertThat(unused).as("ALLOWED kinds and keys no difference needs").isEmpty();
  }

  /**
   * Sends every request and returns each local trace by request label, plus the start-up seeding
   * statements (root CLIENT spans, in start order) and the resource.
   */
  private static Map<String, SpanTree> traces(ExampleService service) {
    Map<Request, String> traceIds = new LinkedHashMap<>();
    Map<Request, ServiceClient.Response> responses = new LinkedHashMap<>();
    for (Request request : REQUESTS) {
      ServiceClient.Response response = request.send().apply(service.http());
      assertThat(response.status())
          .as("%s: %s", service.mode(), request.label())
          .isEqualTo(request.status());
      assertThat(response.sampled()).as("%s: %s sampled", service.mode(), request.label()).isTrue();
      traceIds.put(request, response.traceId());
      responses.put(request, response);
    }
    service.barrier("/healthz");

    Map<String, SpanTree> trees = new LinkedHashMap<>();
    traceIds.forEach(
        (request, traceId) -> {
          assertThat(service.awaitServerSpan(traceId).spanId())
              .as("%s: traceresponse of %s names the server span", service.mode(), request.label())
              .isEqualTo(responses.get(request).spanId());
          SpanTree tree = SpanTree.of(service.spansOf(traceId));
          assertThat(tree.size())
              .as("%s: spans of %s:%n%s", service.mode(), request.label(), tree.shape())
              .isEqualTo(request.spans());
          trees.put(request.label(), tree);
        });
    ReceivedSpan withParent = service.awaitServerSpan(PARENT_TRACE);
    assertThat(withParent.parentSpanId())
        .as("%s: the remote parent", service.mode())
        .isEqualTo(PARENT_SPAN);
    trees.put("resource", SpanTree.resource(withParent));

    List<ReceivedSpan> seeding =
        new ArrayList<>(
            service
                .otlp()
                .spans(s -> s.kind() == SpanKind.SPAN_KIND_CLIENT && s.parentSpanId().isEmpty()));
    seeding.sort(Comparator.comparingLong(s -> s.span().getStartTimeUnixNano()));
    assertThat(seeding).as("%s: seeding statements", service.mode()).hasSize(4);
    for (int i = 0; i < seeding.size(); i++) {
      trees.put("start-up statement " + (i + 1), SpanTree.of(List.of(seeding.get(i))));
    }
    return trees;
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("");
  }

  private static String lines(List<?> items) {
    return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
  }
}
