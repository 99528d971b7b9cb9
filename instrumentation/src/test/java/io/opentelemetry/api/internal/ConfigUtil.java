package io.opentelemetry.api.internal;

/**
 * TEST-ONLY compatibility shim; not shipped.
 *
 * <p>Why? instrumentation-api 2.33.1 needs opentelemetry-api-incubator at run time, and the SDK
 * 1.67.0 switches to its incubating code path when it sees it. The matching incubator
 * (1.67.0-alpha) is not on the Maven Central this build reaches; the newest there, 1.65.0-alpha,
 * calls {@code io.opentelemetry.api.internal.ConfigUtil.defaultIfNull}, which opentelemetry-api
 * 1.67.0 no longer has (it moved to opentelemetry-common). It is the only API class 1.65.0-alpha
 * uses that 1.67.0 lacks (checked with javap over every class). With the real 1.67.0-alpha on the
 * class path this class is never loaded: delete it when the mirror has that version.
 */
public final class ConfigUtil {

  private ConfigUtil() {}

  public static <T> T defaultIfNull(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }
}
