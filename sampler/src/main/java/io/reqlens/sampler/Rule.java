package io.reqlens.sampler;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.ReqlensAttributes.RULE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.sampling.ConsistentProbability;
import java.util.List;

/**
 * One {@code MATCHERS => ACTION} rule, or the default ratio (number 0, no matchers).
 *
 * <p>Everything a decision returns is built here once: a kept root gets a precomputed {@link
 * SamplingResult} whose attributes and root {@code tracestate} are constants, so deciding never
 * allocates for roots.
 */
final class Rule {

  enum Action {
    DROP,
    RATIO,
    RATE
  }

  final int number;
  final String text;
  final Matcher[] matchers; // empty: matches everything ("*" or the default)
  final Action action;
  final double ratio; // RATIO only
  final long threshold; // RATIO only
  final RateLimiter limiter; // RATE only
  private final SamplingResult keep;

  private Rule(
      int number,
      String text,
      List<Matcher> matchers,
      Action action,
      double ratio,
      RateLimiter limiter) {
    this.number = number;
    this.text = text;
    this.matchers = matchers.toArray(new Matcher[0]);
    this.action = action;
    this.ratio = ratio;
    this.threshold = action == Action.RATIO ? ConsistentProbability.threshold(ratio) : -1;
    this.limiter = limiter;
    Attributes attributes =
        number == 0
            ? Attributes.of(KEPT_BY, "ratio")
            : Attributes.of(KEPT_BY, "rule", RULE, (long) number);
    this.keep =
        new KeepResult(
            attributes,
            // Ratio 0 never keeps, so it has no threshold to write.
            action == Action.RATIO && ratio > 0
                ? ConsistentProbability.encodeThreshold(threshold)
                : null);
  }

  static Rule drop(int number, String text, List<Matcher> matchers) {
    return new Rule(number, text, matchers, Action.DROP, 0, null);
  }

  static Rule ratio(int number, String text, List<Matcher> matchers, double ratio) {
    return new Rule(number, text, matchers, Action.RATIO, ratio, null);
  }

  static Rule rate(int number, String text, List<Matcher> matchers, RateLimiter limiter) {
    return new Rule(number, text, matchers, Action.RATE, 0, limiter);
  }

  /** The default for roots no rule matches. */
  static Rule defaultRatio(double ratio) {
    return new Rule(0, "* => " + ratio, List.of(), Action.RATIO, ratio, null);
  }

  /**
   * Decides for a root span; returns {@code null} when this rule did not choose the trace (the
   * caller then drops it or records it for a tail decision).
   */
  SamplingResult decideRoot(String traceId) {
    switch (action) {
      case RATIO:
        return ConsistentProbability.randomness(traceId) >= threshold ? keep : null;
      case RATE:
        return limiter.tryAcquire() ? keep : null;
      default:
        return null;
    }
  }

  boolean isDrop() {
    return action == Action.DROP;
  }

  /** Evaluates the matchers that need no attribute cache (used by tests and slow paths). */
  boolean matches(String name, SpanKind kind, Attributes attributes) {
    for (Matcher m : matchers) {
      boolean ok =
          m.target == Matcher.Target.ATTRIBUTE
              ? m.testValue(m.read(attributes))
              : m.test(kind, name);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return number == 0 ? text : number + ": " + text;
  }

  /**
   * A kept decision. For roots the updated tracestate is a constant; with a parent (only reached
   * when tests pass a parent state) it is merged.
   */
  private static final class KeepResult implements SamplingResult {
    private final Attributes attributes;
    private final String encodedThreshold; // null: not probabilistic, th is removed
    private final TraceState rootState;

    KeepResult(Attributes attributes, String encodedThreshold) {
      this.attributes = attributes;
      this.encodedThreshold = encodedThreshold;
      this.rootState =
          encodedThreshold == null
              ? TraceState.getDefault()
              : ConsistentProbability.withThreshold(TraceState.getDefault(), encodedThreshold);
    }

    @Override
    public SamplingDecision getDecision() {
      return SamplingDecision.RECORD_AND_SAMPLE;
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public TraceState getUpdatedTraceState(TraceState parentTraceState) {
      if (parentTraceState.isEmpty()) {
        return rootState;
      }
      return encodedThreshold == null
          ? ConsistentProbability.withoutThreshold(parentTraceState)
          : ConsistentProbability.withThreshold(parentTraceState, encodedThreshold);
    }

    @Override
    public String toString() {
      return "RECORD_AND_SAMPLE"
          + attributes
          + (encodedThreshold == null ? "" : " th:" + encodedThreshold);
    }
  }
}
