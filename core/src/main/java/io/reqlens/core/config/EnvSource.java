package io.reqlens.core.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.Collection;

/**
 * Settings from environment variables and system properties ({@code OTEL_REQLENS_KEEP_ERRORS} =
 * {@code -Dotel.reqlens.keep.errors}), through SDK autoconfigure's {@link ConfigProperties}.
 */
final class EnvSource extends ConfigSource {

  private final ConfigProperties config;

  EnvSource(ConfigProperties config) {
    this.config = config;
  }

  @Override
  String text(Setting<?> setting) {
    return trimToNull(config.getString(setting.key()));
  }

  @Override
  public String name(Setting<?> setting) {
    return setting.envName() + " (" + setting.key() + ")";
  }

  @Override
  public void requireKnown(
      Collection<? extends Setting<?>> settings, Collection<String> structure) {
    // The environment holds every other program's keys too: nothing to check.
  }
}
