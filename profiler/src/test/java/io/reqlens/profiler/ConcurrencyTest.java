package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Request threads registering, handing off and stopping while ticks unlink and sample. */
class ConcurrencyTest {

  @Test
  void recordingsRacingWithTicksAreAllAccountedFor() throws InterruptedException {
    FakeTicker ticker = new FakeTicker();
    int threads = 4;
    int perThread = 20_000;
    try (RequestProfiler profiler = FakeTicker.manual(ticker).setAfter(Duration.ZERO).build()) {
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong sampled = new AtomicLong();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> requests = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread request =
            new Thread(
                () -> {
                  try {
                    go.await();
                  } catch (InterruptedException e) {
                    return;
                  }
                  for (int i = 0; i < perThread; i++) {
                    Recording recording = profiler.start(Thread.currentThread());
                    if (i % 3 == 0) {
                      recording.addThread(Thread.currentThread());
                      recording.removeThread(Thread.currentThread());
                    }
                    if (i % 5 == 0) {
                      recording.discard();
                    } else {
                      Profile profile = recording.stop();
                      if (profile != null) {
                        sampled.addAndGet(profile.samples());
                        assertThat(profile.stacks()).isNotEmpty();
                      }
                    }
                  }
                });
        requests.add(request);
        request.start();
      }
      Thread ticking =
          new Thread(
              () -> {
                while (!done.get()) {
                  profiler.tick();
                }
              });
      ticking.start();
      go.countDown();
      for (Thread request : requests) {
        request.join();
      }
      done.set(true);
      ticking.join();
      profiler.tick();

      ProfilerStats stats = profiler.stats();
      // Finished requests hold their place until a tick unlinks them: past maxRecordings between
      // two ticks, starts get the no-op recording, counted.
      assertThat(stats.recordingsStarted() + stats.recordingsRejected())
          .isEqualTo((long) threads * perThread);
      assertThat(stats.recordingsStarted()).isGreaterThan(0);
      assertThat(stats.recordingsRegistered()).isZero();
      assertThat(stats.stacksHeld()).isZero();
      assertThat(stats.tickFailures()).isZero();
      assertThat(sampled.get()).isLessThanOrEqualTo(stats.threadSamples());
    }
  }
}
