package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.core.config.testing.YamlConfig;
import io.reqlens.core.semconv.ReqlensAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code reqlens} processor of a configuration file builds the exporting processors listed
 * under it (as the SDK would at the top level) and decides in front of all of them.
 */
class NestedProcessorsTest {

  @BeforeEach
  void clear() {
    TestExporterComponentProvider.CREATED.clear();
    TestExporterComponentProvider.GIVEN.clear();
  }

  private static SpanProcessor create(String yaml) {
    return new LocalTraceComponentProvider().create(YamlConfig.properties(yaml));
  }

  @Test
  void everyListedExporterReceivesTheSameKeptSet() {
    SpanProcessor processor =
        create(
            String.join(
                "\n",
                "exclude_routes: [/health]",
                "processors:",
                "  - batch: { schedule_delay: 10, max_queue_size: 100, exporter: { test_memory: {} } }",
                "  - simple: { exporter: { test_memory: } }"));
    assertThat(processor.toString())
        .startsWith("LocalTraceProcessor{excludeRoutes=[/health],")
        .contains("BatchSpanProcessor{")
        .contains("SimpleSpanProcessor{");
    SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.get("test");
    for (String path : List.of("/health", "/api/users")) {
      Span server =
          tracer
              .spanBuilder("GET " + path)
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("url.path", path)
              .startSpan();
      tracer
          .spanBuilder("SELECT")
          .setParent(io.opentelemetry.context.Context.current().with(server))
          .startSpan()
          .end();
      server.end();
    }
    tracing.forceFlush().join(10, TimeUnit.SECONDS);
    assertThat(TestExporterComponentProvider.CREATED).hasSize(2);
    for (InMemorySpanExporter exporter : TestExporterComponentProvider.CREATED) {
      assertThat(exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .containsExactlyInAnyOrder("SELECT", "GET /api/users");
      SpanData server =
          exporter.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.SERVER)
              .findFirst()
              .orElseThrow();
      assertThat(server.getAttributes().get(ReqlensAttributes.KEPT_BY))
          .as("decided by the local-trace processor in front")
          .isEqualTo("sampler");
    }
    tracing.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Test
  void exportersAreGivenTheConfigurationsProvidersAsAtTheTopLevel() {
    create("processors: [ { simple: { exporter: { test_memory: { x: 1 } } } } ]").shutdown();
    assertThat(TestExporterComponentProvider.GIVEN).hasSize(1);
    assertThat(TestExporterComponentProvider.GIVEN.get(0).getLong("x")).isEqualTo(1L);
  }

  @Test
  void whatCannotBeBuiltStopsStartUpNamingThePath() {
    assertThatThrownBy(() -> create("processors: [ { batch: { exporter: { otlp_nope: {} } } } ]"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Invalid processors[].reqlens.processors[0].batch.exporter: no span exporter named"
                + " 'otlp_nope'; accepted: ")
        .hasMessageContaining("test_memory");
    assertThatThrownBy(() -> create("processors: [ { thread_details: {} } ]"))
        .hasMessageContaining("'thread_details' cannot be nested in the reqlens processor")
        .hasMessageContaining("accepted: batch or simple");
    assertThatThrownBy(() -> create("processors: [ { batch: { schedule_delay: 10 } } ]"))
        .hasMessageContaining("processors[0].batch: no exporter");
    assertThatThrownBy(
            () ->
                create(
                    "processors: [ { batch: { schedule_dalay: 10, exporter: { test_memory: } } } ]"))
        .hasMessageStartingWith(
            "Unknown property processors[].reqlens.processors[0].batch.schedule_dalay");
    assertThatThrownBy(
            () ->
                create(
                    "processors: [ { batch: { max_queue_size: 0, exporter: { test_memory: } } } ]"))
        .hasMessageContaining("processors[0].batch.max_queue_size: '0'");
    assertThatThrownBy(() -> create("processors: not-a-list"))
        .hasMessageContaining("processors[].reqlens.processors: not a list of processors");
  }
}
