package io.reqlens.core.config;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads Reqlens configuration keys strictly: an invalid value throws {@link ConfigurationException}
 * naming the key (as environment variable and system property), the bad value and what is accepted.
 * Nothing falls back silently.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ConfigSupport {

  private ConfigSupport() {}

  /** {@code otel.reqlens.exclude.routes} → {@code OTEL_REQLENS_EXCLUDE_ROUTES}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Builds the one error message shape every key uses. */
  public static ConfigurationException invalid(String key, String value, String detail) {
    return new ConfigurationException(
        "Invalid value for " + envName(key) + " (" + key + "): '" + value + "': " + detail);
  }

  /** Returns the trimmed value, or {@code null} when unset or blank. */
  public static String string(ConfigProperties config, String key) {
    String value = config.getString(key);
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }

  public static double ratio(ConfigProperties config, String key, double defaultValue) {
    return read(config, key, Parsers.ratio(), defaultValue);
  }

  public static boolean bool(ConfigProperties config, String key, boolean defaultValue) {
    return read(config, key, Parsers.bool(), defaultValue);
  }

  /** Returns a positive duration ({@link Durations}), or {@code null} when unset. */
  public static Duration duration(ConfigProperties config, String key) {
    return read(config, key, Parsers.positiveDuration(), null);
  }

  /** Returns a positive duration, or {@code defaultValue} when unset. */
  public static Duration duration(ConfigProperties config, String key, Duration defaultValue) {
    return read(config, key, Parsers.positiveDuration(), defaultValue);
  }

  /** Returns a positive byte count ({@link ByteSizes}: {@code 16MiB}, {@code 1024}). */
  public static long bytes(ConfigProperties config, String key, long defaultValue) {
    return read(config, key, Parsers.positiveBytes(), defaultValue);
  }

  /** Returns a positive int, or {@code defaultValue} when unset. */
  public static int positiveInt(ConfigProperties config, String key, int defaultValue) {
    return intInRange(config, key, defaultValue, 1, Integer.MAX_VALUE);
  }

  /** Returns a whole number in [{@code min}, {@code max}], or {@code defaultValue} when unset. */
  public static int intInRange(
      ConfigProperties config, String key, int defaultValue, int min, int max) {
    return read(config, key, Parsers.intInRange(min, max), defaultValue);
  }

  /** One key through its {@link Setting.Parser}: the grammar a {@link Setting} of it would use. */
  private static <T> T read(
      ConfigProperties config, String key, Setting.Parser<T> parser, T defaultValue) {
    return ConfigSource.env(config).get(Setting.of(key, key, parser, defaultValue, key));
  }
}
