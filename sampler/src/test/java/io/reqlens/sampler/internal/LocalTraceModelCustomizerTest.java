package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanProcessorModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model rewrite: every exporting processor goes behind one {@code reqlens} processor, with the
 * local-trace keys of the {@code reqlens} sampler; a {@code reqlens} processor the user listed is
 * used and never doubled.
 */
class LocalTraceModelCustomizerTest {

  private static OpenTelemetryConfigurationModel customized(String yaml) {
    OpenTelemetryConfigurationModel model = Models.parse(yaml);
    LocalTraceModelCustomizer.customizeModel(model);
    return model;
  }

  private static List<SpanProcessorModel> processors(OpenTelemetryConfigurationModel model) {
    return model.getTracerProvider().getProcessors();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> reqlens(SpanProcessorModel p) {
    return (Map<String, Object>) p.getExtensionProperties().get("reqlens");
  }

  private static final String THREE_EXPORTERS =
      String.join(
          "\n",
          "tracer_provider:",
          "  sampler:",
          "    reqlens: { ratio: 0.1, exclude_routes: [/health], keep_errors: true }",
          "  processors:",
          "    - thread_details:",
          "    - batch: { exporter: { req: { directory: d } } }",
          "    - baggage: { included: [a] }",
          "    - simple: { exporter: { console: } }",
          "    - batch: { exporter: { otlp_http: {} } }");

  @Test
  void everyExportingProcessorMovesBehindOneReqlensProcessorWhereTheFirstWas() {
    OpenTelemetryConfigurationModel model = customized(THREE_EXPORTERS);
    assertThat(Models.names(processors(model)))
        .containsExactly("thread_details", "reqlens", "baggage");
    Map<String, Object> block = reqlens(processors(model).get(1));
    assertThat(Models.names((List<?>) block.get("processors")))
        .containsExactly("batch:[req]", "simple:[console]", "batch:[otlp_http]");
    assertThat(block)
        .containsEntry("exclude_routes", List.of("/health"))
        .containsEntry("keep_errors", true)
        .doesNotContainKey("ratio");
  }

  @Test
  void aListedReqlensProcessorReceivesTheExportersAndIsNotDoubled() {
    OpenTelemetryConfigurationModel model =
        customized(
            String.join(
                "\n",
                "tracer_provider:",
                "  sampler: { reqlens: { keep_errors: true } }",
                "  processors:",
                "    - batch: { exporter: { req: {} } }",
                "    - reqlens: { n_plus_one_threshold: 3, keep_slower_than: 2s }",
                "    - batch: { exporter: { jsonl: {} } }"));
    assertThat(Models.names(processors(model))).containsExactly("reqlens");
    Map<String, Object> block = reqlens(processors(model).get(0));
    assertThat(block)
        .containsEntry("n_plus_one_threshold", 3)
        .containsEntry("keep_errors", true)
        .containsEntry("keep_slower_than", "2s");
    assertThat(Models.names((List<?>) block.get("processors")))
        .containsExactly("batch:[req]", "batch:[jsonl]");
    // written back: the sampler records what the processor may keep (keep_slower_than)
    @SuppressWarnings("unchecked")
    Map<String, Object> samplerBlock =
        (Map<String, Object>)
            model.getTracerProvider().getSampler().getExtensionProperties().get("reqlens");
    assertThat(samplerBlock)
        .containsEntry("keep_slower_than", "2s")
        .containsEntry("keep_errors", true);
  }

  @Test
  void aReqlensProcessorNestedByHandIsTakenAsWritten() {
    OpenTelemetryConfigurationModel model =
        customized(
            String.join(
                "\n",
                "tracer_provider:",
                "  processors:",
                "    - reqlens:",
                "        exclude_routes: [/health]",
                "        processors: [ { batch: { exporter: { req: {} } } } ]",
                "    - batch: { exporter: { console: {} } }"));
    assertThat(Models.names(processors(model))).containsExactly("reqlens", "batch:[console]");
    assertThat((List<?>) reqlens(processors(model).get(0)).get("processors")).hasSize(1);
  }

  @Test
  void withoutAReqlensSamplerTheProcessorStillWrapsTheExporters() {
    OpenTelemetryConfigurationModel model =
        customized(
            String.join(
                "\n",
                "tracer_provider:",
                "  sampler: { always_on: }",
                "  processors: [ { batch: { exporter: { otlp_grpc: {} } } } ]"));
    assertThat(Models.names(processors(model))).containsExactly("reqlens");
    assertThat(reqlens(processors(model).get(0))).containsOnlyKeys("processors");
  }

  @Test
  void nothingToDoWithoutTracingOrExporters() {
    assertThat(customized("file_format: \"1.2\"").getTracerProvider()).isNull();
    OpenTelemetryConfigurationModel model =
        customized("tracer_provider: { processors: [ { thread_details: } ] }");
    assertThat(Models.names(processors(model))).containsExactly("thread_details");
  }

  @Test
  void theProviderIsLateAndRegistered() {
    assertThat(new LocalTraceModelCustomizer().order()).isGreaterThan(1_000_000);
  }
}
