package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bound holds, and what it drops is counted. Counts, not bytes. */
class ProfilerBoundsTest {

  private final FakeTicker ticker = new FakeTicker();
  private final Workers workers = new Workers();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void tearDown() throws InterruptedException {
    release.countDown();
    workers.close();
  }

  private Thread deepWorker(String name, int depth) {
    return workers.start(
        name, () -> SampledCode.recurse(depth, release), "await", Thread.State.WAITING);
  }

  @Test
  void twoHundredConcurrentDeepRequestsStayWithinEveryLimit() {
    int requests = 200;
    int maxDepth = 32;
    try (RequestProfiler profiler =
        FakeTicker.manual(ticker)
            .setMaxStackDepth(maxDepth)
            .setMaxThreadsPerTick(50)
            .setMaxStacksPerRecording(4)
            .setMaxTotalStacks(100)
            .setMaxRecordings(requests)
            .build()) {
      List<Recording> recordings = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        recordings.add(profiler.start(deepWorker("deep-" + i, 300), ticker.getAsLong()));
      }
      assertThat(profiler.start(Thread.currentThread()).isNoop()).as("maxRecordings").isTrue();
      ticker.advance(Duration.ofSeconds(1));

      for (int tick = 0; tick < 8; tick++) {
        profiler.tick();
        ProfilerStats stats = profiler.stats();
        assertThat(stats.stacksHeld()).isLessThanOrEqualTo(100);
        assertThat(stats.recordingsRegistered()).isLessThanOrEqualTo(requests);
      }

      ProfilerStats stats = profiler.stats();
      assertThat(stats.recordingsRejected()).isEqualTo(1);
      assertThat(stats.threadSamples()).isEqualTo(8 * 50);
      assertThat(stats.threadsSkipped()).isEqualTo(8 * 150);
      assertThat(stats.stacksTruncatedDepth()).isEqualTo(8 * 50);
      assertThat(stats.stacksHeld()).isEqualTo(100);
      assertThat(stats.samplesOverStackLimit()).isEqualTo(8 * 50 - 100 * 2);

      long total = 0;
      for (Recording recording : recordings) {
        Profile profile = recording.stop();
        assertThat(profile).as("the rotating window reaches every thread").isNotNull();
        assertThat(profile.stacks()).hasSizeLessThanOrEqualTo(4 + 1);
        for (String line : profile.stacks()) {
          String stack = line.substring(0, line.lastIndexOf(' '));
          assertThat(stack.split(";")).hasSizeLessThanOrEqualTo(maxDepth + 2);
          assertThat(stack).startsWith("[truncated]");
        }
        total += profile.samples();
      }
      assertThat(total).isEqualTo(stats.threadSamples());

      profiler.tick();
      assertThat(profiler.stats().stacksHeld()).isZero();
      assertThat(profiler.stats().recordingsRegistered()).isZero();
    }
  }

  @Test
  void stacksOverThePerRequestLimitGoToTheTruncatedBucket() {
    try (RequestProfiler profiler = FakeTicker.manual(ticker).setMaxStacksPerRecording(3).build()) {
      Recording recording =
          profiler.start(
              deepWorker("request", 0), ticker.getAsLong() - Duration.ofSeconds(1).toNanos());
      for (int i = 1; i < Recording.MAX_THREADS; i++) {
        recording.addThread(deepWorker("helper-" + i, i)); // a distinct stack each
      }
      recording.addThread(Thread.currentThread());
      assertThat(profiler.stats().threadsRejected()).isEqualTo(1);

      profiler.tick();
      profiler.tick();
      Profile profile = recording.stop();

      assertThat(profile.samples()).isEqualTo(2 * Recording.MAX_THREADS);
      assertThat(profile.truncatedSamples()).isEqualTo(2 * (Recording.MAX_THREADS - 3));
      assertThat(profile.stacks()).hasSize(4).contains("[truncated] " + profile.truncatedSamples());
      assertThat(profiler.stats().samplesOverStackLimit()).isEqualTo(profile.truncatedSamples());
    }
  }

  @Test
  void frameTableIsBounded() {
    FrameTable frames = new FrameTable(2);
    int a = frames.intern(new StackTraceElement("com.acme.A", "a", null, -1));
    int b = frames.intern(new StackTraceElement("com.acme.B", "b", null, -1));
    int c = frames.intern(new StackTraceElement("com.acme.C", "c", null, -1));

    assertThat(frames.intern(new StackTraceElement("com.acme.A", "a", "A.java", 7))).isEqualTo(a);
    assertThat(b).isNotEqualTo(a);
    assertThat(c).isEqualTo(FrameTable.OTHER);
    assertThat(frames.size()).isEqualTo(2);
    assertThat(frames.overLimit()).isEqualTo(1);
  }
}
