package io.reqlens.sampler;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.reqlens.core.pattern.RoutePattern;

/**
 * One {@code key=pattern} or {@code key!=pattern} condition of a rule.
 *
 * <p>Why one final class with a target switch rather than a class per target? The sampler calls
 * matchers in a tight loop; a single receiver type keeps the call site monomorphic so the JIT
 * inlines it.
 */
final class Matcher {

  static final String SPAN_KIND = "span.kind";
  static final String SPAN_NAME = "span.name";

  enum Target {
    SPAN_KIND,
    SPAN_NAME,
    ATTRIBUTE
  }

  final Target target;
  final String key;
  final boolean negated;
  private final RoutePattern pattern; // SPAN_NAME and ATTRIBUTE
  private final SpanKind kind; // SPAN_KIND
  // An attribute may have been set with any type; rules compare its string form.
  private final AttributeKey<String> stringKey;
  private final AttributeKey<Long> longKey;
  private final AttributeKey<Boolean> booleanKey;
  private final AttributeKey<Double> doubleKey;

  /**
   * Index of this attribute's value in the sampler's per-decision cache, or -1 when it is not
   * cached; see {@link RuleSet}.
   */
  int slot = -1;

  private Matcher(Target target, String key, boolean negated, RoutePattern pattern, SpanKind kind) {
    this.target = target;
    this.key = key;
    this.negated = negated;
    this.pattern = pattern;
    this.kind = kind;
    boolean attribute = target == Target.ATTRIBUTE;
    this.stringKey = attribute ? AttributeKey.stringKey(key) : null;
    this.longKey = attribute ? AttributeKey.longKey(key) : null;
    this.booleanKey = attribute ? AttributeKey.booleanKey(key) : null;
    this.doubleKey = attribute ? AttributeKey.doubleKey(key) : null;
  }

  static Matcher spanKind(SpanKind kind, boolean negated) {
    return new Matcher(Target.SPAN_KIND, SPAN_KIND, negated, null, kind);
  }

  static Matcher spanName(RoutePattern pattern, boolean negated) {
    return new Matcher(Target.SPAN_NAME, SPAN_NAME, negated, pattern, null);
  }

  static Matcher attribute(String key, RoutePattern pattern, boolean negated) {
    return new Matcher(Target.ATTRIBUTE, key, negated, pattern, null);
  }

  /**
   * Literal text the attribute must start with for this matcher to hold, or {@code ""} when there
   * is no such condition ({@code !=}, span kind or name, {@code ~REGEX}).
   */
  String requiredPrefix() {
    return target == Target.ATTRIBUTE && !negated ? pattern.requiredPrefix() : "";
  }

  /** Reads this matcher's attribute as a string; {@code null} when absent. */
  String read(Attributes attributes) {
    String s = attributes.get(stringKey);
    if (s != null) {
      return s;
    }
    Long l = attributes.get(longKey);
    if (l != null) {
      return Long.toString(l);
    }
    Boolean b = attributes.get(booleanKey);
    if (b != null) {
      return b.toString();
    }
    Double d = attributes.get(doubleKey);
    return d == null ? null : d.toString();
  }

  /** Tests a span kind or name. An absent attribute never equals, so {@code !=} holds for it. */
  boolean test(SpanKind spanKind, String spanName) {
    if (target == Target.SPAN_KIND) {
      return (spanKind == kind) != negated;
    }
    return pattern.matches(spanName) != negated;
  }

  /** Tests an attribute value already read (possibly {@code null}). */
  boolean testValue(String value) {
    return (value != null && pattern.matches(value)) != negated;
  }

  @Override
  public String toString() {
    return key + (negated ? "!=" : "=") + (target == Target.SPAN_KIND ? kind.name() : pattern);
  }
}
