package io.reqlens.exporters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.JsonlSpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A down backend never holds back the files: the network exporter runs behind its own queue. */
class DecoupledSpanExporterTest {

  /** An exporter whose exports hang until released, like one retrying a dead endpoint. */
  static final class StuckExporter implements SpanExporter {
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch entered = new CountDownLatch(1);
    final List<Integer> batches = new ArrayList<>();
    boolean shutdown;

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (batches) {
        batches.add(spans.size());
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      shutdown = true;
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void exportReturnsAtOnceAndAFullQueueDropsCountedAndLoggedOnce() throws Exception {
    List<LogRecord> logs = new ArrayList<>();
    Logger logger = Logger.getLogger(DecoupledSpanExporter.class.getName());
    Handler h =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logs.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(h);
    try {
      StuckExporter stuck = new StuckExporter();
      DecoupledSpanExporter d = new DecoupledSpanExporter(stuck, 10, TestClock.create());
      List<SpanData> four = spans(4);
      assertThat(d.export(four).isSuccess()).isTrue(); // taken by the worker, which hangs
      assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(d.export(four).isSuccess()).isTrue(); // queued: 4
      assertThat(d.export(four).isSuccess()).isTrue(); // queued: 8
      for (int i = 0; i < 5; i++) {
        assertThat(d.export(four).isDone()).isTrue(); // full: dropped, still no waiting
      }
      assertThat(d.dropped()).isEqualTo(20);
      assertThat(logs).hasSize(1);
      assertThat(logs.get(0).getMessage()).contains("dropped 4 span(s)", "replay --since");

      CompletableResultCode flush = d.flush();
      assertThat(flush.isDone()).isFalse();
      stuck.release.countDown();
      assertThat(flush.join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(stuck.batches).containsExactly(4, 4, 4);

      assertThat(d.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
      assertThat(stuck.shutdown).isTrue();
      assertThat(d.shutdown().isSuccess()).isTrue(); // a second shutdown is harmless
      assertThat(d.export(four).isSuccess()).isFalse();
    } finally {
      logger.removeHandler(h);
    }
  }

  @Test
  void onlyNetworkExportersBesideFileExportersAreDecoupled() {
    SpanExporter otlp = new StuckExporter();
    JsonlSpanExporter jsonl = JsonlSpanExporter.builder().build();
    assertThat(ReqlensExportersCustomizer.decouple(otlp, config("otlp,jsonl")))
        .isInstanceOf(DecoupledSpanExporter.class)
        .hasToString("DecoupledSpanExporter{queue=512 spans, exporter=" + otlp + "}");
    assertThat(ReqlensExportersCustomizer.decouple(jsonl, config("otlp,jsonl"))).isSameAs(jsonl);
    assertThat(ReqlensExportersCustomizer.decouple(otlp, config("otlp"))).isSameAs(otlp);
    assertThat(ReqlensExportersCustomizer.decouple(otlp, config("otlp,console"))).isSameAs(otlp);
    jsonl.shutdown();
  }

  private static DefaultConfigProperties config(String exporters) {
    return DefaultConfigProperties.createFromMap(
        Map.of("otel.traces.exporter", exporters, "otel.bsp.max.queue.size", "512"));
  }

  private static List<SpanData> spans(int n) {
    List<SpanData> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          TestSpanData.builder()
              .setSpanContext(
                  SpanContext.create(
                      "4bf92f3577b34da6a3ce929d0e0e4736",
                      String.format("%016x", i + 1),
                      TraceFlags.getSampled(),
                      TraceState.getDefault()))
              .setName("s")
              .setKind(SpanKind.INTERNAL)
              .setStartEpochNanos(1)
              .setEndEpochNanos(2)
              .setStatus(StatusData.unset())
              .setHasEnded(true)
              .build());
    }
    return out;
  }
}
