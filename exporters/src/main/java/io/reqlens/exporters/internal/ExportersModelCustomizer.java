package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanExporterModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.reqlens.core.config.ConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With a configuration file ({@code OTEL_CONFIG_FILE}), before the SDK is built:
 *
 * <ul>
 *   <li>checks every {@code jsonl} and {@code req} exporter block of {@code
 *       tracer_provider.processors} (also those under a {@code reqlens} processor), so that an
 *       unknown property or a bad value stops start-up naming its full YAML path ({@code
 *       tracer_provider.processors[1].batch.exporter.req.rotate_bytes});
 *   <li>turns on, as a default the file can override, what {@link ReqlensExportersCustomizer} turns
 *       on for the environment: {@code instrumentation/development: java: common: http: server:
 *       emit_experimental_telemetry/development: true}, so the agent records request and response
 *       body sizes for the {@code REQ} events' {@code bytes_in}/{@code bytes_out}.
 * </ul>
 *
 * <p>Runs before the local-trace customizer of {@code reqlens-sampler} moves the exporting
 * processors (a lower {@link #order()}).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ExportersModelCustomizer implements DeclarativeConfigurationCustomizerProvider {

  static final String INSTRUMENTATION = "instrumentation/development";
  static final List<String> EXPERIMENTAL_HTTP_SERVER =
      List.of("java", "common", "http", "server", "emit_experimental_telemetry/development");

  @Override
  public void customize(DeclarativeConfigurationCustomizer customizer) {
    customizer.addModelCustomizer(
        model -> {
          customizeModel(model);
          return model;
        });
  }

  @Override
  public int order() {
    return 100;
  }

  static void customizeModel(OpenTelemetryConfigurationModel model) {
    if (model == null) {
      return;
    }
    if (model.getTracerProvider() != null && model.getTracerProvider().getProcessors() != null) {
      List<SpanProcessorModel> processors = model.getTracerProvider().getProcessors();
      for (int i = 0; i < processors.size(); i++) {
        checkProcessor(processors.get(i), "tracer_provider.processors[" + i + "]");
      }
    }
    Object instrumentation = model.getExtensionProperties().get(INSTRUMENTATION);
    if (instrumentation == null || instrumentation instanceof Map) {
      model.setExtensionProperty(
          INSTRUMENTATION, withDefault(instrumentation, EXPERIMENTAL_HTTP_SERVER, 0));
    }
  }

  private static void checkProcessor(SpanProcessorModel processor, String path) {
    if (processor.getBatch() != null) {
      checkExporter(processor.getBatch().getExporter(), path + ".batch.exporter");
    }
    if (processor.getSimple() != null) {
      checkExporter(processor.getSimple().getExporter(), path + ".simple.exporter");
    }
    Object reqlens = processor.getExtensionProperties().get("reqlens");
    if (reqlens instanceof Map && ((Map<?, ?>) reqlens).get("processors") instanceof List) {
      List<?> nested = (List<?>) ((Map<?, ?>) reqlens).get("processors");
      for (int j = 0; j < nested.size(); j++) {
        String at = path + ".reqlens.processors[" + j + "]";
        Object item = nested.get(j);
        if (item instanceof SpanProcessorModel) {
          checkProcessor((SpanProcessorModel) item, at);
        } else if (item instanceof Map) {
          for (Map.Entry<?, ?> kind : ((Map<?, ?>) item).entrySet()) {
            Object exporter =
                kind.getValue() instanceof Map
                    ? ((Map<?, ?>) kind.getValue()).get("exporter")
                    : null;
            if (exporter instanceof Map) {
              checkExporterBlocks((Map<?, ?>) exporter, at + "." + kind.getKey() + ".exporter");
            }
          }
        }
      }
    }
  }

  private static void checkExporter(SpanExporterModel exporter, String path) {
    if (exporter != null) {
      checkExporterBlocks(exporter.getExtensionProperties(), path);
    }
  }

  private static void checkExporterBlocks(Map<?, ?> exporters, String path) {
    for (FileExporterSettings settings :
        List.of(FileExporterSettings.JSONL, FileExporterSettings.REQ)) {
      if (!exporters.containsKey(settings.name())) {
        continue;
      }
      Object block = exporters.get(settings.name());
      String at = path + "." + settings.name();
      if (block != null && !(block instanceof Map)) {
        throw new ConfigurationException(
            "Invalid value for " + at + ": '" + block + "'; accepted: a mapping of properties");
      }
      @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
      ConfigSource source = ConfigSource.yaml((Map<String, ?>) block, at);
      source.requireKnown(settings.all(), List.of());
      settings.all().forEach(source::get);
    }
  }

  /** {@code node} with {@code true} at {@code path}, unless the file set something there. */
  private static Object withDefault(Object node, List<String> path, int depth) {
    if (depth == path.size()) {
      return node == null ? Boolean.TRUE : node;
    }
    if (node != null && !(node instanceof Map)) {
      return node; // the file has its own value here: leave it
    }
    @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
    Map<String, Object> map =
        node == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) node);
    map.put(path.get(depth), withDefault(map.get(path.get(depth)), path, depth + 1));
    return map;
  }
}
