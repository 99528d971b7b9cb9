package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daemon: started by the first recording, ticking on its own, stopped by close. */
class TickThreadTest {

  private static Optional<Thread> profilerThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("reqlens-profiler") && t.isAlive())
        .findFirst();
  }

  @Test
  void firstStartStartsTheDaemonAndCloseStopsIt() throws InterruptedException {
    try (Workers workers = new Workers()) {
      Thread handler =
          workers.start(
              "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
      RequestProfiler profiler =
          RequestProfiler.builder()
              .setInterval(Duration.ofMillis(1))
              .setAfter(Duration.ZERO)
              .build();
      Thread daemon;
      try {
        assertThat(profilerThread()).as("no thread before the first recording").isEmpty();
        Recording recording = profiler.start(handler);

        // Generous: waits for the daemon's own ticks, asserts no timing.
        await().atMost(Duration.ofSeconds(30)).until(() -> profiler.stats().threadSamples() >= 3);
        daemon = profilerThread().orElseThrow();
        assertThat(daemon.isDaemon()).isTrue();
        assertThat(daemon.getContextClassLoader()).as("pins no application loader").isNull();
        assertThat(recording.stop().stacks()).anyMatch(s -> s.contains("sleepInHandler"));
      } finally {
        profiler.close();
      }
      daemon.join(30_000);
      assertThat(daemon.isAlive()).isFalse();
    }
  }

  @Test
  void nextPeriodIsOneIntervalLaterWhenTicksAreCheap() {
    long ms = 1_000_000L;
    // period 0, interval 10 ms, a 0.1 ms tick at 4 ms: 0.1 ms / 2 % = 5 ms, inside the interval
    assertThat(TickThread.nextPeriod(0, 10 * ms, 4 * ms, 4 * ms + ms / 10, ms / 10, 0.02))
        .isEqualTo(10 * ms);
  }

  @Test
  void nextPeriodKeepsTheTicksShareOfTimeUnderMaxOverhead() {
    long ms = 1_000_000L;
    // a 1 ms tick at 4 ms: the next period starts 1 ms / 2 % = 50 ms after the tick began
    assertThat(TickThread.nextPeriod(0, 10 * ms, 4 * ms, 5 * ms, ms, 0.02)).isEqualTo(54 * ms);
    assertThat(TickThread.nextPeriod(0, 10 * ms, 4 * ms, 5 * ms, ms, 1.0)).isEqualTo(10 * ms);
  }

  @Test
  void nextPeriodDoesNotCatchUpAfterALateTick() {
    long ms = 1_000_000L;
    // woken 30 ms late (a loaded machine): restart from the end of the tick, no burst
    assertThat(TickThread.nextPeriod(0, 10 * ms, 40 * ms, 40 * ms + 10_000, 10_000, 1.0))
        .isEqualTo(40 * ms + 10_000);
  }

  @Test
  void aTickIsChargedWhatItUsedNotWhatItWaitedForACore() {
    long us = 1_000L;
    // 30 µs of the ticking thread's CPU in 1 ms of wall time (a busy machine): charged 90 µs
    assertThat(TickThread.charged(1000 * us, 30 * us)).isEqualTo(90 * us);
    // on an idle machine the wall time is the smaller: charged as it is
    assertThat(TickThread.charged(40 * us, 30 * us)).isEqualTo(40 * us);
    // no CPU clock: the wall time
    assertThat(TickThread.charged(1000 * us, -1)).isEqualTo(1000 * us);
    // so the next period of a cheap tick that waited long stays one interval away
    long ms = 1_000_000L;
    assertThat(
            TickThread.nextPeriod(
                0, 10 * ms, 4 * ms, 5 * ms, TickThread.charged(ms, 30 * us), 0.02))
        .isEqualTo(10 * ms);
  }
}
