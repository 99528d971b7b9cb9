package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reqlens.core.profile.FoldedProfile;
import io.reqlens.core.profile.ProfiledSpanData;
import io.reqlens.core.sampling.ConsistentProbability;

/**
 * An ended span as the exporters see it after the local-trace decision: attributes stamped or
 * redacted by Reqlens override the span's own, a span recorded for a tail decision (not sampled at
 * the head) is presented as sampled so the {@code BatchSpanProcessor}, which exports only sampled
 * spans, passes it on, and a span of a local trace kept with probability 1 (a tail keep, even when
 * the ratio chose it too) carries {@code ot=th:0} in place of the head's threshold, so {@code
 * sample_rate} and any backend re-weighting by {@code th} count it once.
 *
 * <p>Why lazy? Reading a live span's attribute takes the span's lock, and the query profile and the
 * redaction check read several per span. Computing them when the exporter first looks — on the
 * {@code BatchSpanProcessor}'s thread — keeps that work off the application's request thread, which
 * then only decides and wraps. The result is computed once and is the same on every thread.
 */
final class KeptSpan implements ReadableSpan {

  private final ReadableSpan delegate;
  private final boolean markSampled;
  private final boolean certain;
  private final Forwarder.Stamp stamp;
  private volatile Attributes overrides; // null until first needed
  private volatile SpanContext context; // null until first needed
  private volatile SpanContext parentContext; // null until first needed

  KeptSpan(ReadableSpan delegate, boolean markSampled, boolean certain, Forwarder.Stamp stamp) {
    this.delegate = delegate;
    this.markSampled = markSampled;
    this.certain = certain;
    this.stamp = stamp;
  }

  /** The attributes Reqlens adds or replaces; computed on first use. */
  Attributes overrides() {
    Attributes o = overrides;
    if (o == null) {
      o = stamp.attributesFor(delegate); // idempotent: a race computes the same value twice
      overrides = o;
    }
    return o;
  }

  /** {@code c} presented as sampled and, when {@code certain}, with {@code th:0}. */
  private static SpanContext rewrite(SpanContext c, boolean markSampled, boolean certain) {
    if (!c.isValid() || ((!markSampled || c.isSampled()) && !certain)) {
      return c;
    }
    TraceFlags flags = markSampled ? TraceFlags.getSampled() : c.getTraceFlags();
    TraceState state =
        certain ? ConsistentProbability.withThreshold(c.getTraceState(), "0") : c.getTraceState();
    return c.isRemote()
        ? SpanContext.createFromRemoteParent(c.getTraceId(), c.getSpanId(), flags, state)
        : SpanContext.create(c.getTraceId(), c.getSpanId(), flags, state);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext c = context;
    if (c == null) {
      c = rewrite(delegate.getSpanContext(), markSampled, certain); // idempotent, as overrides
      context = c;
    }
    return c;
  }

  @Override
  public SpanContext getParentSpanContext() {
    SpanContext c = parentContext;
    if (c == null) {
      c = delegate.getParentSpanContext();
      // A local parent belongs to the same local trace and decision; a remote one keeps its own.
      c = c.isRemote() ? c : rewrite(c, markSampled, certain);
      parentContext = c;
    }
    return c;
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public SpanData toSpanData() {
    SpanData data = delegate.toSpanData();
    Attributes o = overrides();
    Attributes own = stamp.redactHeaders(data.getAttributes());
    return o.isEmpty()
            && !markSampled
            && !certain
            && own == data.getAttributes()
            && !stamp.hasProfile()
        ? data
        : new Data(data, own, o);
  }

  @Override
  @Deprecated
  public InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
    return delegate.getInstrumentationLibraryInfo();
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return delegate.getInstrumentationScopeInfo();
  }

  @Override
  public boolean hasEnded() {
    return delegate.hasEnded();
  }

  @Override
  public long getLatencyNanos() {
    return delegate.getLatencyNanos();
  }

  @Override
  public SpanKind getKind() {
    return delegate.getKind();
  }

  @Override
  public <T> T getAttribute(AttributeKey<T> key) {
    T value = overrides().get(key);
    if (value != null) {
      return value;
    }
    T own = delegate.getAttribute(key);
    T redacted = stamp.redactedHeader(key, own);
    return redacted != null ? redacted : own;
  }

  @Override
  public Attributes getAttributes() {
    return MergedAttributes.of(stamp.redactHeaders(delegate.getAttributes()), overrides());
  }

  /**
   * The exported snapshot with the same overrides; for a stack-sampled root, also the code profile
   * the {@code req} exporter writes as a {@code PROF} event (built when it asks, on its thread).
   */
  private final class Data extends DelegatingSpanData implements ProfiledSpanData {
    private final Attributes attributes;
    private final int totalAttributeCount;

    Data(SpanData data, Attributes own, Attributes overrides) {
      super(data);
      Attributes original = data.getAttributes();
      this.attributes = MergedAttributes.of(own, overrides); // a view: see MergedAttributes
      this.totalAttributeCount =
          data.getTotalAttributeCount() + (attributes.size() - original.size());
    }

    @Override
    public SpanContext getSpanContext() {
      return KeptSpan.this.getSpanContext();
    }

    @Override
    public SpanContext getParentSpanContext() {
      return KeptSpan.this.getParentSpanContext();
    }

    @Override
    public Attributes getAttributes() {
      return attributes;
    }

    @Override
    public int getTotalAttributeCount() {
      return totalAttributeCount;
    }

    @Override
    public FoldedProfile profile() {
      return stamp.foldedProfile();
    }
  }
}
