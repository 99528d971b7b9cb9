package io.reqlens.sampler.internal;

import static io.reqlens.core.config.ConfigSupport.invalid;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.config.ConfigSupport;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.sampler.ReqlensSampler;
import io.reqlens.sampler.localtrace.LocalTraceProcessor;
import io.reqlens.sampler.localtrace.LocalTraceProcessorBuilder;
import java.time.Duration;

/**
 * The validated sampling keys of DESIGN.md, read once from {@link ConfigProperties}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensSettings {

  public static final String SAMPLER = "otel.traces.sampler";
  public static final String SAMPLER_ARG = "otel.traces.sampler.arg";
  public static final String RULES = "otel.reqlens.sampler.rules";
  public static final String EXCLUDE_ROUTES = "otel.reqlens.exclude.routes";
  public static final String KEEP_ERRORS = "otel.reqlens.keep.errors";
  public static final String KEEP_SLOWER_THAN = "otel.reqlens.keep.slower.than";
  public static final String N_PLUS_ONE_THRESHOLD = "otel.reqlens.n.plus.one.threshold";
  public static final String REDACT_QUERY_PARAMS = "otel.reqlens.redact.query.params";
  public static final String MAX_BUFFERED_TRACES = "otel.reqlens.max.buffered.traces";
  public static final String MAX_BUFFERED_SPANS = "otel.reqlens.max.buffered.spans";

  private final double ratio;
  private final String rules;
  private final RouteList excludedRoutes;
  private final boolean keepErrors;
  private final Duration keepSlowerThan;
  private final int nPlusOneThreshold;
  private final String redactQueryParams;
  private final int maxBufferedTraces;
  private final int maxBufferedSpans;

  private ReqlensSettings(
      double ratio,
      String rules,
      RouteList excludedRoutes,
      boolean keepErrors,
      Duration keepSlowerThan,
      int nPlusOneThreshold,
      String redactQueryParams,
      int maxBufferedTraces,
      int maxBufferedSpans) {
    this.ratio = ratio;
    this.rules = rules;
    this.excludedRoutes = excludedRoutes;
    this.keepErrors = keepErrors;
    this.keepSlowerThan = keepSlowerThan;
    this.nPlusOneThreshold = nPlusOneThreshold;
    this.redactQueryParams = redactQueryParams;
    this.maxBufferedTraces = maxBufferedTraces;
    this.maxBufferedSpans = maxBufferedSpans;
  }

  /**
   * Reads and validates every key, {@code otel.traces.sampler.arg} as the Reqlens ratio: for the
   * {@code reqlens} sampler.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings from(ConfigProperties config) {
    return read(config, true);
  }

  /**
   * Reads and validates the keys of the local-trace processor, which runs whatever the sampler.
   *
   * <p>Why not the sampler argument too? It belongs to the sampler {@code otel.traces.sampler}
   * names: {@code jaeger_remote} takes {@code endpoint=…,pollingIntervalMs=…}, and Reqlens must not
   * stop start-up over another sampler's argument. It is read as a ratio only when the sampler is
   * {@code reqlens}; every {@code otel.reqlens.*} key stays strict.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException for the first bad value
   */
  public static ReqlensSettings forProcessor(ConfigProperties config) {
    return read(config, isReqlensSampler(config));
  }

  /** Whether {@code otel.traces.sampler} selects the Reqlens sampler. */
  static boolean isReqlensSampler(ConfigProperties config) {
    return ReqlensSamplerProvider.NAME.equals(ConfigSupport.string(config, SAMPLER));
  }

  private static ReqlensSettings read(ConfigProperties config, boolean samplerArgIsRatio) {
    double ratio = samplerArgIsRatio ? ConfigSupport.ratio(config, SAMPLER_ARG, 1.0) : 1.0;
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
    int nPlusOne =
        ConfigSupport.positiveInt(
            config, N_PLUS_ONE_THRESHOLD, LocalTraceProcessorBuilder.DEFAULT_N_PLUS_ONE_THRESHOLD);
    String redact = ConfigSupport.string(config, REDACT_QUERY_PARAMS);
    if (redact != null) {
      try {
        LocalTraceProcessor.builder(SpanProcessor.composite()).setRedactedQueryParams(redact);
      } catch (IllegalArgumentException e) {
        throw invalid(REDACT_QUERY_PARAMS, redact, e.getMessage());
      }
    }
    int maxTraces =
        ConfigSupport.positiveInt(
            config, MAX_BUFFERED_TRACES, LocalTraceProcessorBuilder.DEFAULT_MAX_BUFFERED_TRACES);
    int maxSpans =
        ConfigSupport.positiveInt(
            config, MAX_BUFFERED_SPANS, LocalTraceProcessorBuilder.DEFAULT_MAX_BUFFERED_SPANS);
    return new ReqlensSettings(
        ratio,
        rules == null ? "" : rules,
        routes,
        keepErrors,
        keepSlowerThan,
        nPlusOne,
        redact,
        maxTraces,
        maxSpans);
  }

  /** Builds the local-trace processor these settings describe, in front of {@code downstream}. */
  public LocalTraceProcessor processor(SpanProcessor downstream) {
    LocalTraceProcessorBuilder builder =
        LocalTraceProcessor.builder(downstream)
            .setExcludedRoutes(excludedRoutes)
            .setKeepErrors(keepErrors)
            .setNPlusOneThreshold(nPlusOneThreshold)
            .setMaxBufferedTraces(maxBufferedTraces)
            .setMaxBufferedSpans(maxBufferedSpans);
    if (keepSlowerThan != null) {
      builder.setKeepSlowerThan(keepSlowerThan);
    }
    if (redactQueryParams != null) {
      builder.setRedactedQueryParams(redactQueryParams);
    }
    return builder.build();
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
