package io.reqlens.sampler.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.config.ConfigSource;
import io.reqlens.sampler.localtrace.ContextHandoff;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Puts the {@link io.reqlens.sampler.LocalTraceProcessor} in front of the exporting span processors
 * that SDK autoconfigure (and the Java agent) builds from {@code OTEL_TRACES_EXPORTER}, so every
 * exporter — OTLP, {@code jsonl}, {@code req}, console — receives the same kept set.
 *
 * <p>Autoconfigure builds one {@code BatchSpanProcessor} for most exporters and a separate simple
 * processor for {@code console}/{@code logging}, and offers each to the customizer. Why one Reqlens
 * processor for all of them? Two would assemble every local trace twice and count every decision
 * twice. So the first exporting processor gets the Reqlens processor in front of a fan-out, and
 * later ones join the fan-out.
 *
 * <p>With the profiler on it also installs, as early as an extension can, the context storage
 * wrapper that attributes work handed to other threads to the request ({@link ContextHandoff}).
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class LocalTraceCustomizerProvider implements AutoConfigurationCustomizerProvider {

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesCustomizer(LocalTraceCustomizerProvider::installContextHandoff);
    customizer.addSpanProcessorCustomizer(new Wrapper());
  }

  /**
   * Why here? A properties customizer is the earliest code of an extension the agent runs (before
   * the SDK is built, before any instrumentation but the executors'), and the context storage
   * wrapper only takes effect if it is added before the storage is first used ({@link
   * ContextHandoff}). Splunk's distribution activates its span tracking the same way. With the
   * profiler off nothing is installed; an invalid value is left to the processor to report.
   */
  private static Map<String, String> installContextHandoff(ConfigProperties config) {
    boolean profiler;
    try {
      profiler = ConfigSource.env(config).get(ReqlensSettings.PROFILER);
    } catch (ConfigurationException e) {
      profiler = false; // reported, naming the key, when the processor reads its settings
    }
    if (profiler) {
      ContextHandoff.install();
    }
    return Collections.emptyMap();
  }

  /** Runs once per SDK that autoconfigure builds. */
  private static final class Wrapper
      implements BiFunction<SpanProcessor, ConfigProperties, SpanProcessor> {
    private final List<SpanProcessor> exporting = new ArrayList<>();
    private final Fanout fanout = new Fanout();

    @Override
    public SpanProcessor apply(SpanProcessor processor, ConfigProperties config) {
      exporting.add(processor);
      fanout.delegate = SpanProcessor.composite(exporting);
      if (exporting.size() == 1) {
        return ReqlensSettings.forProcessor(config).processor(fanout);
      }
      return Joined.INSTANCE; // its processor is shut down through the fan-out
    }
  }

  /** The exporting processors behind the one Reqlens processor. */
  private static final class Fanout implements SpanProcessor {
    volatile SpanProcessor delegate = SpanProcessor.composite();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      delegate.onStart(parentContext, span);
    }

    @Override
    public boolean isStartRequired() {
      return delegate.isStartRequired();
    }

    @Override
    public void onEnd(ReadableSpan span) {
      delegate.onEnd(span);
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }

    @Override
    public CompletableResultCode forceFlush() {
      return delegate.forceFlush();
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }

  /** Stands in for an exporting processor that joined the fan-out. */
  private enum Joined implements SpanProcessor {
    INSTANCE;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }

    @Override
    public String toString() {
      return "JoinedReqlensLocalTraceProcessor";
    }
  }
}
