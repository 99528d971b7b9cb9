package io.reqlens.sampler;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.ReqlensAttributes.RULE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.sampling.ConsistentProbability;
import java.util.List;

/**
 * One {@code MATCHERS => ACTION} rule, or the default ratio (number 0, no matchers).
 *
 * <p>Everything a decision returns is built here once: a kept root gets a precomputed {@link
 * KeepResult} whose attributes and root {@code tracestate} are constants, so deciding never
 * allocates for roots ({@code rate=} rules rebuild theirs when their threshold moves, at most ten
 * times a second: see {@link ConsistentRate}).
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
  final ConsistentRate rate; // RATE only
  private final SamplingResult keep;

  private Rule(
      int number,
      String text,
      List<Matcher> matchers,
      Action action,
      double ratio,
      double perSecond,
      Clock clock) {
    this.number = number;
    this.text = text;
    this.matchers = matchers.toArray(new Matcher[0]);
    this.action = action;
    this.ratio = ratio;
    this.threshold = action == Action.RATIO ? ConsistentProbability.threshold(ratio) : -1;
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
    this.rate = action == Action.RATE ? new ConsistentRate(perSecond, attributes, clock) : null;
  }

  static Rule drop(int number, String text, List<Matcher> matchers) {
    return new Rule(number, text, matchers, Action.DROP, 0, 0, null);
  }

  static Rule ratio(int number, String text, List<Matcher> matchers, double ratio) {
    return new Rule(number, text, matchers, Action.RATIO, ratio, 0, null);
  }

  static Rule rate(int number, String text, List<Matcher> matchers, double perSecond, Clock clock) {
    return new Rule(number, text, matchers, Action.RATE, 0, perSecond, clock);
  }

  /** The default for roots no rule matches. */
  static Rule defaultRatio(double ratio) {
    return new Rule(0, "* => " + ratio, List.of(), Action.RATIO, ratio, 0, null);
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
        return rate.decide(traceId);
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
}
