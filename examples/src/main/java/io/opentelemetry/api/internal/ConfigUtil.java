package io.opentelemetry.api.internal;

/**
 * BUILD-MIRROR WORKAROUND for library mode; delete when {@code opentelemetry-api-incubator}
 * 1.67.0-alpha (and {@code opentelemetry-exporter-logging-otlp} 1.67.0) are available.
 *
 * <p>Why? opentelemetry-api 1.67.0 no longer has this class (it moved to opentelemetry-common as
 * {@code io.opentelemetry.common.impl.ConfigUtil}), but two older artifacts the example bundles
 * still call it: {@code opentelemetry-api-incubator} 1.65.0-alpha ({@code defaultIfNull}; the
 * matching 1.67.0-alpha is not on the Maven Central mirror this build reaches) and the 1.63.0
 * exporter family ({@code getString}; see the examples pom). These are the only two methods they
 * call (checked with javap over every class of those jars). With the matching artifacts on the
 * class path nothing references this class.
 */
public final class ConfigUtil {

  private ConfigUtil() {}

  /** As in opentelemetry-api 1.66.0. */
  public static <T> T defaultIfNull(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }

  /** A system property, else an environment variable; delegates to where 1.67.0 moved it. */
  public static String getString(String key, String defaultValue) {
    return io.opentelemetry.common.impl.ConfigUtil.getString(key, defaultValue);
  }
}
