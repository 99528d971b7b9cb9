package io.reqlens.sampler.internal;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessorBuilder;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.DeclarativeSource;
import io.reqlens.core.config.Parsers;
import io.reqlens.core.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the exporting processors listed under the {@code reqlens} processor's {@code processors}:
 * {@code batch} and {@code simple}, each with one exporter, exactly as the SDK builds them at the
 * top level of {@code tracer_provider.processors}.
 *
 * <p>Why build them here? The SDK 1.67 offers no hook that wraps the span processors it builds from
 * a file (only the model and exporters can be customized), and the local-trace processor must sit
 * <em>in front of</em> the exporting ones: it holds a request's spans until its root ends and then
 * forwards the kept ones. So {@link LocalTraceModelCustomizer} moves the listed exporting
 * processors under {@code reqlens}, and this class builds them with the public builders and the
 * exporters' own {@code ComponentProvider}s (what the SDK's {@code SpanProcessorFactory} and {@code
 * SpanExporterFactory} do). Not carried over: the SDK's own processor metrics (internal telemetry)
 * for these processors, and exporter customizers registered by other declarative customizers.
 */
final class NestedProcessors {

  static final String PROCESSORS = "processors";

  // The batch processor's properties in the configuration schema, in milliseconds and counts; the
  // environment keys are the SDK's OTEL_BSP_* equivalents. null keeps the builder's default.
  static final Setting<Integer> SCHEDULE_DELAY =
      Setting.of(
          "schedule_delay",
          "otel.bsp.schedule.delay",
          Parsers.intInRange(0, Integer.MAX_VALUE),
          null,
          "ms between exports");
  static final Setting<Integer> EXPORT_TIMEOUT =
      Setting.of(
          "export_timeout",
          "otel.bsp.export.timeout",
          Parsers.intInRange(0, Integer.MAX_VALUE),
          null,
          "ms an export may take");
  static final Setting<Integer> MAX_QUEUE_SIZE =
      Setting.of(
          "max_queue_size",
          "otel.bsp.max.queue.size",
          Parsers.positiveInt(),
          null,
          "spans queued at most");
  static final Setting<Integer> MAX_EXPORT_BATCH_SIZE =
      Setting.of(
          "max_export_batch_size",
          "otel.bsp.max.export.batch.size",
          Parsers.positiveInt(),
          null,
          "spans per export at most");
  static final List<Setting<?>> BATCH =
      List.of(SCHEDULE_DELAY, EXPORT_TIMEOUT, MAX_QUEUE_SIZE, MAX_EXPORT_BATCH_SIZE);

  private NestedProcessors() {}

  /**
   * Builds the processors listed under {@code reqlens} ({@code path}), as one composite.
   *
   * @throws ConfigurationException naming the path of what is wrong
   */
  static SpanProcessor create(DeclarativeConfigProperties reqlens, String path) {
    List<DeclarativeConfigProperties> items = reqlens.getStructuredList(PROCESSORS);
    if (items == null) {
      if (reqlens.getPropertyKeys().contains(PROCESSORS)
          && DeclarativeSource.toMap(reqlens).get(PROCESSORS) != null) {
        throw new ConfigurationException(
            "Invalid value for "
                + path
                + "."
                + PROCESSORS
                + ": not a list of processors; accepted: a list of batch or simple processors");
      }
      items = Collections.emptyList();
    }
    List<SpanProcessor> built = new ArrayList<>();
    try {
      for (int i = 0; i < items.size(); i++) {
        built.add(processor(items.get(i), reqlens, path + "." + PROCESSORS + "[" + i + "]"));
      }
    } catch (RuntimeException e) {
      built.forEach(SpanProcessor::shutdown);
      throw e;
    }
    return SpanProcessor.composite(built);
  }

  private static SpanProcessor processor(
      DeclarativeConfigProperties item, DeclarativeConfigProperties outer, String path) {
    String kind = single(item, path, "batch or simple");
    DeclarativeConfigProperties props = orEmpty(item.getStructured(kind));
    String at = path + "." + kind;
    switch (kind) {
      case "batch":
        ConfigSource source = DeclarativeSource.of(props, at);
        source.requireKnown(BATCH, List.of("exporter"));
        BatchSpanProcessorBuilder builder = BatchSpanProcessor.builder(exporter(props, outer, at));
        try {
          Integer delay = source.get(SCHEDULE_DELAY);
          if (delay != null) {
            builder.setScheduleDelay(Duration.ofMillis(delay));
          }
          Integer timeout = source.get(EXPORT_TIMEOUT);
          if (timeout != null) {
            builder.setExporterTimeout(Duration.ofMillis(timeout));
          }
          Integer queue = source.get(MAX_QUEUE_SIZE);
          if (queue != null) {
            builder.setMaxQueueSize(queue);
          }
          Integer batch = source.get(MAX_EXPORT_BATCH_SIZE);
          if (batch != null) {
            builder.setMaxExportBatchSize(batch);
          }
          return builder.build();
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException("Invalid " + at + ": " + e.getMessage(), e);
        }
      case "simple":
        DeclarativeSource.of(props, at).requireKnown(List.of(), List.of("exporter"));
        return SimpleSpanProcessor.builder(exporter(props, outer, at)).build();
      default:
        throw new ConfigurationException(
            "Invalid "
                + path
                + ": '"
                + kind
                + "' cannot be nested in the reqlens processor; accepted: batch or simple (list"
                + " other processors beside reqlens in tracer_provider.processors)");
    }
  }

  private static SpanExporter exporter(
      DeclarativeConfigProperties processor, DeclarativeConfigProperties outer, String path) {
    DeclarativeConfigProperties exporter = processor.getStructured("exporter");
    if (exporter == null) {
      throw new ConfigurationException(
          "Invalid " + path + ": no exporter; accepted: exporter with one exporter by name");
    }
    String at = path + ".exporter";
    String name = single(exporter, at, "one exporter by name, e.g. otlp_http, jsonl, req");
    List<ComponentProvider> matches = new ArrayList<>();
    TreeSet<String> known = new TreeSet<>();
    for (ComponentProvider provider :
        ComponentLoader.loadList(outer.getComponentLoader(), ComponentProvider.class)) {
      if (provider.getType() == SpanExporter.class) {
        known.add(provider.getName());
        if (provider.getName().equals(name)) {
          matches.add(provider);
        }
      }
    }
    if (matches.size() != 1) {
      throw new ConfigurationException(
          "Invalid "
              + at
              + ": "
              + (matches.isEmpty() ? "no" : "more than one")
              + " span exporter named '"
              + name
              + "'; accepted: "
              + String.join(", ", known));
    }
    Object created =
        matches.get(0).create(new ExtendedProperties(orEmpty(exporter.getStructured(name)), outer));
    return (SpanExporter) created;
  }

  private static String single(DeclarativeConfigProperties item, String path, String accepted) {
    if (item.getPropertyKeys().size() != 1) {
      throw new ConfigurationException(
          "Invalid "
              + path
              + ": "
              + new TreeSet<>(item.getPropertyKeys())
              + " must be exactly one entry; accepted: "
              + accepted);
    }
    return item.getPropertyKeys().iterator().next();
  }

  private static DeclarativeConfigProperties orEmpty(DeclarativeConfigProperties props) {
    return props == null ? DeclarativeConfigProperties.empty() : props;
  }
}
