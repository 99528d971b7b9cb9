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
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    double ratio;
    try {
      ratio = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw invalid(key, value, "not a number; accepted: a ratio in [0,1], e.g. 0.25");
    }
    if (!(ratio >= 0 && ratio <= 1)) {
      throw invalid(key, value, "outside [0,1]; accepted: a ratio in [0,1], e.g. 0.25");
    }
    return ratio;
  }

  public static boolean bool(ConfigProperties config, String key, boolean defaultValue) {
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(key, value, "accepted: true or false");
  }

  /** Returns a positive duration ({@link Durations}), or {@code null} when unset. */
  public static Duration duration(ConfigProperties config, String key) {
    String value = string(config, key);
    if (value == null) {
      return null;
    }
    long nanos;
    try {
      nanos = Durations.parseNanos(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, value, e.getMessage());
    }
    if (nanos <= 0) {
      throw invalid(key, value, "not positive; accepted: " + Durations.ACCEPTED);
    }
    return Duration.ofNanos(nanos);
  }

  /** Returns a positive duration, or {@code defaultValue} when unset. */
  public static Duration duration(ConfigProperties config, String key, Duration defaultValue) {
    Duration d = duration(config, key);
    return d == null ? defaultValue : d;
  }

  /** Returns a positive byte count ({@link ByteSizes}: {@code 16MiB}, {@code 1024}). */
  public static long bytes(ConfigProperties config, String key, long defaultValue) {
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    long n;
    try {
      n = ByteSizes.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, value, e.getMessage());
    }
    if (n <= 0) {
      throw invalid(key, value, "not positive; accepted: " + ByteSizes.ACCEPTED);
    }
    return n;
  }

  /** Returns a positive int, or {@code defaultValue} when unset. */
  public static int positiveInt(ConfigProperties config, String key, int defaultValue) {
    return intInRange(config, key, defaultValue, 1, Integer.MAX_VALUE);
  }

  /** Returns a whole number in [{@code min}, {@code max}], or {@code defaultValue} when unset. */
  public static int intInRange(
      ConfigProperties config, String key, int defaultValue, int min, int max) {
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the bounds
    }
    throw invalid(key, value, "accepted: a whole number from " + min + " to " + max);
  }
}
