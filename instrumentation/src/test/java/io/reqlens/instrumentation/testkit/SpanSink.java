package io.reqlens.instrumentation.testkit;

import java.time.Duration;
import java.util.List;

/**
 * Where a test reads the spans an app produced. Strict: every span must be taken by a test; the kit
 * fails a test that leaves one behind ({@link #assertNoMoreSpans}).
 *
 * <p>Implementations: {@link InMemorySpanSink} (the SDK's in-memory exporter, for library
 * instrumentation in this JVM); an OTLP receiver on loopback for an agent in a child JVM.
 */
public interface SpanSink {

  /**
   * Waits until {@code count} spans not yet taken have arrived and returns them in arrival order.
   *
   * @throws AssertionError when fewer arrive within {@code timeout}
   */
  List<SpanView> take(int count, Duration timeout);

  /**
   * Fails when a span not yet taken is there now or arrives within {@code quietPeriod}.
   *
   * @throws AssertionError listing the spans nobody took
   */
  void assertNoMoreSpans(Duration quietPeriod);

  /** Forgets every span, taken or not (after a failed test, so the next one starts clean). */
  void reset();
}
