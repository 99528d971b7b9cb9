package io.reqlens.sampler.internal;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.BatchSpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SamplerModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SimpleSpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanExporterModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.TracerProviderModel;
import io.reqlens.core.config.testing.YamlConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration file into the (stub) model the SDK would hand a model customizer: the
 * stable parts typed, components by name as extension properties, as the SDK's Jackson binding
 * does.
 */
final class Models {

  private Models() {}

  @SuppressWarnings("unchecked")
  static OpenTelemetryConfigurationModel parse(String yaml) {
    Map<String, Object> root = YamlConfig.read(yaml);
    OpenTelemetryConfigurationModel model = new OpenTelemetryConfigurationModel();
    Map<String, Object> tp = (Map<String, Object>) root.get("tracer_provider");
    if (tp == null) {
      return model;
    }
    TracerProviderModel tracing = new TracerProviderModel();
    model.setTracerProvider(tracing);
    if (tp.get("sampler") != null) {
      SamplerModel sampler = new SamplerModel();
      ((Map<String, Object>) tp.get("sampler")).forEach(sampler::setExtensionProperty);
      tracing.setSampler(sampler);
    }
    if (tp.get("processors") != null) {
      List<SpanProcessorModel> processors = new ArrayList<>();
      for (Object item : (List<Object>) tp.get("processors")) {
        processors.add(processor((Map<String, Object>) item));
      }
      tracing.setProcessors(processors);
    }
    return model;
  }

  @SuppressWarnings("unchecked")
  private static SpanProcessorModel processor(Map<String, Object> item) {
    SpanProcessorModel p = new SpanProcessorModel();
    item.forEach(
        (kind, value) -> {
          Map<String, Object> props = (Map<String, Object>) value;
          if (kind.equals("batch")) {
            p.setBatch(new BatchSpanProcessorModel().setExporter(exporter(props)));
          } else if (kind.equals("simple")) {
            p.setSimple(new SimpleSpanProcessorModel().setExporter(exporter(props)));
          } else {
            p.setExtensionProperty(kind, value);
          }
        });
    return p;
  }

  @SuppressWarnings("unchecked")
  private static SpanExporterModel exporter(Map<String, Object> processor) {
    SpanExporterModel e = new SpanExporterModel();
    ((Map<String, Object>) processor.get("exporter")).forEach(e::setExtensionProperty);
    return e;
  }

  /** The processor names in order: batch/simple by their exporter, others by their name. */
  static List<String> names(List<?> processors) {
    List<String> names = new ArrayList<>();
    for (Object o : processors) {
      SpanProcessorModel p = (SpanProcessorModel) o;
      if (p.getBatch() != null) {
        names.add("batch:" + p.getBatch().getExporter().getExtensionProperties().keySet());
      } else if (p.getSimple() != null) {
        names.add("simple:" + p.getSimple().getExporter().getExtensionProperties().keySet());
      } else {
        names.add(String.join(",", p.getExtensionProperties().keySet()));
      }
    }
    return names;
  }
}
