package io.reqlens.examples.demo;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.examples.demo.Traffic.Sent;
import io.reqlens.examples.launch.ChildService;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The Reqlens demo ({@code ./demo.sh}): starts an OTLP receiver, runs the example service under the
 * OpenTelemetry Java agent with the Reqlens extension and a showcase configuration, sends traffic
 * to every endpoint, and prints per route what was kept and why.
 *
 * <p>The service also writes the {@code jsonl} and {@code req} files into {@code reqlens-data/};
 * once it has stopped (and flushed them), the demo lists them and ends with the report of the
 * traffic it generated ({@code java -jar <extension> report}), terminal and HTML.
 */
public final class Demo {

  private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(60); // as the OTLP export's

  private final DemoSettings settings;
  private final PrintStream out;

  Demo(DemoSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    DemoSettings settings;
    try {
      settings = DemoSettings.fromEnvironment();
    } catch (IllegalArgumentException e) {
      System.err.println("reqlens demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      new Demo(settings, System.out).run();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      // the service did not start (the message has its output), or the data folder failed
      System.err.println("reqlens demo: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Runs the demo; returns the table it printed. */
  RouteTable run() throws InterruptedException, TimeoutException, IOException {
    printConfiguration();
    DemoFiles files = new DemoFiles(settings.dataDir(), out);
    files.clearPreviousRun();
    RouteTable table;
    try (OtlpReceiver otlp = OtlpReceiver.start();
        ChildService service = startService(otlp)) {
      ServiceClient client = new ServiceClient(service.baseUrl());
      out.printf(
          "Sending traffic to %s for %d s ...%n",
          service.baseUrl(), settings.duration().toSeconds());
      List<Sent> sent = new ArrayList<>(new Traffic(client).run(settings.duration()));
      sent.add(awaitExports(client, otlp, sent)); // the marker is traffic too: the report counts it
      table = printTable(sent, otlp);
    } // stopping the service flushes and closes its files
    files.printListing();
    int exit = files.runReport(settings.extensionJar());
    if (exit != 0) {
      out.printf("(the report exited with %d; see the exit codes in report/README.md)%n", exit);
    }
    return table;
  }

  private void printConfiguration() {
    out.println(
        "Reqlens demo: the example service (Javalin + H2) under the OpenTelemetry Java agent");
    out.println("with the Reqlens extension, exporting OTLP/gRPC to an in-process receiver.");
    out.println();
    for (Map.Entry<String, String> e : settings.serviceEnv().entrySet()) {
      out.printf("  %s=%s%n", e.getKey(), e.getValue());
    }
    out.println();
  }

  private ChildService startService(OtlpReceiver otlp) {
    Path log = settings.workDir().resolve("service.log");
    out.printf("Starting the service (its output: %s) ...%n", log);
    return ChildService.builder(settings.exampleJar())
        .agent(settings.agentJar(), settings.extensionJar())
        .otlp(otlp.endpoint())
        .env(settings.serviceEnv())
        .outputFile(log)
        .start();
  }

  /**
   * Waits for the server span of every request the configuration certainly keeps, then sends one
   * more such request (a POST, rule 1) and waits for its server span too: the agent exports spans
   * in the order they end, so what else had ended by then (slow requests kept at their end) has
   * arrived as well. Why not the marker alone? The agent ends a server span after the response is
   * written, so a request's span can end after the next request's. Returns the marker request,
   * counted with what was sent.
   */
  private Sent awaitExports(ServiceClient client, OtlpReceiver otlp, List<Sent> sent)
      throws InterruptedException, TimeoutException {
    for (Sent s : sent) {
      if (s.certain()) {
        awaitServerSpan(otlp, s.traceId());
      }
    }
    Traffic.Endpoint post =
        Traffic.ENDPOINTS.stream().filter(e -> e.method().equals("POST")).findFirst().get();
    String marker =
        client.post("/api/users", "application/json", "{\"name\":\"marker\"}").traceId();
    awaitServerSpan(otlp, marker);
    return new Sent(post, "/api/users", marker, true);
  }

  private static void awaitServerSpan(OtlpReceiver otlp, String traceId)
      throws InterruptedException, TimeoutException {
    otlp.awaitSpan(
        s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_SERVER, EXPORT_TIMEOUT);
  }

  private RouteTable printTable(List<Sent> sent, OtlpReceiver otlp) {
    RouteList excluded = RouteList.parse(settings.serviceEnv().get(DemoSettings.EXCLUDE_ROUTES));
    RouteTable table = RouteTable.of(sent, otlp.spans(), excluded);
    out.println();
    table.print(out);
    out.println();
    out.println("sent: requests made. kept: local traces received over OTLP (server span plus its");
    out.println("queries). ratio / rule / parent / error / slow: why each was kept (attribute");
    out.println("reqlens.kept_by): the default ratio 0.1, a rule (1 = POST, 2 = user lookups at");
    out.println("0.5, 3 = /api/slow at 2/s), a sampled traceparent from upstream, or, though the");
    out.println("ratio said no, an error or more than 500 ms (OTEL_REQLENS_KEEP_ERRORS,");
    out.println(
        "OTEL_REQLENS_KEEP_SLOWER_THAN). excluded: matched OTEL_REQLENS_EXCLUDE_ROUTES, no");
    out.println("span at all. db/trace: query spans per kept trace (GET /api/orders does N+1).");
    out.println(
        "GET /api/cpu computes and GET /api/lock waits for a lock another thread holds: the");
    out.println(
        "profiler samples the threads of requests slower than 20 ms (OTEL_REQLENS_PROFILER_*),");
    out.println(
        "and the report's HOT CODE names the methods their time went into; its highlights name");
    out.println("the slowest route's hottest code and the line of code that issues the N+1 query.");
    out.println("The rest (sent - kept - excluded) were not sampled. The report below re-weights");
    out.println("what was kept by 1/sample_rate: its ESTIMATES section should give back the sent");
    out.println("column (excluded routes aside) within its intervals.");
    return table;
  }
}
