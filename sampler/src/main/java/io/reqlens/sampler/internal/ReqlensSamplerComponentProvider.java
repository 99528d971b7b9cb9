package io.reqlens.sampler.internal;

import io.opentelemetry.api.incubator.config.DeclarativeConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.ComponentProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.DeclarativeSource;
import java.util.List;

/**
 * The sampler {@code reqlens} in a declarative configuration file ({@code OTEL_CONFIG_FILE}):
 *
 * <pre>{@code
 * tracer_provider:
 *   sampler:
 *     reqlens: { ratio: 0.1, rules: ["url.path=/api/checkout/** => 1"], keep_errors: true }
 * }</pre>
 *
 * <p>Properties are the snake_case of the environment keys ({@link ReqlensSettings#ALL}), read
 * through the same settings. An unknown property or a bad value stops start-up. (Contrib's {@code
 * RuleBasedRoutingSamplerComponentProvider} registers its sampler the same way.)
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensSamplerComponentProvider implements ComponentProvider {

  /** How messages name this block when the model check did not name it already. */
  static final String PATH = "sampler.reqlens";

  @Override
  public Class<Sampler> getType() {
    return Sampler.class;
  }

  @Override
  public String getName() {
    return "reqlens";
  }

  @Override
  public Sampler create(DeclarativeConfigProperties config) {
    ConfigSource source = DeclarativeSource.of(config, PATH);
    source.requireKnown(ReqlensSettings.ALL, List.of());
    return ReqlensSettings.read(source, ReqlensSettings.ALL).sampler();
  }
}
