package io.reqlens.sampler.localtrace;

import static io.reqlens.core.semconv.ReqlensAttributes.KEPT_BY;
import static io.reqlens.core.semconv.ReqlensAttributes.N_PLUS_ONE_CALLER;
import static io.reqlens.core.semconv.ReqlensAttributes.PROFILE_SAMPLES;
import static io.reqlens.core.semconv.ReqlensAttributes.PROFILE_TOP;
import static io.reqlens.core.semconv.SemConv.URL_FULL;
import static io.reqlens.core.semconv.SemConv.URL_QUERY;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.profiler.HotFrame;
import io.reqlens.profiler.Profile;
import io.reqlens.sampler.localtrace.LocalTrace.Decision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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
    this.redactOnly = new Stamp(this, null, null, null, null);
  }

  /**
   * A local trace decided when its root ended: the root carries the query profile and, when the
   * request was stack-sampled, {@code profile}; database spans of an N+1 statement carry its
   * caller.
   */
  void forwardAll(ReadableSpan[] spans, LocalTrace trace, Decision decision, Profile profile) {
    boolean markSampled = !trace.root.getSpanContext().isSampled();
    // Frozen since the decision (see CodeProfiling): safe to read from the export thread.
    Map<String, String> callers = trace.callers;
    Stamp withCaller = callers == null ? null : new Stamp(this, null, null, null, callers);
    for (ReadableSpan s : spans) {
      if (trace.isRoot(s)) {
        downstream.onEnd(
            new KeptSpan(
                s,
                markSampled,
                decision.certain,
                new Stamp(this, spans, decision.reason, profile, callers)));
      } else if (withCaller != null && RequestProfile.isDatabaseSpan(s)) {
        boolean sampled = s.getSpanContext().isSampled();
        downstream.onEnd(new KeptSpan(s, markSampled || !sampled, decision.certain, withCaller));
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

  /**
   * What a {@link KeptSpan} adds: the root's query and code profiles and reason, an N+1 caller on
   * the database spans of its statement, and redactions for all.
   */
  static final class Stamp {
    /** Frames in {@code reqlens.profile.top}. */
    static final int TOP_FRAMES = 3;

    private final Forwarder forwarder;
    private final ReadableSpan[] localTrace; // the root's local trace; null for other spans
    private final String keptBy;
    private final Profile profile; // the root's, when its request was stack-sampled
    private final Map<String, String> callers; // statement -> caller; null without N+1 caller

    Stamp(
        Forwarder forwarder,
        ReadableSpan[] localTrace,
        String keptBy,
        Profile profile,
        Map<String, String> callers) {
      this.forwarder = forwarder;
      this.localTrace = localTrace;
      this.keptBy = keptBy;
      this.profile = profile;
      this.callers = callers;
    }

    /** The request's code profile for the {@code req} exporter; null when not sampled. */
    FoldedProfile foldedProfile() {
      return profile == null
          ? null
          : FoldedProfile.of(profile.samples(), profile.intervalNanos(), profile.stacks());
    }

    boolean hasProfile() {
      return profile != null;
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
        RequestProfile.stamp(Arrays.asList(localTrace), forwarder.nPlusOneThreshold, callers, out);
        if (!keptBy.equals(span.getAttribute(KEPT_BY))) {
          // Why check? A head-sampled root already carries the sampler's reason; restating it
          // would shadow the span's own value and make the exported view filter every attribute.
          out.put(KEPT_BY, keptBy);
        }
        if (profile != null) {
          out.put(PROFILE_SAMPLES, profile.samples()).put(PROFILE_TOP, top(profile));
        }
      } else if (callers != null) {
        String caller = callers.get(RequestProfile.statement(span));
        if (caller != null) {
          out = Attributes.builder().put(N_PLUS_ONE_CALLER, caller);
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

    private static List<String> top(Profile profile) {
      List<HotFrame> frames = profile.topSelfFrames(TOP_FRAMES);
      List<String> top = new ArrayList<>(frames.size());
      for (HotFrame f : frames) {
        top.add(f.toString()); // "com.acme.Api.compute 62%"
      }
      return top;
    }
  }
}
