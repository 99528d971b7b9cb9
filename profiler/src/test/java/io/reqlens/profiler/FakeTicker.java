package io.reqlens.profiler;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Time the test sets: requests age only when the test says so. */
final class FakeTicker implements LongSupplier {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Override
  public long getAsLong() {
    return now.get();
  }

  void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  static RequestProfilerBuilder manual(FakeTicker ticker) {
    return RequestProfiler.builder().setTickThread(false).setTicker(ticker);
  }
}
