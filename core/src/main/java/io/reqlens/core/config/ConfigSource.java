package io.reqlens.core.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.Collection;
import java.util.Map;

/**
 * Where settings are read from: the environment and system properties ({@link #env}) or one block
 * of a declarative configuration file ({@link #yaml}). Both hand each {@link Setting} its text in
 * the environment grammar, so one parser decides for both, and both fail the same way: a {@link
 * ConfigurationException} naming the key or YAML path, the value and what is accepted.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public abstract class ConfigSource {

  ConfigSource() {}

  /** Environment variables and system properties, as SDK autoconfigure hands them over. */
  public static ConfigSource env(ConfigProperties config) {
    return new EnvSource(config);
  }

  /**
   * One block of a declarative configuration file, as a map of its properties (scalars, lists of
   * scalars, maps), at {@code path} ({@code tracer_provider.sampler.reqlens}).
   */
  public static ConfigSource yaml(Map<String, ?> properties, String path) {
    return new YamlSource(properties, path);
  }

  /**
   * The setting's text in the environment grammar, trimmed, or {@code null} when it is unset.
   *
   * @throws ConfigurationException when the value has a shape the setting cannot take
   */
  abstract String text(Setting<?> setting);

  /** How messages name a setting: {@code OTEL_X (otel.x)} or {@code a.b.c.x}. */
  public abstract String name(Setting<?> setting);

  /**
   * Fails on a property that is none of {@code settings} nor {@code structure} (the non-setting
   * properties a block may have). Environment keys are not checked: the environment holds others.
   */
  public abstract void requireKnown(
      Collection<? extends Setting<?>> settings, Collection<String> structure);

  /**
   * Reads and parses one setting, or returns its default when unset.
   *
   * @throws ConfigurationException naming the setting, the value and what is accepted
   */
  public final <T> T get(Setting<T> setting) {
    String text = text(setting);
    if (text == null) {
      return setting.defaultValue();
    }
    try {
      return setting.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(setting, text, e.getMessage());
    }
  }

  /**
   * Reads {@code setting}, else (when unset) {@code fallback}, else returns the setting's default:
   * one key shared by several components ({@code OTEL_REQLENS_DIRECTORY}) under their own keys.
   *
   * @throws ConfigurationException naming the key that was read, the value and what is accepted
   */
  public final <T> T get(Setting<T> setting, Setting<T> fallback) {
    if (text(setting) == null && text(fallback) != null) {
      return get(fallback);
    }
    return get(setting);
  }

  /** The one error shape: {@code Invalid value for NAME: 'VALUE': DETAIL}. */
  public final ConfigurationException invalid(Setting<?> setting, String value, String detail) {
    return new ConfigurationException(
        "Invalid value for " + name(setting) + ": '" + value + "': " + detail);
  }

  static String trimToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
