package io.reqlens.sampler.internal;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.DeclarativeSource;
import java.util.List;

/**
 * The span processor {@code reqlens} in a declarative configuration file: the local-trace processor
 * in front of the exporting processors listed under its {@code processors}.
 *
 * <pre>{@code
 * tracer_provider:
 *   processors:
 *     - reqlens:
 *         exclude_routes: [/health]
 *         processors:
 *           - batch: { exporter: { otlp_http: {} } }
 * }</pre>
 *
 * <p>Users rarely write this: {@link LocalTraceModelCustomizer} puts every exporting processor of
 * the file under one {@code reqlens} processor, with the local-trace keys of the {@code reqlens}
 * sampler. Its own properties are {@link ReqlensSettings#PROCESSOR_KEYS} and {@code processors}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class LocalTraceComponentProvider implements ComponentProvider {

  static final String PATH = "processors[].reqlens";

  @Override
  public Class<SpanProcessor> getType() {
    return SpanProcessor.class;
  }

  @Override
  public String getName() {
    return "reqlens";
  }

  @Override
  public SpanProcessor create(DeclarativeConfigProperties config) {
    ConfigSource source = DeclarativeSource.of(config, PATH);
    source.requireKnown(ReqlensSettings.PROCESSOR_KEYS, List.of(NestedProcessors.PROCESSORS));
    ReqlensSettings settings = ReqlensSettings.read(source, ReqlensSettings.PROCESSOR_KEYS);
    return settings.processor(NestedProcessors.create(config, PATH));
  }
}
