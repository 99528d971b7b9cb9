package io.reqlens.sampler.internal;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.DeclarativeConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SamplerModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.SpanProcessorModel;
import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.TracerProviderModel;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With a configuration file ({@code OTEL_CONFIG_FILE}), puts the local-trace processor in front of
 * every exporting processor the file lists, as {@link LocalTraceCustomizerProvider} does for the
 * environment. The file's model is rewritten before the SDK is built:
 *
 * <pre>{@code
 * processors: [batch: {exporter: {req: ..}}, batch: {exporter: {otlp_http: ..}}]
 *   becomes
 * processors: [reqlens: {<local-trace keys>, processors: [batch: {..req..}, batch: {..otlp_http..}]}]
 * }</pre>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Every {@code batch} and {@code simple} processor moves under one {@code reqlens} processor,
 *       placed where the first of them was; other processors stay where they are.
 *   <li>The local-trace keys ({@link ReqlensSettings#PROCESSOR_KEYS}) are those of the {@code
 *       reqlens} sampler block ({@code tracer_provider.sampler.reqlens}) and of a {@code reqlens}
 *       processor the user listed, merged: one value per key, as with environment variables. The
 *       same key with two different values stops start-up naming both paths. The merged keys are
 *       written back to the sampler block too, so the sampler records what the processor may keep.
 *   <li>A {@code reqlens} processor the user listed is used, never doubled: without {@code
 *       processors} the exporting processors move into it; with {@code processors} (nested by hand)
 *       the file is taken as written. Listed twice, start-up stops.
 * </ul>
 *
 * <p>Why a model customizer? SDK 1.67's declarative hooks customize the model and the exporters,
 * not the span processors it builds; Splunk's and Elastic's distributions and the agent's own
 * {@code AbstractThreadDetailsCustomizerProvider} add processors the same way (they only add; here
 * the exporting processors must be behind ours, hence {@link NestedProcessors}).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class LocalTraceModelCustomizer implements DeclarativeConfigurationCustomizerProvider {

  static final String NAME = "reqlens";
  static final String TRACER_PROVIDER = "tracer_provider";
  static final String SAMPLER_PATH = TRACER_PROVIDER + ".sampler." + NAME;

  @Override
  public void customize(DeclarativeConfigurationCustomizer customizer) {
    customizer.addModelCustomizer(
        model -> {
          customizeModel(model);
          return model;
        });
  }

  /** Late, so processors other customizers add are wrapped too. */
  @Override
  public int order() {
    return Integer.MAX_VALUE - 100;
  }

  static void customizeModel(OpenTelemetryConfigurationModel model) {
    TracerProviderModel tracing = model == null ? null : model.getTracerProvider();
    if (tracing == null) {
      return; // no tracer provider in the file: nothing is traced, nothing to decide
    }
    List<SpanProcessorModel> processors =
        tracing.getProcessors() == null ? new ArrayList<>() : tracing.getProcessors();
    Map<String, Object> samplerBlock = samplerBlock(tracing.getSampler());
    int listed = -1;
    for (int i = 0; i < processors.size(); i++) {
      if (processors.get(i).getExtensionProperties().containsKey(NAME)) {
        if (listed >= 0) {
          throw new ConfigurationException(
              "Invalid "
                  + TRACER_PROVIDER
                  + ".processors: the reqlens processor is listed twice (["
                  + listed
                  + "] and ["
                  + i
                  + "]); accepted: once (Reqlens puts the exporting processors behind it)");
        }
        listed = i;
      }
    }
    Map<String, Object> processorBlock =
        listed < 0 ? new LinkedHashMap<>() : block(processors.get(listed), listed);
    String processorPath = TRACER_PROVIDER + ".processors[" + listed + "]." + NAME;

    // Strict first: every value of both blocks, then one value per key.
    ConfigSource samplerSource = ConfigSource.yaml(samplerBlock, SAMPLER_PATH);
    if (samplerBlock != null) {
      samplerSource.requireKnown(ReqlensSettings.ALL, List.of());
      ReqlensSettings.read(samplerSource, ReqlensSettings.ALL);
    }
    ConfigSource processorSource = ConfigSource.yaml(processorBlock, processorPath);
    processorSource.requireKnown(
        ReqlensSettings.PROCESSOR_KEYS, List.of(NestedProcessors.PROCESSORS));
    ReqlensSettings.read(processorSource, ReqlensSettings.PROCESSOR_KEYS);
    Map<String, Object> merged = new LinkedHashMap<>(processorBlock);
    if (samplerBlock != null) {
      merge(samplerBlock, samplerSource, processorBlock, processorSource, merged);
      Map<String, Object> newSamplerBlock = new LinkedHashMap<>(samplerBlock);
      for (Setting<?> setting : ReqlensSettings.PROCESSOR_KEYS) {
        if (merged.get(setting.property()) != null) {
          newSamplerBlock.put(setting.property(), merged.get(setting.property()));
        }
      }
      tracing.getSampler().setExtensionProperty(NAME, newSamplerBlock);
    }

    if (merged.get(NestedProcessors.PROCESSORS) != null) {
      processors.get(listed).setExtensionProperty(NAME, merged); // nested by hand: as written
      return;
    }
    List<Object> exporting = new ArrayList<>();
    List<SpanProcessorModel> rest = new ArrayList<>();
    int at = -1; // where the reqlens processor goes among the others
    for (int i = 0; i < processors.size(); i++) {
      SpanProcessorModel p = processors.get(i);
      boolean exports = p.getBatch() != null || p.getSimple() != null;
      if (i == listed || exports) {
        at = at < 0 ? rest.size() : at;
        if (exports) {
          exporting.add(p);
        }
      } else {
        rest.add(p);
      }
    }
    if (exporting.isEmpty() && listed < 0) {
      return; // nothing exports: nothing to decide for
    }
    merged.put(NestedProcessors.PROCESSORS, exporting);
    rest.add(at, new SpanProcessorModel().setExtensionProperty(NAME, merged));
    tracing.setProcessors(rest);
  }

  /** Copies the sampler block's local-trace keys into {@code merged}; fails on a conflict. */
  private static void merge(
      Map<String, Object> samplerBlock,
      ConfigSource samplerSource,
      Map<String, Object> processorBlock,
      ConfigSource processorSource,
      Map<String, Object> merged) {
    for (Setting<?> setting : ReqlensSettings.PROCESSOR_KEYS) {
      Object fromSampler = samplerBlock.get(setting.property());
      if (fromSampler == null) {
        continue;
      }
      if (processorBlock.get(setting.property()) == null) {
        merged.put(setting.property(), fromSampler);
        continue;
      }
      String a = String.valueOf(samplerSource.get(setting));
      String b = String.valueOf(processorSource.get(setting));
      if (!a.equals(b)) {
        throw new ConfigurationException(
            "Invalid value for "
                + processorSource.name(setting)
                + ": '"
                + processorBlock.get(setting.property())
                + "' differs from "
                + samplerSource.name(setting)
                + " ('"
                + fromSampler
                + "'); accepted: the key once, or the same value in both places");
      }
    }
  }

  /** The {@code reqlens} sampler's properties, or {@code null} when the sampler is another one. */
  private static Map<String, Object> samplerBlock(SamplerModel sampler) {
    if (sampler == null || !sampler.getExtensionProperties().containsKey(NAME)) {
      return null;
    }
    return asMap(sampler.getExtensionProperties().get(NAME), SAMPLER_PATH);
  }

  private static Map<String, Object> block(SpanProcessorModel processor, int index) {
    return asMap(
        processor.getExtensionProperties().get(NAME),
        TRACER_PROVIDER + ".processors[" + index + "]." + NAME);
  }

  @SuppressWarnings("unchecked") // YAML mappings are read as Map<String, Object>
  private static Map<String, Object> asMap(Object value, String path) {
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw new ConfigurationException(
          "Invalid value for " + path + ": '" + value + "'; accepted: a mapping of properties");
    }
    return new LinkedHashMap<>((Map<String, Object>) value);
  }
}
