package io.reqlens.sampler;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.SemConv.HTTP_ROUTE;
import static io.reqlens.core.semconv.SemConv.URL_PATH;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.pattern.RouteList;
import java.util.List;

/**
 * The {@code reqlens} head sampler: ratio plus rules, consistent probability, route exclusion.
 *
 * <p>Decision order for a span:
 *
 * <ol>
 *   <li>A SERVER span whose {@code url.path} (or {@code http.route}, when already set) matches an
 *       excluded route is dropped, whatever its parent said; its children follow it out.
 *   <li>A span with a valid parent follows the parent's sampled flag, except that a SERVER span
 *       whose first matching rule is {@code drop} is dropped.
 *   <li>A root takes the action of the first matching rule, else the default ratio. Ratios use
 *       consistent probability sampling (OTEP 235) and write {@code ot=th:…} into tracestate;
 *       {@code rate=N/s} is consistent too, with a probability that follows the rule's arrival rate
 *       so that about N roots a second are kept ({@link ConsistentRate}), and writes the threshold
 *       it used.
 * </ol>
 *
 * <p>When tail decisions are on ({@link ReqlensSamplerBuilder#setRecordUnsampled}), a root the
 * ratio or rate did not choose is recorded but not sampled ({@code RECORD_ONLY}), and so are its
 * local children, so the local-trace processor can still keep it for an error or slowness. Drops by
 * rule or exclusion are never recorded.
 *
 * <p>Kept local roots carry {@code reqlens.kept_by} ({@code ratio}, {@code rule} or {@code parent})
 * and, for rules, {@code reqlens.rule} (the 1-based rule number).
 */
public final class ReqlensSampler implements Sampler {

  private static final SamplingResult DROP = SamplingResult.drop();
  private static final SamplingResult RECORD_ONLY = SamplingResult.recordOnly();
  private static final SamplingResult FOLLOW_LOCAL_PARENT = SamplingResult.recordAndSample();
  private static final SamplingResult FOLLOW_REMOTE_PARENT =
      SamplingResult.create(SamplingDecision.RECORD_AND_SAMPLE, Attributes.of(KEPT_BY, "parent"));

  private final Rule defaultRule;
  private final RuleSet rules;
  private final RouteList excludedRoutes;
  private final boolean recordUnsampled;
  private final SamplingResult notChosen;
  private final String description;

  ReqlensSampler(
      double defaultRatio, List<Rule> rules, RouteList excludedRoutes, boolean recordUnsampled) {
    this.defaultRule = Rule.defaultRatio(defaultRatio);
    this.rules = new RuleSet(rules);
    this.excludedRoutes = excludedRoutes;
    this.recordUnsampled = recordUnsampled;
    this.notChosen = recordUnsampled ? RECORD_ONLY : DROP;
    this.description =
        "ReqlensSampler{ratio="
            + defaultRatio
            + ", rules="
            + this.rules
            + ", excludeRoutes="
            + excludedRoutes
            + ", recordUnsampled="
            + recordUnsampled
            + "}";
  }

  /** Returns a builder with the defaults: ratio 1.0, no rules, no exclusions. */
  public static ReqlensSamplerBuilder builder() {
    return new ReqlensSamplerBuilder();
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    boolean server = spanKind == SpanKind.SERVER;
    if (server && isExcluded(attributes)) {
      return DROP;
    }
    Span parentSpan = Span.fromContext(parentContext);
    SpanContext parent = parentSpan.getSpanContext();
    if (parent.isValid()) {
      if (server && rules.hasDropRules()) {
        Rule rule = rules.firstMatch(name, spanKind, attributes);
        if (rule != null && rule.isDrop()) {
          return DROP;
        }
      }
      if (parent.isSampled()) {
        return parent.isRemote() ? FOLLOW_REMOTE_PARENT : FOLLOW_LOCAL_PARENT;
      }
      // A local parent recorded for a tail decision takes its children along.
      return recordUnsampled && !parent.isRemote() && parentSpan.isRecording() ? RECORD_ONLY : DROP;
    }
    Rule rule = rules.firstMatch(name, spanKind, attributes);
    if (rule == null) {
      rule = defaultRule;
    } else if (rule.isDrop()) {
      return DROP;
    }
    SamplingResult kept = rule.decideRoot(traceId);
    return kept != null ? kept : notChosen;
  }

  private boolean isExcluded(Attributes attributes) {
    if (excludedRoutes.isEmpty()) {
      return false;
    }
    return excludedRoutes.matches(attributes.get(URL_PATH))
        || excludedRoutes.matches(attributes.get(HTTP_ROUTE));
  }

  /** The excluded routes this sampler drops at span start. */
  public RouteList excludedRoutes() {
    return excludedRoutes;
  }

  /** Whether roots the ratio did not choose are recorded for a tail decision. */
  public boolean recordsUnsampled() {
    return recordUnsampled;
  }

  /** Prints the full effective configuration. */
  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
