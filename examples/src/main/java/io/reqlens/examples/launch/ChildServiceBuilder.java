package io.reqlens.examples.launch;

import io.reqlens.examples.ExampleApp;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes how to run the example service in a child JVM:
 *
 * <pre>
 * java [-javaagent:AGENT -Dotel.javaagent.extensions=EXTENSION] [JVM_ARGS] \
 *     -jar reqlens-example.jar [--library]
 * </pre>
 *
 * <p>with {@code PORT=0} and, after {@link #otlp}, the agent (or, after {@link #library}, the
 * service's own SDK) exporting traces, metrics and logs over OTLP/gRPC with short delays. Inherited
 * {@code OTEL_*} variables are removed, so only what the caller sets configures the child.
 */
public final class ChildServiceBuilder {

  /**
   * Default readiness wait, a failure bound: an agent start takes seconds on a small machine, and
   * more than 90 s on two cores shared with other builds (seen).
   */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(5);

  private final Path exampleJar;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> jvmArgs = new ArrayList<>();
  private Path agentJar;
  private Path extensionJar;
  private final List<Path> moreExtensions = new ArrayList<>();
  private boolean library;
  private Path outputFile = Paths.get("target", "child-service.log");
  private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

  ChildServiceBuilder(Path exampleJar) {
    this.exampleJar = exampleJar;
    env.put("PORT", "0");
  }

  /** Runs under the agent, with the Reqlens extension (or none when {@code extension} is null). */
  public ChildServiceBuilder agent(Path agent, Path extension) {
    this.agentJar = agent;
    this.extensionJar = extension;
    return this;
  }

  /** Loads one more agent extension after the Reqlens one (tests: a seeded id generator). */
  public ChildServiceBuilder extension(Path extension) {
    moreExtensions.add(extension);
    return this;
  }

  /**
   * Runs in library mode ({@code --library}): traced by the Reqlens library instrumentation and the
   * SDK bundled in the example jar, configured by the same {@code OTEL_*} variables. Not with
   * {@link #agent}: the service refuses to start with both.
   */
  public ChildServiceBuilder library() {
    this.library = true;
    return this;
  }

  /**
   * Exports to an OTLP/gRPC endpoint such as {@code http://127.0.0.1:4317}, with a 100 ms batch
   * delay, a 1 s metric interval, a span queue large enough that bursts in tests never drop, and a
   * 60 s export timeout (the SDK's 10 s can pass while a loaded machine starves the exporting or
   * the receiving JVM — seen — and a timed-out batch is lost).
   */
  public ChildServiceBuilder otlp(String endpoint) {
    env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
    env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    env.put("OTEL_EXPORTER_OTLP_TIMEOUT", "60000");
    env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    env.put("OTEL_BSP_MAX_QUEUE_SIZE", "65536");
    env.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    env.putIfAbsent("OTEL_SERVICE_NAME", "reqlens-example");
    return this;
  }

  /** Sets one environment variable of the child (after {@link #otlp}, to override it). */
  public ChildServiceBuilder env(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** Sets several environment variables of the child. */
  public ChildServiceBuilder env(Map<String, String> values) {
    env.putAll(values);
    return this;
  }

  /** Adds a JVM option, e.g. {@code -Xmx256m}. */
  public ChildServiceBuilder jvmArg(String arg) {
    jvmArgs.add(arg);
    return this;
  }

  /** Where the child's output is copied. */
  public ChildServiceBuilder outputFile(Path file) {
    this.outputFile = file;
    return this;
  }

  public ChildServiceBuilder readyTimeout(Duration timeout) {
    this.readyTimeout = timeout;
    return this;
  }

  /** The command line it will run. */
  public List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    if (agentJar != null) {
      cmd.add("-javaagent:" + agentJar.toAbsolutePath());
      List<String> extensions = new ArrayList<>();
      if (extensionJar != null) {
        extensions.add(extensionJar.toAbsolutePath().toString());
      }
      moreExtensions.forEach(e -> extensions.add(e.toAbsolutePath().toString()));
      if (!extensions.isEmpty()) {
        cmd.add("-Dotel.javaagent.extensions=" + String.join(",", extensions));
      }
    }
    cmd.addAll(jvmArgs);
    cmd.add("-jar");
    cmd.add(exampleJar.toAbsolutePath().toString());
    if (library) {
      cmd.add(ExampleApp.LIBRARY_ARGUMENT);
    }
    return cmd;
  }

  /**
   * Starts the child and waits for its readiness line.
   *
   * @throws IllegalStateException when it exits or is not ready in time (with its output)
   */
  public ChildService start() {
    ProcessBuilder pb = new ProcessBuilder(command());
    pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_"));
    pb.environment().putAll(env);
    return ChildService.start(pb, outputFile, ExampleApp.READY_PREFIX, readyTimeout);
  }
}
