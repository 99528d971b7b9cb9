package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.reqlens.instrumentation.testkit.AbstractHttpServerTest;
import io.reqlens.instrumentation.testkit.HttpServerAdapter;
import org.junit.jupiter.api.Test;

/**
 * The HTTP-server test kit against the example service in library mode: the Reqlens servlet filter
 * on Javalin's Jetty, a real framework (route templates from Javalin, exceptions handled by it),
 * exporting over OTLP from its own JVM.
 */
class LibraryModeKitIT extends AbstractHttpServerTest {

  @Override
  protected HttpServerAdapter createAdapter() {
    return new ExampleKitAdapter(ExampleService.Mode.LIBRARY);
  }

  /** The counterpart of the agent-mode check: here the bundled SDK and instrumentation do run. */
  @Test
  void bundledSdkAndInstrumentationAreWhatTraces() throws Exception {
    assertThat(get("/hello").statusCode()).isEqualTo(200);
    assertThat(takeServerSpan().scope()).isEqualTo("io.reqlens.instrumentation.servlet");

    ExampleKitAdapter example = (ExampleKitAdapter) adapter;
    assertThat(example.classesLoadedFromExampleJar("io.opentelemetry.sdk."))
        .contains("io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk");
    assertThat(example.classesLoadedFromExampleJar("io.reqlens.instrumentation."))
        .contains("io.reqlens.instrumentation.servlet.ServletTelemetry");
  }
}
