package io.reqlens.sampler.internal;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ExtendedDeclarativeConfigProperties;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code exporter: {test_memory: {}}}: an in-memory exporter by name, as the SDK finds exporters;
 * remembers what it created and what it was given.
 */
public final class TestExporterComponentProvider implements ComponentProvider {

  static final List<InMemorySpanExporter> CREATED = new ArrayList<>();
  static final List<DeclarativeConfigProperties> GIVEN = new ArrayList<>();

  @Override
  public Class<SpanExporter> getType() {
    return SpanExporter.class;
  }

  @Override
  public String getName() {
    return "test_memory";
  }

  @Override
  public SpanExporter create(DeclarativeConfigProperties config) {
    if (!(config instanceof ExtendedDeclarativeConfigProperties)) {
      throw new IllegalArgumentException("as the OTLP exporters: extended properties required");
    }
    GIVEN.add(config);
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    CREATED.add(exporter);
    return exporter;
  }
}
