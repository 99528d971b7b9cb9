package io.reqlens.sampler.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Reqlens configuration keys strictly: an invalid value throws {@link
 * ConfigurationException} naming the key (as environment variable and system property), the bad
 * value and what is accepted. Nothing falls back silently.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ConfigSupport {

  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ns|us|ms|s|m|h|d)?");
  private static final Pattern SIZE =
      Pattern.compile("([0-9]+)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);

  private ConfigSupport() {}

  /** {@code otel.reqlens.exclude.routes} → {@code OTEL_REQLENS_EXCLUDE_ROUTES}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** Builds the one error message shape every key uses. */
  public static ConfigurationException invalid(String key, String value, String detail) {
    return new ConfigurationException(
        "Invalid value for "
            + envName(key)
            + " ("
            + key
            + "): '"
            + value
            + "': "
            + detail);
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

  /** Returns the duration, or {@code null} when unset. */
  public static Duration duration(ConfigProperties config, String key) {
    String value = string(config, key);
    if (value == null) {
      return null;
    }
    try {
      return parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw invalid(key, value, e.getMessage());
    }
  }

  /**
   * Parses a positive duration: a number with a unit {@code ns, us, ms, s, m, h, d}; a bare number
   * means milliseconds, as for the {@code OTEL_*} keys of the SDK.
   */
  public static Duration parseDuration(String value) {
    String accepted = "accepted: a positive number with a unit ns, us, ms, s, m, h or d, e.g. 250ms";
    Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration; " + accepted);
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    double nanosPerUnit;
    switch (unit) {
      case "ns":
        nanosPerUnit = 1;
        break;
      case "us":
        nanosPerUnit = 1e3;
        break;
      case "ms":
        nanosPerUnit = 1e6;
        break;
      case "s":
        nanosPerUnit = 1e9;
        break;
      case "m":
        nanosPerUnit = 60e9;
        break;
      case "h":
        nanosPerUnit = 3600e9;
        break;
      default:
        nanosPerUnit = 86400e9;
    }
    long nanos = Math.round(amount * nanosPerUnit);
    if (nanos <= 0) {
      throw new IllegalArgumentException("not positive; " + accepted);
    }
    return Duration.ofNanos(nanos);
  }

  /** Returns a positive duration, or {@code defaultValue} when unset. */
  public static Duration duration(ConfigProperties config, String key, Duration defaultValue) {
    Duration d = duration(config, key);
    return d == null ? defaultValue : d;
  }

  /** Returns a positive byte count ({@code 16MiB}, {@code 512mb}, {@code 1024}). */
  public static long bytes(ConfigProperties config, String key, long defaultValue) {
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    String accepted = "accepted: a positive number of bytes with an optional unit B, KiB, MiB, GiB"
        + " (KB, MB, GB mean the same), e.g. 16MiB";
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      throw invalid(key, value, "not a size; " + accepted);
    }
    long multiplier = 1;
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    if (unit.startsWith("k")) {
      multiplier = 1L << 10;
    } else if (unit.startsWith("m")) {
      multiplier = 1L << 20;
    } else if (unit.startsWith("g")) {
      multiplier = 1L << 30;
    }
    long n;
    try {
      n = Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(key, value, "too large; " + accepted);
    }
    if (n <= 0) {
      throw invalid(key, value, "not positive; " + accepted);
    }
    return n;
  }

  /** Returns a positive int, or {@code defaultValue} when unset. */
  public static int positiveInt(ConfigProperties config, String key, int defaultValue) {
    String value = string(config, key);
    if (value == null) {
      return defaultValue;
    }
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, value, "accepted: a positive whole number, e.g. 5");
  }
}
