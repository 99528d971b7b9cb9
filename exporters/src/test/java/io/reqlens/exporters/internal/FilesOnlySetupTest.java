package io.reqlens.exporters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A files-only setup is quiet and starts without the OTLP exporter (this module's test class path
 * has none), and one key puts both exporters' files in one folder. The user's own settings win.
 */
class FilesOnlySetupTest {

  @TempDir Path tmp;

  @Test
  void filesOnlyTurnsUnsetMetricsAndLogsExportOff() {
    Map<String, String> props = new HashMap<>();
    props.put("otel.traces.exporter", "jsonl,req");
    props.put("otel.reqlens.directory", tmp.toString());
    // Without the default, autoconfigure would fail: otlp is the SDK's metrics and logs default,
    // and opentelemetry-exporter-otlp is not on this class path.
    OpenTelemetrySdk sdk = build(props);
    try {
      assertThat(sdk.getSdkMeterProvider().toString()).contains("metricReaders=[]");
      assertThat(sdk.getSdkLoggerProvider().toString())
          .contains("logRecordProcessor=NoopLogRecordProcessor");
    } finally {
      sdk.close();
    }
  }

  @Test
  void anExplicitMetricsExporterWins() {
    Map<String, String> props = new HashMap<>();
    props.put("otel.traces.exporter", "jsonl");
    props.put("otel.exporter.jsonl.directory", tmp.toString());
    props.put("otel.metrics.exporter", "otlp");
    props.put("otel.logs.exporter", "none");
    assertThatThrownBy(() -> build(props))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("otlp");
  }

  @Test
  void onlyAFilesOnlySetupGetsTheDefaults() {
    assertThat(defaults(Map.of("otel.traces.exporter", "jsonl")))
        .containsOnly(
            Map.entry("otel.metrics.exporter", "none"), Map.entry("otel.logs.exporter", "none"));
    assertThat(defaults(Map.of("otel.traces.exporter", "console, req")))
        .containsEntry("otel.metrics.exporter", "none");
    assertThat(defaults(Map.of("otel.traces.exporter", "otlp,jsonl,req"))).isEmpty();
    assertThat(defaults(Map.of("otel.traces.exporter", "console"))).isEmpty();
    assertThat(defaults(Map.of())).isEmpty();
    assertThat(defaults(Map.of("otel.traces.exporter", "req", "otel.logs.exporter", "console")))
        .containsOnly(Map.entry("otel.metrics.exporter", "none"));
  }

  @Test
  void oneKeyPutsBothExportersInOneFolderAndTheirOwnKeysWin() {
    Path shared = tmp.resolve("shared");
    Path own = tmp.resolve("own");
    DefaultConfigProperties config =
        DefaultConfigProperties.createFromMap(
            Map.of(
                "otel.reqlens.directory", shared.toString(),
                "otel.exporter.req.directory", own.toString()));
    var jsonl = new JsonlSpanExporterProvider().createExporter(config);
    var req = new ReqEventExporterProvider().createExporter(config);
    try {
      assertThat(jsonl.toString()).contains("directory=" + shared + ",");
      assertThat(req.toString()).contains("directory=" + own + ",");
    } finally {
      jsonl.shutdown();
      req.shutdown();
    }
  }

  private static Map<String, String> defaults(Map<String, String> props) {
    return ReqlensExportersCustomizer.filesOnlyDefaults(
        DefaultConfigProperties.createFromMap(props));
  }

  private static OpenTelemetrySdk build(Map<String, String> props) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .disableShutdownHook()
        .addPropertiesSupplier(() -> props)
        .build()
        .getOpenTelemetrySdk();
  }
}
