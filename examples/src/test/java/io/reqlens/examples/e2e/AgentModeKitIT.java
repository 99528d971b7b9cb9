package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.instrumentation.testkit.AbstractHttpServerTest;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import org.junit.jupiter.api.Test;

/**
 * The HTTP-server test kit against the real agent (with the Reqlens extension) tracing the example
 * service: the same assertions the servlet filter and the {@code HttpServer} filter pass.
 */
class AgentModeKitIT extends AbstractHttpServerTest {

  @Override
  protected HttpServerAdapter createAdapter() {
    return new ExampleKitAdapter(ExampleService.Mode.AGENT);
  }

  /**
   * The example jar bundles an SDK for library mode; under the agent nothing may initialize it (the
   * agent's SDK does the work). Its classes are not even loaded: the app's own classes are, from
   * the same jar (so the check can see them).
   */
  @Test
  void bundledSdkIsNeverLoadedUnderTheAgent() throws Exception {
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    takeServerSpan();

    ExampleKitAdapter example = (ExampleKitAdapter) adapter;
    assertThat(example.classesLoadedFromExampleJar("io.reqlens.examples."))
        .contains("io.reqlens.examples.ExampleApp", "io.reqlens.examples.KitRoutes");
    assertThat(example.classesLoadedFromExampleJar("io.opentelemetry.sdk.")).isEmpty();
    assertThat(example.classesLoadedFromExampleJar("io.reqlens.instrumentation.")).isEmpty();
  }
}
