package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reqlens.examples.launch.ChildService;
import io.reqlens.examples.launch.ServiceClient;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The harness itself, on the example service without the agent (fast starts). */
class HarnessIT {

  private static final Path EXAMPLE_JAR = Paths.get(System.getProperty("reqlens.example.jar"));
  private static final Path LOGS = Paths.get(System.getProperty("reqlens.e2e.dir"));

  @Test
  void failedStartReportsTheChildsOutput() {
    assertThatThrownBy(
            () ->
                ChildService.builder(EXAMPLE_JAR)
                    .env("PORT", "not-a-port")
                    .outputFile(LOGS.resolve("harness-bad-port.log"))
                    .start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with code 1")
        .hasMessageContaining("Invalid value for PORT: 'not-a-port'");
  }

  @Test
  void serviceRunsWithoutTheAgentAndCloseStopsIt() {
    ChildService service =
        ChildService.builder(EXAMPLE_JAR).outputFile(LOGS.resolve("harness-no-agent.log")).start();
    try (service) {
      assertThat(service.baseUrl()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
      ServiceClient.Response users = new ServiceClient(service.baseUrl()).get("/api/users");
      assertThat(users.status()).isEqualTo(200);
      assertThat(users.body()).startsWith("[{\"id\":1,\"name\":\"Ada\"}");
      assertThat(users.traceResponse()).as("no agent, no span").isNull();
      assertThat(service.output()).contains("reqlens-example listening on " + service.baseUrl());
    }
    assertThat(service.isAlive()).isFalse();
  }
}
