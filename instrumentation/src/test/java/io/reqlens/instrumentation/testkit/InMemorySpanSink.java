package io.reqlens.instrumentation.testkit;

import static org.assertj.core.api.Assertions.fail;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A {@link SpanSink} over the SDK's {@link InMemorySpanExporter} behind a SimpleSpanProcessor. */
public final class InMemorySpanSink implements SpanSink {

  private final InMemorySpanExporter exporter;
  private int taken;

  public InMemorySpanSink(InMemorySpanExporter exporter) {
    this.exporter = exporter;
  }

  @Override
  public synchronized List<SpanView> take(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<SpanData> all = exporter.getFinishedSpanItems();
    while (all.size() - taken < count) {
      if (System.nanoTime() > deadline) {
        fail(
            "expected %d more spans within %s, got %d: %s",
            count, timeout, all.size() - taken, names(all.subList(taken, all.size())));
      }
      sleep(5);
      all = exporter.getFinishedSpanItems();
    }
    List<SpanView> result = new ArrayList<>(count);
    for (SpanData span : all.subList(taken, taken + count)) {
      result.add(SpanView.of(span));
    }
    taken += count;
    return result;
  }

  @Override
  public synchronized void assertNoMoreSpans(Duration quietPeriod) {
    sleep(quietPeriod.toMillis());
    List<SpanData> all = exporter.getFinishedSpanItems();
    if (all.size() > taken) {
      List<SpanData> extra = all.subList(taken, all.size());
      taken = all.size();
      fail("%d span(s) nobody took: %s", extra.size(), names(extra));
    }
  }

  @Override
  public synchronized void reset() {
    exporter.reset();
    taken = 0;
  }

  private static String names(List<SpanData> spans) {
    return spans.stream()
        .map(s -> s.getKind() + " '" + s.getName() + "' " + s.getAttributes())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
