package io.reqlens.sampler;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.sampler.LocalTrace.Decision;
import java.util.Arrays;

/**
 * Hands the spans of a decided local trace to the exporting processors: the root gets the query
 * profile and {@code reqlens.kept_by} stamped, every span gets sensitive query values redacted,
 * and spans recorded for a tail decision are presented as sampled. A span that needs none of that
 * goes downstream as it is, without a wrapper.
 */
final class Forwarder {

  static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

  private final SpanProcessor downstream;
  private final QueryRedactor redactor;
  private final int nPlusOneThreshold;

  Forwarder(SpanProcessor downstream, QueryRedactor redactor, int nPlusOneThreshold) {
    this.downstream = downstream;
    this.redactor = redactor;
    this.nPlusOneThreshold = nPlusOneThreshold;
  }

  /** A local trace decided when its root ended: the root carries the profile. */
  void forwardAll(ReadableSpan[] spans, LocalTrace trace, Decision decision) {
    boolean markSampled = !trace.root.getSpanContext().isSampled();
    for (ReadableSpan s : spans) {
      if (trace.isRoot(s)) {
        AttributesBuilder stamp = Attributes.builder();
        RequestProfile.stamp(Arrays.asList(spans), nPlusOneThreshold, stamp);
        stamp.put(Rule.KEPT_BY, decision.reason);
        stamp.putAll(redactions(s));
        downstream.onEnd(new KeptSpan(s, stamp.build(), markSampled));
      } else {
        forward(s, decision, markSampled);
      }
    }
  }

  /** A local trace decided early (overflow, shutdown): its root has not ended, no profile. */
  void forwardEarly(ReadableSpan[] spans, LocalTrace trace, Decision decision) {
    boolean markSampled = !trace.root.getSpanContext().isSampled();
    for (ReadableSpan s : spans) {
      forward(s, decision, markSampled);
    }
  }

  /**
   * Passes one span downstream if it is sampled or its trace was kept ({@code decision} is null
   * for a span whose local trace is unknown), wrapping it only when it must change.
   */
  void forward(ReadableSpan span, Decision decision, boolean markSampled) {
    boolean sampled = span.getSpanContext().isSampled();
    if (!sampled && (decision == null || !decision.keep)) {
      return;
    }
    Attributes redacted = redactions(span);
    if (redacted.isEmpty() && sampled) {
      downstream.onEnd(span);
    } else {
      downstream.onEnd(new KeptSpan(span, redacted, markSampled || !sampled));
    }
  }

  /** The redacted {@code url.query}/{@code url.full} values; empty when nothing changes. */
  private Attributes redactions(ReadableSpan span) {
    if (redactor.isOff()) {
      return Attributes.empty();
    }
    AttributesBuilder out = null;
    String query = span.getAttribute(URL_QUERY);
    String redactedQuery = redactor.redactQuery(query);
    if (redactedQuery != query) {
      out = Attributes.builder().put(URL_QUERY, redactedQuery);
    }
    String full = span.getAttribute(URL_FULL);
    String redactedFull = redactor.redactUrl(full);
    if (redactedFull != full) {
      out = (out == null ? Attributes.builder() : out).put(URL_FULL, redactedFull);
    }
    return out == null ? Attributes.empty() : out.build();
  }
}
