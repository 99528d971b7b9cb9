package io.reqlens.sampler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Through real SDK autoconfigure: the processor sits in front of every exporting processor (here
 * two, a simple one for {@code console} and a batching one for {@code test-memory}, each replaced
 * by an in-memory exporter) and decides once for both.
 */
class LocalTraceCustomizerProviderTest {

  @Test
  void everyExporterReceivesTheSameKeptSetOnce() {
    List<InMemorySpanExporter> exporters = new ArrayList<>();
    Map<String, String> props = new HashMap<>();
    props.put("otel.traces.exporter", "console,test-memory");
    props.put("otel.metrics.exporter", "none");
    props.put("otel.logs.exporter", "none");
    props.put("otel.reqlens.exclude.routes", "/api/users/{id}");
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .disableShutdownHook()
            .addPropertiesSupplier(() -> props)
            .addSpanExporterCustomizer(
                (exporter, config) -> {
                  InMemorySpanExporter memory = InMemorySpanExporter.create();
                  exporters.add(memory);
                  return memory;
                })
            .build()
            .getOpenTelemetrySdk();
    try {
      Tracer tracer = sdk.getTracer("test");
      Span excluded =
          tracer
              .spanBuilder("GET")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("url.path", "/api/users/42")
              .startSpan();
      excluded.setAttribute("http.route", "/api/users/{id}");
      tracer
          .spanBuilder("SELECT")
          .setSpanKind(SpanKind.CLIENT)
          .setParent(Context.root().with(excluded))
          .setAttribute("db.system.name", "h2")
          .startSpan()
          .end();
      excluded.end();
      Span kept =
          tracer
              .spanBuilder("GET")
              .setSpanKind(SpanKind.SERVER)
              .setAttribute("url.path", "/api/users")
              .startSpan();
      kept.setAttribute("url.query", "token=abc");
      kept.end();
      assertThat(
              sdk.getSdkTracerProvider()
                  .forceFlush()
                  .join(10, java.util.concurrent.TimeUnit.SECONDS)
                  .isSuccess())
          .isTrue();

      assertThat(exporters).hasSize(2);
      for (InMemorySpanExporter e : exporters) {
        assertThat(e.getFinishedSpanItems()).hasSize(1);
        assertThat(e.getFinishedSpanItems().get(0).getAttributes().asMap().toString())
            .contains("url.query=token=REDACTED")
            .contains("reqlens.db.count=0");
      }
      // The second exporting processor joined the first one's fan-out instead of getting its own
      // LocalTraceProcessor, so each local trace was decided once.
      assertThat(sdk.getSdkTracerProvider().toString())
          .contains("JoinedReqlensLocalTraceProcessor");
    } finally {
      sdk.close();
    }
  }

  /**
   * With another sampler chosen, its argument is that sampler's business: {@code jaeger_remote}
   * takes {@code endpoint=…,pollingIntervalMs=…}, which is no ratio. The processor still starts
   * (the user added reqlens-sampler on purpose) and still keeps its own keys strict.
   */
  @Test
  void anotherSamplersArgumentIsNotReadAsARatio() {
    Map<String, String> props = jaegerRemote();
    props.put("otel.reqlens.exclude.routes", "/health");
    OpenTelemetrySdk sdk = build(props);
    try {
      assertThat(sdk.getSdkTracerProvider().getSampler().getDescription())
          .startsWith("JaegerRemoteSampler{");
      assertThat(sdk.getSdkTracerProvider().toString()).contains("LocalTraceProcessor");
    } finally {
      sdk.close();
    }
  }

  @Test
  void reqlensKeysStayStrictBesideAnotherSampler() {
    Map<String, String> props = jaegerRemote();
    props.put("otel.reqlens.keep.errors", "yes");
    assertThatThrownBy(() -> build(props))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid value for OTEL_REQLENS_KEEP_ERRORS");
  }

  @Test
  void theArgumentIsARatioForTheReqlensSampler() {
    Map<String, String> props = jaegerRemote();
    props.put("otel.traces.sampler", "reqlens");
    assertThatThrownBy(() -> build(props))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Invalid value for OTEL_TRACES_SAMPLER_ARG")
        .hasMessageContaining("a ratio in [0,1]");
  }

  private static Map<String, String> jaegerRemote() {
    Map<String, String> props = new HashMap<>();
    props.put("otel.traces.sampler", "jaeger_remote");
    props.put(
        "otel.traces.sampler.arg",
        "endpoint=http://localhost:14250,pollingIntervalMs=5000,initialSamplingRate=1");
    props.put("otel.traces.exporter", "test-memory");
    props.put("otel.metrics.exporter", "none");
    props.put("otel.logs.exporter", "none");
    return props;
  }

  private static OpenTelemetrySdk build(Map<String, String> props) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .disableShutdownHook()
        .addPropertiesSupplier(() -> props)
        .build()
        .getOpenTelemetrySdk();
  }
}
