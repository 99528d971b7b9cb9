package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.examples.launch.ServiceClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad value or an unknown property in a configuration file stops the agent's start, and its
 * output names the YAML path, the value and what is accepted (the agent then runs the application
 * untraced, as for environment variables: {@link ConfigErrorIT}).
 */
class ConfigFileErrorIT {

  private static final Path DIR = Paths.get(System.getProperty("reqlens.e2e.dir", "target/e2e"));

  private static String start(String name, String yaml) throws IOException {
    Files.createDirectories(DIR);
    Path file = DIR.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    try (ExampleService service =
        ExampleService.agent(name, Map.of("OTEL_CONFIG_FILE", file.toString()))) {
      service.start();
      ServiceClient.Response response = service.http().get("/api/users");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.traceResponse()).as("untraced: no span is current").isNull();
      return service.output();
    }
  }

  @Test
  void aBadSamplerValueNamesItsPathValueAndWhatIsAccepted() throws IOException {
    String output =
        start(
            "config-file-error",
            String.join(
                "\n",
                "file_format: \"1.2\"",
                "tracer_provider:",
                "  sampler:",
                "    reqlens:",
                "      ratio: 0.1",
                "      keep_slower_than: fast",
                "  processors:",
                "    - batch:",
                "        exporter:",
                "          req: { directory: target/e2e/never }",
                ""));
    System.out.println(output);
    assertThat(output)
        .contains(
            "Invalid value for tracer_provider.sampler.reqlens.keep_slower_than: 'fast': not a"
                + " duration; accepted: a number with a unit ns, us, ms, s, m, h, d or w")
        .contains("OpenTelemetry Javaagent failed to start");
  }

  @Test
  void anUnknownExporterPropertyNamesItsPathAndTheAcceptedOnes() throws IOException {
    String output =
        start(
            "config-file-unknown",
            String.join(
                "\n",
                "file_format: \"1.2\"",
                "tracer_provider:",
                "  processors:",
                "    - batch:",
                "        exporter:",
                "          jsonl: { directory: target/e2e/never, rotate_size: 1MiB }",
                ""));
    assertThat(output)
        .contains(
            "Unknown property tracer_provider.processors[0].batch.exporter.jsonl.rotate_size"
                + " (value '1MiB'); accepted properties: directory, format, retain_bytes,"
                + " rotate_bytes, rotate_interval")
        .contains("OpenTelemetry Javaagent failed to start");
  }
}
