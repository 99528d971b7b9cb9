package io.reqlens.examples.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the demo runs: where the jars are (system properties set by {@code demo.sh}), how long it
 * sends traffic ({@code REQLENS_DEMO_SECONDS}) and the showcase configuration of the service.
 *
 * @param agentJar the OpenTelemetry Java agent ({@code -Dreqlens.agent.jar})
 * @param extensionJar the Reqlens extension ({@code -Dreqlens.extension.jar})
 * @param exampleJar the example service ({@code -Dreqlens.example.jar})
 * @param workDir where the service's log goes ({@code -Dreqlens.demo.dir})
 * @param dataDir where the {@code jsonl} and {@code req} files go ({@code -Dreqlens.demo.data},
 *     default {@code reqlens-data})
 * @param duration how long traffic is sent
 * @param serviceEnv the {@code OTEL_*} configuration of the service, in display order
 */
record DemoSettings(
    Path agentJar,
    Path extensionJar,
    Path exampleJar,
    Path workDir,
    Path dataDir,
    Duration duration,
    Map<String, String> serviceEnv) {

  static final int DEFAULT_SECONDS = 20;
  static final String SECONDS_ENV = "REQLENS_DEMO_SECONDS";
  static final String EXCLUDE_ROUTES = "OTEL_REQLENS_EXCLUDE_ROUTES";

  /**
   * Reads the settings.
   *
   * @throws IllegalArgumentException naming what is missing or invalid and how to fix it
   */
  static DemoSettings fromEnvironment() {
    return of(Duration.ofSeconds(seconds(System.getenv(SECONDS_ENV))));
  }

  /** The settings with jars and folder from system properties and the given traffic duration. */
  static DemoSettings of(Duration duration) {
    return new DemoSettings(
        jar("reqlens.agent.jar"),
        jar("reqlens.extension.jar"),
        jar("reqlens.example.jar"),
        Paths.get(System.getProperty("reqlens.demo.dir", "reqlens-demo")),
        dataDirProperty(),
        duration,
        showcase(dataDirProperty()));
  }

  private static Path dataDirProperty() {
    return Paths.get(System.getProperty("reqlens.demo.data", "reqlens-data")).toAbsolutePath();
  }

  /**
   * Ratio 0.1 for everything, rules for writes, user lookups and the slow endpoint; failing and
   * slow requests kept whatever the ratio said; OTLP plus both file exporters.
   */
  private static Map<String, String> showcase(Path dataDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEL_SERVICE_NAME", "reqlens-demo");
    env.put("OTEL_TRACES_SAMPLER", "reqlens");
    env.put("OTEL_TRACES_SAMPLER_ARG", "0.1");
    env.put(
        "OTEL_REQLENS_SAMPLER_RULES",
        "http.request.method=POST & url.path=/api/** => 1;"
            + " url.path=/api/users/* => 0.5;"
            + " url.path=/api/slow => rate=2/s");
    env.put(EXCLUDE_ROUTES, "/health,/static/**");
    env.put("OTEL_REQLENS_KEEP_ERRORS", "true");
    env.put("OTEL_REQLENS_KEEP_SLOWER_THAN", "500ms");
    env.put("OTEL_TRACES_EXPORTER", "otlp,jsonl,req");
    env.put("OTEL_EXPORTER_JSONL_DIRECTORY", dataDir.toString());
    env.put("OTEL_EXPORTER_REQ_DIRECTORY", dataDir.toString());
    // Stable database conventions (db.system.name, db.query.text), as the library instrumentation.
    env.put("OTEL_SEMCONV_STABILITY_OPT_IN", "database");
    return env;
  }

  private static long seconds(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_SECONDS;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      if (seconds > 0 && seconds <= 3600) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "Invalid value for " + SECONDS_ENV + ": '" + value + "'; accepted: 1 to 3600 (seconds)");
  }

  private static Path jar(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Paths.get(value))) {
      throw new IllegalArgumentException(
          "-D" + property + " must name an existing jar (got " + value + "); run ./demo.sh");
    }
    return Paths.get(value);
  }
}
