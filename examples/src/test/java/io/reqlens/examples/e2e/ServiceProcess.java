package io.reqlens.examples.e2e;

import io.reqlens.examples.launch.ChildService;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The example service under the real OpenTelemetry Java agent plus the Reqlens extension, in its
 * own JVM, exporting over OTLP/gRPC to an {@link OtlpReceiver}. Start one per configuration in
 * {@code @BeforeAll}: each agent start costs seconds.
 *
 * <p>The jars come from failsafe system properties set by the module's pom: {@code
 * reqlens.agent.jar} (resolved by Maven), {@code reqlens.extension.jar} (built by the reactor) and
 * {@code reqlens.example.jar}. The child's output is copied to {@code target/e2e/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

  private final ChildService child;

  private ServiceProcess(ChildService child) {
    this.child = child;
  }

  /**
   * Starts the service and waits for its readiness line.
   *
   * @param name names the output file
   * @param env {@code OTEL_*} configuration on top of the OTLP settings
   * @throws AssertionError when it does not become ready, with the child's output
   */
  static ServiceProcess start(String name, OtlpReceiver otlp, Map<String, String> env) {
    try {
      return new ServiceProcess(
          ChildService.builder(jar("reqlens.example.jar"))
              .agent(jar("reqlens.agent.jar"), jar("reqlens.extension.jar"))
              .otlp(otlp.endpoint())
              .env("OTEL_SERVICE_NAME", name)
              .env(env)
              // Start-up dominates these short runs on a 2-core box: C1 only starts faster.
              .jvmArg("-XX:TieredStopAtLevel=1")
              .outputFile(Paths.get(property("reqlens.e2e.dir"), name + ".log"))
              .start());
    } catch (IllegalStateException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Base URL such as {@code http://127.0.0.1:41234}. */
  String baseUrl() {
    return child.baseUrl();
  }

  /** A client for this service. */
  ServiceClient http() {
    return new ServiceClient(baseUrl());
  }

  /** Everything the child printed so far (agent logs included). */
  String output() {
    return child.output();
  }

  @Override
  public void close() {
    child.close();
  }

  private static Path jar(String property) {
    Path path = Paths.get(property(property));
    if (!path.toFile().isFile()) {
      throw new AssertionError(property + " points to a missing file: " + path);
    }
    return path;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new AssertionError("system property " + name + " is not set; run through failsafe");
    }
    return value;
  }
}
