package io.reqlens.examples.e2e;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ChildService;
import io.reqlens.examples.launch.ChildServiceBuilder;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The example service in either mode, with its own {@link OtlpReceiver}: under the agent with the
 * Reqlens extension ({@link #agent}), or in library mode without any agent ({@link #library}),
 * exporting OTLP/gRPC to the receiver either way. One JVM for all tests of a class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ExampleService LIBRARY =
 *     ExampleService.library("my-feature", Map.of("OTEL_TRACES_SAMPLER", "reqlens"));
 * }</pre>
 *
 * <p>Tests of a class share the service, so they must identify their own requests by trace id
 * (every response carries {@code traceresponse}), never by "all spans received", and wait for what
 * must arrive by that id: a response can reach the client before its server span ends. Outside
 * JUnit's lifecycle (a test-kit adapter, a service a test starts itself) call {@link #start()} and
 * {@link #close()}.
 *
 * <p>The jars come from failsafe system properties set by the module's pom: {@code
 * reqlens.example.jar}, {@code reqlens.agent.jar} (resolved by Maven) and {@code
 * reqlens.extension.jar} (built by the reactor). The child's output is copied to {@code
 * target/e2e/<name>.log}.
 */
final class ExampleService implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  /** How the service is traced. */
  enum Mode {
    /** The official agent plus the Reqlens extension. */
    AGENT,
    /** {@code --library}: the Reqlens library instrumentation and SDK autoconfigure, no agent. */
    LIBRARY
  }

  private final String name;
  private final Mode mode;
  private final Map<String, String> env;
  private final List<String> jvmArgs = new ArrayList<>();
  private final List<Path> extensions = new ArrayList<>();
  private OtlpReceiver otlp;
  private ChildService child;

  private ExampleService(String name, Mode mode, Map<String, String> env) {
    this.name = name;
    this.mode = mode;
    this.env = env;
  }

  /** Under the agent; {@code env} is {@code OTEL_*} configuration on top of the OTLP settings. */
  static ExampleService agent(String name, Map<String, String> env) {
    return new ExampleService(name, Mode.AGENT, env);
  }

  /** In library mode; {@code env} is {@code OTEL_*} configuration on top of the OTLP settings. */
  static ExampleService library(String name, Map<String, String> env) {
    return new ExampleService(name, Mode.LIBRARY, env);
  }

  /** Adds a JVM option (before {@link #start()}). */
  ExampleService jvmArg(String arg) {
    jvmArgs.add(arg);
    return this;
  }

  /** Adds an agent extension loaded after the Reqlens one (before {@link #start()}; agent only). */
  ExampleService extension(Path jar) {
    extensions.add(jar);
    return this;
  }

  /**
   * Starts the receiver and the service, and waits for its readiness line.
   *
   * @throws AssertionError when the service does not become ready, with its output
   */
  void start() {
    otlp = OtlpReceiver.start();
    ChildServiceBuilder builder =
        ChildService.builder(file("reqlens.example.jar"))
            .otlp(otlp.endpoint())
            .env("OTEL_SERVICE_NAME", name)
            .env(env)
            // Start-up dominates these short runs on a 2-core box: C1 only starts faster.
            .jvmArg("-XX:TieredStopAtLevel=1")
            .outputFile(log(name + ".log"));
    jvmArgs.forEach(builder::jvmArg);
    if (mode == Mode.AGENT) {
      builder.agent(file("reqlens.agent.jar"), file("reqlens.extension.jar"));
      extensions.forEach(builder::extension);
    } else {
      builder.library();
    }
    try {
      child = builder.start();
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Stops the service (it flushes its spans on SIGTERM), then the receiver. */
  @Override
  public void close() {
    if (child != null) {
      child.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  Mode mode() {
    return mode;
  }

  @Override
  public String toString() {
    return name + " (" + mode + ")";
  }

  OtlpReceiver otlp() {
    return otlp;
  }

  String baseUrl() {
    return child.baseUrl();
  }

  ServiceClient http() {
    return new ServiceClient(baseUrl());
  }

  /** The service's process id (for {@code jcmd}). */
  long pid() {
    return child.pid();
  }

  /** Everything the child printed so far. */
  String output() {
    return child.output();
  }

  /**
   * See {@link Barrier#pass}: for "nothing arrived" checks only; what must arrive is awaited by its
   * own trace id ({@link #awaitServerSpan}, {@link #awaitLocalTrace}).
   */
  String barrier(String markerPath) {
    return Barrier.pass(http(), otlp, markerPath);
  }

  /**
   * {@link #barrier} through {@code /healthz}, then waits for the marker's {@code REQ} event in
   * {@code files}: after it, the files hold every event of the requests answered before.
   */
  void eventsBarrier(DataFiles files) throws InterruptedException {
    String marker = barrier("/healthz");
    files.awaitEvent(
        e -> "REQ".equals(e.path("kind").asText()) && marker.equals(e.path("trace_id").asText()),
        Barrier.TIMEOUT);
  }

  /**
   * Waits for the SERVER span of a kept request, then returns its whole local trace as received.
   * The local-trace processor hands a trace's spans to the exporter when its root ends, children
   * first, and the exporter sends in that order, so once the root is here its children are too.
   */
  List<ReceivedSpan> awaitLocalTrace(String traceId) {
    awaitServerSpan(traceId);
    return spansOf(traceId);
  }

  /** Waits for the SERVER span of a trace that is expected to be kept. */
  ReceivedSpan awaitServerSpan(String traceId) {
    try {
      return otlp.awaitSpan(
          s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_SERVER,
          Barrier.TIMEOUT);
    } catch (TimeoutException e) {
      throw new AssertionError(
          mode + ": no server span for trace " + traceId + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The spans of one trace received so far. */
  List<ReceivedSpan> spansOf(String traceId) {
    return otlp.spansOfTrace(traceId);
  }

  /** A file named by a failsafe system property (set by the module's pom); it must exist. */
  static Path file(String property) {
    Path path = Paths.get(property(property));
    if (!path.toFile().isFile()) {
      throw new AssertionError(property + " points to a missing file: " + path);
    }
    return path;
  }

  /** Where a child's output goes: {@code target/e2e/<fileName>}. */
  static Path log(String fileName) {
    return Paths.get(property("reqlens.e2e.dir"), fileName);
  }

  /** A new, empty data folder for one test's files, named {@code prefix-…} in the e2e folder. */
  static Path dataFolder(String prefix) {
    try {
      Path e2e = log("").toAbsolutePath();
      Files.createDirectories(e2e);
      return Files.createTempDirectory(e2e, prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new AssertionError("system property " + name + " is not set; run through failsafe");
    }
    return value;
  }
}
