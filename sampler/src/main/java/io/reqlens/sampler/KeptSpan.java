package io.reqlens.sampler;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.sdk.common.InstrumentationLibraryInfo;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * An ended span as the exporters see it after the local-trace decision: attributes stamped or
 * redacted by Reqlens override the span's own, and a span recorded for a tail decision (not
 * sampled at the head) is presented as sampled so the {@code BatchSpanProcessor}, which exports
 * only sampled spans, passes it on.
 *
 * <p>Only spans that need a change are wrapped; all others go downstream as they are.
 */
final class KeptSpan implements ReadableSpan {

  private final ReadableSpan delegate;
  private final Attributes overrides;
  private final boolean markSampled;

  KeptSpan(ReadableSpan delegate, Attributes overrides, boolean markSampled) {
    this.delegate = delegate;
    this.overrides = overrides;
    this.markSampled = markSampled;
  }

  private static SpanContext sampled(SpanContext c) {
    if (!c.isValid() || c.isSampled()) {
      return c;
    }
    return c.isRemote()
        ? SpanContext.createFromRemoteParent(
            c.getTraceId(), c.getSpanId(), TraceFlags.getSampled(), c.getTraceState())
        : SpanContext.create(
            c.getTraceId(), c.getSpanId(), TraceFlags.getSampled(), c.getTraceState());
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext c = delegate.getSpanContext();
    return markSampled ? sampled(c) : c;
  }

  @Override
  public SpanContext getParentSpanContext() {
    SpanContext c = delegate.getParentSpanContext();
    // A local parent was recorded with the same decision; a remote one keeps its own flags.
    return markSampled && !c.isRemote() ? sampled(c) : c;
  }

  @Override
  public String getName() {
    return delegate.getName();
  }

  @Override
  public SpanData toSpanData() {
    return new Data(delegate.toSpanData());
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
    T value = overrides.get(key);
    return value != null ? value : delegate.getAttribute(key);
  }

  @Override
  public Attributes getAttributes() {
    return delegate.getAttributes().toBuilder().putAll(overrides).build();
  }

  /** The exported snapshot with the same overrides. */
  private final class Data extends DelegatingSpanData {
    private final Attributes attributes;
    private final int totalAttributeCount;

    Data(SpanData data) {
      super(data);
      Attributes original = data.getAttributes();
      this.attributes = original.toBuilder().putAll(overrides).build();
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
  }
}
