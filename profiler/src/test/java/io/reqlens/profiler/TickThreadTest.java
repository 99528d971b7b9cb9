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
        assertThat(recording.stop().stacks()).anyMatch(s -> s.contains("sleepInHandler"));
      } finally {
        profiler.close();
      }
      daemon.join(30_000);
      assertThat(daemon.isAlive()).isFalse();
    }
  }
}
