package io.reqlens.sampler.localtrace;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.SemConv.URL_FULL;
import static io.reqlens.core.semconv.SemConv.URL_QUERY;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.sampler.localtrace.LocalTrace.Decision;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Hands the spans of a decided local trace to the exporting processors. The root gets the query
 * profile and {@code reqlens.kept_by} stamped, every span gets sensitive query values redacted,
 * spans recorded for a tail decision are presented as sampled, and every span of a tail-kept trace
 * carries {@code th:0} (probability 1) — all through a {@link KeptSpan} that computes them when the
 * exporter reads it, not on the request thread. Captured header values that hold credentials
 * ({@code authorization}, {@code cookie}, …) are replaced on every span, so every span is wrapped.
 */
final class Forwarder {

  private final SpanProcessor downstream;
  private final QueryRedactor redactor;
  private final int nPlusOneThreshold;
  private final Stamp redactOnly;

  Forwarder(SpanProcessor downstream, QueryRedactor redactor, int nPlusOneThreshold) {
    this.downstream = downstream;
    this.redactor = redactor;
    this.nPlusOneThreshold = nPlusOneThreshold;
    this.redactOnly = new Stamp(this, null, null);
  }

  /** A local trace decided when its root ended: the root carries the profile. */
  void forwardAll(ReadableSpan[] spans, LocalTrace trace, Decision decision) {
    boolean markSampled = !trace.root.getSpanContext().isSampled();
    for (ReadableSpan s : spans) {
      if (trace.isRoot(s)) {
        downstream.onEnd(
            new KeptSpan(
                s, markSampled, decision.certain, new Stamp(this, spans, decision.reason)));
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
   * Passes one span downstream if it is sampled or its trace was kept ({@code decision} is null for
   * a span whose local trace is unknown). A span of a tail-kept trace gets {@code th:0}.
   */
  void forward(ReadableSpan span, Decision decision, boolean markSampled) {
    boolean sampled = span.getSpanContext().isSampled();
    if (!sampled && (decision == null || !decision.keep)) {
      return;
    }
    boolean certain = decision != null && decision.keep && decision.certain;
    // Always wrapped: captured header values are redacted whatever the query setting.
    downstream.onEnd(new KeptSpan(span, markSampled || !sampled, certain, redactOnly));
  }

  /** What a {@link KeptSpan} adds: the root's profile and reason, and redactions for all. */
  static final class Stamp {
    private final Forwarder forwarder;
    private final ReadableSpan[] localTrace; // the root's local trace; null for other spans
    private final String keptBy;

    Stamp(Forwarder forwarder, ReadableSpan[] localTrace, String keptBy) {
      this.forwarder = forwarder;
      this.localTrace = localTrace;
      this.keptBy = keptBy;
    }

    /**
     * {@code attributes} with sensitive captured header values replaced (same instance if none).
     */
    Attributes redactHeaders(Attributes attributes) {
      QueryRedactor redactor = forwarder.redactor;
      AttributesBuilder[] out = {null};
      attributes.forEach(
          (k, v) -> {
            if (redactor.isSensitiveHeader(k.getKey())) {
              if (out[0] == null) {
                out[0] = attributes.toBuilder();
              }
              putRedacted(out[0], k, v);
            }
          });
      return out[0] == null ? attributes : out[0].build();
    }

    /** The value of a sensitive header attribute, redacted; null when {@code key} is not one. */
    @SuppressWarnings("unchecked")
    <T> T redactedHeader(AttributeKey<T> key, T value) {
      if (value == null || !forwarder.redactor.isSensitiveHeader(key.getKey())) {
        return null;
      }
      AttributesBuilder b = Attributes.builder();
      putRedacted(b, key, value);
      return b.build().get(key);
    }

    @SuppressWarnings("unchecked")
    private static void putRedacted(AttributesBuilder b, AttributeKey<?> key, Object value) {
      if (value instanceof List) {
        int n = ((List<?>) value).size();
        b.put(
            AttributeKey.stringArrayKey(key.getKey()),
            Collections.nCopies(Math.max(1, n), QueryRedactor.REDACTED));
      } else {
        b.put(AttributeKey.stringKey(key.getKey()), QueryRedactor.REDACTED);
      }
    }

    Attributes attributesFor(ReadableSpan span) {
      AttributesBuilder out = null;
      if (localTrace != null) {
        out = Attributes.builder();
        RequestProfile.stamp(Arrays.asList(localTrace), forwarder.nPlusOneThreshold, out);
        if (!keptBy.equals(span.getAttribute(KEPT_BY))) {
          // Why check? A head-sampled root already carries the sampler's reason; restating it
          // would shadow the span's own value and make the exported view filter every attribute.
          out.put(KEPT_BY, keptBy);
        }
      }
      QueryRedactor redactor = forwarder.redactor;
      if (!redactor.isOff()) {
        String query = span.getAttribute(URL_QUERY);
        String redactedQuery = redactor.redactQuery(query);
        if (redactedQuery != query) {
          out = (out == null ? Attributes.builder() : out).put(URL_QUERY, redactedQuery);
        }
        String full = span.getAttribute(URL_FULL);
        String redactedFull = redactor.redactUrl(full);
        if (redactedFull != full) {
          out = (out == null ? Attributes.builder() : out).put(URL_FULL, redactedFull);
        }
      }
      return out == null ? Attributes.empty() : out.build();
    }
  }
}
