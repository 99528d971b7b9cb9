package io.reqlens.sampler.localtrace;

import static io.reqlens.sampler.localtrace.ProcessorFixture.endAfter;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.sampler.ReqlensSampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalTraceProcessorBoundsTest {

  private final List<LogRecord> logs = new ArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logs.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger logger = Logger.getLogger(LocalTraceProcessor.class.getName());

  @BeforeEach
  void captureLogs() {
    logger.addHandler(handler);
  }

  @AfterEach
  void releaseLogs() {
    logger.removeHandler(handler);
  }

  private static ReqlensSampler ratioZeroRecording() {
    return ReqlensSampler.builder().setRatio(0).setRecordUnsampled(true).build();
  }

  @Test
  void tooManyTracesDecidesTheOldestEarlyAndCountsTheDrop() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            ratioZeroRecording(), b -> b.setKeepErrors(true).setMaxBufferedTraces(2))) {
      Span oldest = f.server("/a", "/a");
      f.db(oldest, "SELECT 1", 0, 1);
      Span second = f.server("/b", "/b");
      Span third = f.server("/c", "/c"); // over the limit: /a is decided now, without error → drop
      assertThat(f.counter("reqlens.traces.dropped", "overflow")).isEqualTo(1);
      Span failingChild = f.child(second, "x", SpanKind.INTERNAL);
      failingChild.setStatus(StatusCode.ERROR);
      failingChild.end();
      endAfter(oldest, 5); // late: its trace was dropped
      endAfter(second, 5);
      endAfter(third, 5);
      assertThat(f.spansOf(oldest)).isEmpty();
      assertThat(f.spansOf(second)).hasSize(2);
      assertThat(f.counter("reqlens.spans.late", null)).isEqualTo(1);
    }
  }

  @Test
  void earlyDecisionForwardsWhatTheHeadSampledAndTheRestFollowsLate() {
    try (ProcessorFixture f =
        new ProcessorFixture(Sampler.alwaysOn(), b -> b.setMaxBufferedTraces(1))) {
      Span first = f.server("/a", "/a");
      f.db(first, "SELECT 1", 0, 1);
      Span second = f.server("/b", "/b"); // first decided early: kept, its DB span forwarded now
      assertThat(f.spansOf(first)).hasSize(1);
      endAfter(first, 5);
      endAfter(second, 5);
      assertThat(f.spansOf(first)).as("nothing lost, the root arrives late").hasSize(2);
      assertThat(f.spansOf(second)).hasSize(1);
      assertThat(f.counter("reqlens.traces.dropped", "overflow")).isZero();
    }
  }

  @Test
  void tooManySpansDecidesEarlyToo() {
    try (ProcessorFixture f =
        new ProcessorFixture(
            ratioZeroRecording(), b -> b.setKeepErrors(true).setMaxBufferedSpans(10))) {
      Span big = f.server("/big", "/big");
      for (int i = 0; i < 11; i++) {
        f.db(big, "SELECT " + i, i, 1);
      }
      assertThat(f.counter("reqlens.traces.dropped", "overflow")).isEqualTo(1);
      endAfter(big, 50);
      assertThat(f.spans()).isEmpty();
    }
  }

  @Test
  void overflowIsLoggedOnceAMinuteWithTheCount() {
    TestClock clock = TestClock.create();
    try (ProcessorFixture f =
        new ProcessorFixture(
            ratioZeroRecording(), b -> b.setMaxBufferedTraces(1).setClock(clock))) {
      for (int i = 0; i < 5; i++) {
        f.server("/a" + i, null); // each start pushes the previous one out
      }
      assertThat(logs).hasSize(1);
      assertThat(logs.get(0).getMessage()).doesNotContain("similar");
      clock.advance(Duration.ofSeconds(61));
      f.server("/z", null);
      assertThat(logs).hasSize(2);
      assertThat(logs.get(1).getMessage())
          .as("the drops suppressed since the last line")
          .contains("(3 similar since last logged)");
      assertThat(logs.get(1).getMessage()).contains("OTEL_REQLENS_MAX_BUFFERED_TRACES");
    }
  }

  @Test
  void shutdownDecidesPendingTracesAndASecondCallIsHarmless() {
    // InMemorySpanExporter forgets its spans on shutdown, so collect into a list that stays.
    List<SpanData> exported = new java.util.concurrent.CopyOnWriteArrayList<>();
    SpanExporter keeping =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(java.util.Collection<SpanData> spans) {
            exported.addAll(spans);
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    LocalTraceProcessor processor =
        LocalTraceProcessor.builder(SimpleSpanProcessor.create(keeping)).build();
    SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(processor).build();
    Span open = provider.get("t").spanBuilder("GET").setSpanKind(SpanKind.SERVER).startSpan();
    provider
        .get("t")
        .spanBuilder("SELECT")
        .setParent(io.opentelemetry.context.Context.root().with(open))
        .setSpanKind(SpanKind.CLIENT)
        .startSpan()
        .end();
    assertThat(exported).isEmpty();
    assertThat(processor.shutdown().join(5, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(exported).extracting(SpanData::getName).containsExactly("SELECT");
    assertThat(processor.shutdown().isSuccess()).as("second call").isTrue();
    provider.close();
  }

  @Test
  void spansOfUnknownParentsPassThroughCountedAsLate() {
    try (ProcessorFixture f = new ProcessorFixture(Sampler.alwaysOn(), b -> {})) {
      Span root = f.server("/a", "/a");
      Span child = f.child(root, "work", SpanKind.INTERNAL);
      child.end();
      endAfter(root, 1);
      Span grandchild = f.child(child, "after", SpanKind.INTERNAL); // parent already ended
      grandchild.end();
      assertThat(f.spansOf(root)).hasSize(3);
      assertThat(f.counter("reqlens.spans.late", null)).isEqualTo(1);
    }
  }
}
