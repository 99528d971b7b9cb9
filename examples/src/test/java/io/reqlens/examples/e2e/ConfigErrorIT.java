package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.examples.launch.ServiceClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad Reqlens setting is reported in the agent's output, naming the key, the bad value and what
 * is accepted. The agent's policy is then to fail its own start and let the application run
 * untraced; this test pins down that behaviour.
 */
class ConfigErrorIT {

  private static final String BAD_RULES = "url.path=/x => maybe";

  @Test
  void invalidRulesAreReportedAndTheAppRunsUntraced() {
    try (ExampleService service =
        ExampleService.agent(
            "config-error",
            Map.of("OTEL_TRACES_SAMPLER", "reqlens", "OTEL_REQLENS_SAMPLER_RULES", BAD_RULES))) {
      service.start();
      assertThat(service.output())
          .contains("Invalid value for OTEL_REQLENS_SAMPLER_RULES")
          .contains(BAD_RULES)
          .contains("accepted actions")
          .contains("OpenTelemetry Javaagent failed to start");

      ServiceClient.Response response = service.http().get("/api/users");
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.traceResponse())
          .as("no span is current: the OpenTelemetry API stayed a no-op")
          .isNull();
      System.out.println(service.output());
    }
  }
}
