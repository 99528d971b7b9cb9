package io.reqlens.sampler;

import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.pattern.RouteList;
import java.util.List;
import java.util.Objects;

/** Builds a {@link ReqlensSampler}; every setter validates and throws on bad input. */
public final class ReqlensSamplerBuilder {

  /** The ratio for roots no rule matches: {@value}. */
  public static final double DEFAULT_RATIO = 1.0;

  private double ratio = DEFAULT_RATIO;
  private String rules = "";
  private RouteList excludedRoutes = RouteList.empty();
  private boolean recordUnsampled;
  private Clock clock = Clock.getDefault();

  ReqlensSamplerBuilder() {}

  /**
   * Sets the probability for roots no rule matches.
   *
   * @throws IllegalArgumentException unless {@code ratio} is in [0, 1]
   */
  public ReqlensSamplerBuilder setRatio(double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException("ratio must be in [0,1], got " + ratio);
    }
    this.ratio = ratio;
    return this;
  }

  /**
   * Sets the rules, in the {@code OTEL_REQLENS_SAMPLER_RULES} syntax.
   *
   * @throws IllegalArgumentException naming the bad rule and what is accepted
   */
  public ReqlensSamplerBuilder setRules(String rules) {
    RuleParser.parse(rules, clock); // validate now, not at build()
    this.rules = rules == null ? "" : rules;
    return this;
  }

  /** Sets the routes whose SERVER spans are dropped with all their children. */
  public ReqlensSamplerBuilder setExcludedRoutes(RouteList excludedRoutes) {
    this.excludedRoutes = Objects.requireNonNull(excludedRoutes, "excludedRoutes");
    return this;
  }

  /**
   * Records roots the ratio did not choose ({@code RECORD_ONLY}) so the local-trace processor can
   * keep them for an error or slowness. Off by default.
   */
  public ReqlensSamplerBuilder setRecordUnsampled(boolean recordUnsampled) {
    this.recordUnsampled = recordUnsampled;
    return this;
  }

  /** Sets the clock behind {@code rate=N/s} rules; tests drive it instead of sleeping. */
  public ReqlensSamplerBuilder setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public ReqlensSampler build() {
    List<Rule> parsed = RuleParser.parse(rules, clock);
    return new ReqlensSampler(ratio, parsed, excludedRoutes, recordUnsampled);
  }
}
