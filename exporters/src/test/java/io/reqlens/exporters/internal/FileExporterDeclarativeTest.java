package io.reqlens.exporters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.BatchSpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SimpleSpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanExporterModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.TracerProviderModel;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.config.Setting;
import io.reqlens.core.config.testing.YamlConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code jsonl} and {@code req} exporters in a configuration file: every environment key and
 * its YAML property build the same exporter ({@code toString()}), bad blocks stop start-up naming
 * their YAML path, and the file gets the body-size default the environment gets.
 */
class FileExporterDeclarativeTest {

  @TempDir static Path tmp;

  /** A non-default value of each key, as environment text and as written in a file. */
  static Stream<Arguments> everyKey() {
    List<Arguments> all = new ArrayList<>();
    for (FileExporterSettings s : List.of(FileExporterSettings.JSONL, FileExporterSettings.REQ)) {
      for (Setting<?> key : s.all()) {
        String value;
        if (key == s.directory) {
          value = tmp.resolve(s.name() + "-dir").toString();
        } else if (key == s.rotateBytes) {
          value = "1MiB";
        } else if (key == s.rotateInterval) {
          value = "1m30s";
        } else if (key == s.retainBytes) {
          value = "3GiB";
        } else if (key == s.format) {
          value = "flat";
        } else {
          throw new AssertionError("no sample for " + key + ": add one here");
        }
        all.add(Arguments.of(s, key, value));
      }
    }
    return all.stream();
  }

  private static SpanExporter fromFile(FileExporterSettings s, String yaml) {
    FileExporterComponentProvider provider =
        s == FileExporterSettings.JSONL
            ? new FileExporterComponentProvider.Jsonl()
            : new FileExporterComponentProvider.Req();
    assertThat(provider.getName()).isEqualTo(s.name());
    return provider.create(YamlConfig.properties(yaml));
  }

  private static SpanExporter fromEnv(FileExporterSettings s, Map<String, String> env) {
    DefaultConfigProperties config = DefaultConfigProperties.createFromMap(env);
    return s == FileExporterSettings.JSONL
        ? new JsonlSpanExporterProvider().createExporter(config)
        : new ReqEventExporterProvider().createExporter(config);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyKey")
  void environmentAndFileBuildTheSameExporter(
      FileExporterSettings s, Setting<?> key, String value) {
    String dir = tmp.resolve(s.name()).toString();
    Map<String, String> env =
        key == s.directory
            ? Map.of(key.key(), value)
            : Map.of(key.key(), value, s.directory.key(), dir);
    String yaml =
        key == s.directory
            ? "directory: \"" + value + "\""
            : key.property() + ": " + value + "\ndirectory: \"" + dir + "\"";
    SpanExporter a = fromEnv(s, env);
    SpanExporter b = fromFile(s, yaml);
    SpanExporter defaults = fromEnv(s, Map.of(s.directory.key(), dir));
    try {
      assertThat(b.toString()).isEqualTo(a.toString());
      if (key != s.directory) {
        assertThat(a.toString())
            .as("the sample is not the default")
            .isNotEqualTo(defaults.toString());
      }
    } finally {
      a.shutdown();
      b.shutdown();
      defaults.shutdown();
    }
  }

  private static OpenTelemetryConfigurationModel model(String exporter, Object block) {
    SpanExporterModel e = new SpanExporterModel().setExtensionProperty(exporter, block);
    List<SpanProcessorModel> processors = new ArrayList<>();
    processors.add(new SpanProcessorModel().setSimple(new SimpleSpanProcessorModel()));
    processors.add(new SpanProcessorModel().setBatch(new BatchSpanProcessorModel().setExporter(e)));
    return new OpenTelemetryConfigurationModel()
        .setTracerProvider(new TracerProviderModel().setProcessors(processors));
  }

  static Stream<Arguments> badBlocks() {
    String at = "tracer_provider.processors[1].batch.exporter.";
    return Stream.of(
        Arguments.of(
            "req",
            Map.of("rotate_bytes", "16 furlongs"),
            "Invalid value for " + at + "req.rotate_bytes: '16 furlongs': not a size",
            "accepted: a whole number of bytes"),
        Arguments.of(
            "req",
            Map.of("rotate_interval", "0s"),
            at + "req.rotate_interval: '0s': not positive",
            "250ms"),
        Arguments.of(
            "jsonl", Map.of("format", "csv"), at + "jsonl.format: 'csv'", "accepted: otlp or flat"),
        Arguments.of(
            "jsonl",
            Map.of("retain_bytes", List.of(1, 2)),
            at + "jsonl.retain_bytes: '[1, 2]': a list",
            "accepted: a whole number of bytes"),
        Arguments.of(
            "req",
            Map.of("format", "otlp"),
            "Unknown property " + at + "req.format (value 'otlp')",
            "accepted properties: directory, retain_bytes, rotate_bytes, rotate_interval"),
        Arguments.of(
            "jsonl", "reqlens-data", at + "jsonl: 'reqlens-data'", "a mapping of properties"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badBlocks")
  void badBlocksStopStartUpNamingTheirPath(
      String exporter, Object block, String message, String accepted) {
    assertThatThrownBy(() -> ExportersModelCustomizer.customizeModel(model(exporter, block)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message)
        .hasMessageContaining(accepted);
  }

  @Test
  void exportersUnderAReqlensProcessorAreCheckedToo() {
    Map<String, Object> nested =
        Map.of("batch", Map.of("exporter", Map.of("req", Map.of("retain_bytes", -5))));
    OpenTelemetryConfigurationModel model =
        new OpenTelemetryConfigurationModel()
            .setTracerProvider(
                new TracerProviderModel()
                    .setProcessors(
                        List.of(
                            new SpanProcessorModel()
                                .setExtensionProperty(
                                    "reqlens", Map.of("processors", List.of(nested))))));
    assertThatThrownBy(() -> ExportersModelCustomizer.customizeModel(model))
        .hasMessageContaining(
            "tracer_provider.processors[0].reqlens.processors[0].batch.exporter.req.retain_bytes:"
                + " '-5'");
  }

  @Test
  void theComponentItselfRejectsUnknownProperties() {
    assertThatThrownBy(() -> fromFile(FileExporterSettings.REQ, "directry: x"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Unknown property exporter.req.directry (value 'x')");
  }

  @Test
  void theFileGetsTheBodySizeDefaultUnlessItSetsItsOwn() {
    // The real 1.67 model (taken from the agent jar) turns this extension property into its typed
    // instrumentation model; its text shows what the agent will read.
    OpenTelemetryConfigurationModel model = new OpenTelemetryConfigurationModel();
    ExportersModelCustomizer.customizeModel(model);
    assertThat(String.valueOf(model.getExtensionProperties().get("instrumentation/development")))
        .contains("common=")
        .contains("http={server={emit_experimental_telemetry/development=true}}");

    Map<String, Object> own =
        YamlConfig.read(
            "java: { common: { http: { server: { emit_experimental_telemetry/development: false },"
                + " known_methods: [GET] } } }");
    OpenTelemetryConfigurationModel withOwn =
        new OpenTelemetryConfigurationModel()
            .setExtensionProperty("instrumentation/development", own);
    String before =
        String.valueOf(withOwn.getExtensionProperties().get("instrumentation/development"));
    ExportersModelCustomizer.customizeModel(withOwn);
    assertThat(String.valueOf(withOwn.getExtensionProperties().get("instrumentation/development")))
        .as("a file's own instrumentation section is left as written")
        .isEqualTo(before)
        .contains("emit_experimental_telemetry/development=false");
  }
}
