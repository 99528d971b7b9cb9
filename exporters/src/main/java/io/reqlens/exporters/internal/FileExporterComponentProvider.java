package io.reqlens.exporters.internal;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.DeclarativeSource;
import java.util.List;

/**
 * The exporters {@code jsonl} and {@code req} in a declarative configuration file ({@code
 * OTEL_CONFIG_FILE}):
 *
 * <pre>{@code
 * - batch:
 *     exporter:
 *       req: { directory: reqlens-data, rotate_bytes: 16MiB }
 * }</pre>
 *
 * <p>Properties are the snake_case of the environment keys, read through {@link
 * FileExporterSettings}; an unknown property or a bad value stops start-up.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
abstract class FileExporterComponentProvider implements ComponentProvider {

  private final FileExporterSettings settings;

  FileExporterComponentProvider(FileExporterSettings settings) {
    this.settings = settings;
  }

  @Override
  public Class<SpanExporter> getType() {
    return SpanExporter.class;
  }

  @Override
  public String getName() {
    return settings.name();
  }

  @Override
  public SpanExporter create(DeclarativeConfigProperties config) {
    // The model check (ExportersModelCustomizer) named the full path already; here, the exporter.
    ConfigSource source = DeclarativeSource.of(config, "exporter." + settings.name());
    source.requireKnown(settings.all(), List.of());
    return build(source);
  }

  abstract SpanExporter build(ConfigSource source);

  /** {@code jsonl}. */
  public static final class Jsonl extends FileExporterComponentProvider {
    public Jsonl() {
      super(FileExporterSettings.JSONL);
    }

    @Override
    SpanExporter build(ConfigSource source) {
      return FileExporterSettings.jsonl(source);
    }
  }

  /** {@code req}. */
  public static final class Req extends FileExporterComponentProvider {
    public Req() {
      super(FileExporterSettings.REQ);
    }

    @Override
    SpanExporter build(ConfigSource source) {
      return FileExporterSettings.req(source);
    }
  }
}
