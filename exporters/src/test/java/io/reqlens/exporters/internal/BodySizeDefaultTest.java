package io.reqlens.exporters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's experimental HTTP server telemetry (body sizes, but also an active-requests counter
 * and two histograms per request) is switched on only for the {@code req} exporter, which needs the
 * body sizes, and never against the user's own setting.
 */
class BodySizeDefaultTest {

  private static final String KEY = ReqlensExportersCustomizer.HTTP_SERVER_EXPERIMENTAL_TELEMETRY;

  @TempDir Path tmp;

  @Test
  void onlyTheReqExporterSwitchesItOn() {
    assertThat(defaults(Map.of("otel.traces.exporter", "otlp,req")))
        .containsOnly(Map.entry(KEY, "true"));
    assertThat(defaults(Map.of("otel.traces.exporter", "req")))
        .containsOnly(Map.entry(KEY, "true"));
    assertThat(defaults(Map.of("otel.traces.exporter", "otlp,jsonl"))).isEmpty();
    assertThat(defaults(Map.of("otel.traces.exporter", "otlp"))).isEmpty();
    assertThat(defaults(Map.of())).isEmpty(); // otlp, the SDK's default
  }

  @Test
  void theUsersSettingWins() {
    assertThat(defaults(Map.of("otel.traces.exporter", "req", KEY, "false"))).isEmpty();
    assertThat(defaults(Map.of("otel.traces.exporter", "otlp", KEY, "true"))).isEmpty();
  }

  /** Through autoconfigure, as the agent runs it: the SPI customizer adds the key for req. */
  @Test
  void autoconfigureSeesTheDefault() {
    AtomicReference<String> seen = new AtomicReference<>();
    AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(
            () ->
                Map.of(
                    "otel.traces.exporter", "req",
                    "otel.exporter.req.directory", tmp.toString(),
                    "otel.metrics.exporter", "none",
                    "otel.logs.exporter", "none"))
        .addSpanProcessorCustomizer(
            (processor, config) -> {
              seen.set(config.getString(KEY)); // runs after every properties customizer
              return processor;
            })
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk()
        .close();
    assertThat(seen.get()).isEqualTo("true");
  }

  private static Map<String, String> defaults(Map<String, String> props) {
    return ReqlensExportersCustomizer.bodySizeDefaults(
        DefaultConfigProperties.createFromMap(props));
  }
}
