package io.reqlens.sampler.internal;

import static io.reqlens.sampler.internal.ConfigSupport.invalid;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.reqlens.sampler.ReqlensSampler;
import io.reqlens.sampler.RouteList;
import java.time.Duration;

/**
 * The validated sampling keys of DESIGN.md, read once from {@link ConfigProperties}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensSettings {

  public static final String SAMPLER_ARG = "otel.traces.sampler.arg";
  public static final String RULES = "otel.reqlens.sampler.rules";
  public static final String EXCLUDE_ROUTES = "otel.reqlens.exclude.routes";
  public static final String KEEP_ERRORS = "otel.reqlens.keep.errors";
  public static final String KEEP_SLOWER_THAN = "otel.reqlens.keep.slower.than";

  private final double ratio;
  private final String rules;
  private final RouteList excludedRoutes;
  private final boolean keepErrors;
  private final Duration keepSlowerThan;

  private ReqlensSettings(
      double ratio,
      String rules,
      RouteList excludedRoutes,
      boolean keepErrors,
      Duration keepSlowerThan) {
    this.ratio = ratio;
    this.rules = rules;
    this.excludedRoutes = excludedRoutes;
    this.keepErrors = keepErrors;
    this.keepSlowerThan = keepSlowerThan;
  }

  /**
   * Reads and validates every key.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings from(ConfigProperties config) {
    double ratio = ConfigSupport.ratio(config, SAMPLER_ARG, 1.0);
    String rules = ConfigSupport.string(config, RULES);
    if (rules != null) {
      try {
        ReqlensSampler.builder().setRules(rules);
      } catch (IllegalArgumentException e) {
        throw invalid(RULES, rules, e.getMessage());
      }
    }
    String excluded = ConfigSupport.string(config, EXCLUDE_ROUTES);
    RouteList routes;
    try {
      routes = RouteList.parse(excluded);
    } catch (IllegalArgumentException e) {
      throw invalid(EXCLUDE_ROUTES, excluded, e.getMessage());
    }
    boolean keepErrors = ConfigSupport.bool(config, KEEP_ERRORS, false);
    Duration keepSlowerThan = ConfigSupport.duration(config, KEEP_SLOWER_THAN);
    return new ReqlensSettings(ratio, rules == null ? "" : rules, routes, keepErrors, keepSlowerThan);
  }

  public double ratio() {
    return ratio;
  }

  public String rules() {
    return rules;
  }

  public RouteList excludedRoutes() {
    return excludedRoutes;
  }

  public boolean keepErrors() {
    return keepErrors;
  }

  /** The slowness threshold, or {@code null} when off. */
  public Duration keepSlowerThan() {
    return keepSlowerThan;
  }

  /** Whether a tail decision (keep errors or slow requests) is wanted. */
  public boolean tailDecisions() {
    return keepErrors || keepSlowerThan != null;
  }
}
