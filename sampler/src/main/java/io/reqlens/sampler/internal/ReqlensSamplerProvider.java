package io.reqlens.sampler.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.sampler.ReqlensSampler;

/**
 * Registers {@code OTEL_TRACES_SAMPLER=reqlens} with SDK autoconfigure and the Java agent.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensSamplerProvider implements ConfigurableSamplerProvider {

  /** The value of {@code otel.traces.sampler} that selects this sampler. */
  public static final String NAME = "reqlens";

  @Override
  public Sampler createSampler(ConfigProperties config) {
    return samplerFrom(ReqlensSettings.from(config));
  }

  /** Builds the sampler the settings describe. */
  public static ReqlensSampler samplerFrom(ReqlensSettings settings) {
    return settings.sampler();
  }

  @Override
  public String getName() {
    return NAME;
  }
}
