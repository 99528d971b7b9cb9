package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine, driven tick by tick from the test: no daemon, no wall-clock thresholds. */
class RequestProfilerTest {

  private static final String CODE = SampledCode.class.getName();
  private static final Duration AFTER = Duration.ofMillis(20);

  private final FakeTicker ticker = new FakeTicker();
  private final Workers workers = new Workers();
  private final RequestProfiler profiler = FakeTicker.manual(ticker).setAfter(AFTER).build();

  @AfterEach
  void tearDown() throws InterruptedException {
    profiler.close();
    workers.close();
  }

  private void ticks(int n) {
    for (int i = 0; i < n; i++) {
      profiler.tick();
    }
  }

  private static long samplesMatching(Profile profile, String... parts) {
    long n = 0;
    for (String line : profile.stacks()) {
      String stack = line.substring(0, line.lastIndexOf(' '));
      boolean all = true;
      for (String part : parts) {
        all &= stack.contains(part);
      }
      if (all) {
        n += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return n;
  }

  @Test
  void sleepingRequestShowsThreadSleepAndTimedWaitingUnderItsMethod() {
    Thread thread =
        workers.start(
            "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong());
    ticker.advance(AFTER);

    ticks(50);
    Profile profile = recording.stop();

    assertThat(profile.samples()).isEqualTo(50);
    assertThat(profile.intervalNanos()).isEqualTo(Duration.ofMillis(10).toNanos());
    long underHandler =
        samplesMatching(
            profile, CODE + ".sleepInHandler;java.lang.Thread.sleep", "[TIMED_WAITING]");
    assertThat(underHandler).isGreaterThanOrEqualTo(40); // at least 80 %
    assertThat(profile.stacks())
        .allSatisfy(line -> assertThat(line).matches("[^ ;]+(;[^ ;]+)* \\d+"))
        .anyMatch(
            line -> line.startsWith("java.lang.Thread.run;") && line.contains("[TIMED_WAITING] "));
  }

  @Test
  void cpuBoundMethodIsTheTopSelfFrame() {
    Thread thread = workers.start("cpu", SampledCode::burnCpu, "burnCpu", Thread.State.RUNNABLE);
    Recording recording = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());

    ticks(50);
    Profile profile = recording.stop();

    List<HotFrame> top = profile.topSelfFrames(3);
    assertThat(top).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(top.get(0).frame()).isEqualTo(CODE + ".burnCpu");
    assertThat(top.get(0).share()).isGreaterThanOrEqualTo(0.8);
    assertThat(top.get(0).toString()).matches(".*burnCpu \\d+%");
    assertThat(samplesMatching(profile, "[")).as("RUNNABLE adds no state frame").isZero();
  }

  @Test
  void requestStoppedBeforeAfterHasNoSamplesAndCostsNoTable() {
    Thread thread =
        workers.start(
            "fast", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong());
    ticker.advance(AFTER.minusNanos(1));
    ticks(5);

    assertThat(recording.table).isNull();
    assertThat(recording.stop()).isNull();
    ticks(1);
    ProfilerStats stats = profiler.stats();
    assertThat(stats.threadSamples()).isZero();
    assertThat(stats.recordingsRegistered()).as("unlinked at the next tick").isZero();
    assertThat(stats.recordingsStarted()).isEqualTo(1);
  }

  @Test
  void requestIsSampledFromAfterOn() {
    Thread thread =
        workers.start(
            "slow", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong());
    ticker.advance(AFTER.minusNanos(1));
    ticks(3);
    ticker.advance(Duration.ofNanos(1));
    ticks(2);

    assertThat(recording.stop().samples()).isEqualTo(2);
  }

  @Test
  void workHandedToAnotherThreadIsAttributedWhileAdded() {
    CountDownLatch never = new CountDownLatch(1);
    Thread handler =
        workers.start(
            "handler", () -> SampledCode.recurse(0, never), "recurse", Thread.State.WAITING);
    Thread worker =
        workers.start(
            "worker", SampledCode::sleepInWorker, "sleepInWorker", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(handler, ticker.getAsLong() - AFTER.toNanos());

    recording.addThread(worker);
    recording.addThread(worker); // nested: sampled once per tick
    ticks(4);
    recording.removeThread(worker);
    ticks(3);
    recording.removeThread(worker);
    ticks(5);
    Profile profile = recording.stop();

    assertThat(samplesMatching(profile, CODE + ".recurse", "[WAITING]")).isEqualTo(12);
    assertThat(samplesMatching(profile, CODE + ".sleepInWorker;")).isEqualTo(7);
    assertThat(profile.samples()).isEqualTo(19);
  }

  @Test
  void requestThreadCanBeHandedOffAndBack() {
    Thread handler =
        workers.start(
            "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(handler, ticker.getAsLong() - AFTER.toNanos());

    recording.removeThread(handler); // e.g. async servlet: the thread went back to its pool
    ticks(3);
    recording.addThread(handler);
    ticks(2);

    assertThat(recording.stop().samples()).isEqualTo(2);
  }

  @Test
  void discardedRecordingFreesItsStacksAtOnceAndItsPlaceAtTheNextTick() {
    Thread thread =
        workers.start(
            "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());
    ticks(3);
    assertThat(recording.table).isNotNull();
    assertThat(profiler.stats().stacksHeld()).isEqualTo(1);

    recording.discard();

    assertThat(recording.table).isNull();
    assertThat(recording.stop()).isNull();
    ticks(1);
    ProfilerStats stats = profiler.stats();
    assertThat(stats.stacksHeld()).isZero();
    assertThat(stats.recordingsRegistered()).isZero();
    assertThat(stats.threadSamples()).isEqualTo(3);
  }

  @Test
  void stoppedRecordingReleasesItsShareOfTheGlobalBound() {
    Thread thread =
        workers.start(
            "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());
    ticks(2);

    Profile profile = recording.stop();
    ticks(1);

    assertThat(profile.samples()).isEqualTo(2);
    assertThat(recording.table).isNull();
    assertThat(profiler.stats().stacksHeld()).isZero();
    assertThat(profiler.stats().recordingsRegistered()).isZero();
  }

  @Test
  void recordingWhoseThreadDiedIsDroppedAtTheNextTick() throws InterruptedException {
    Thread done = new Thread(() -> {}, "done");
    done.start();
    done.join();
    Recording recording = profiler.start(done, ticker.getAsLong() - AFTER.toNanos());

    ticks(1);

    ProfilerStats stats = profiler.stats();
    assertThat(stats.recordingsDroppedDeadThread()).isEqualTo(1);
    assertThat(stats.recordingsRegistered()).isZero();
    assertThat(stats.threadSamples()).isZero();
    assertThat(recording.stop()).isNull();
  }

  @Test
  void recordingOlderThanItsMaximumIsNoLongerSampledButKeepsItsProfile() {
    Thread thread =
        workers.start(
            "stuck", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording recording = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());
    ticks(2);

    ticker.advance(Duration.ofSeconds(RequestProfilerBuilder.DEFAULT_MAX_RECORDING_SECONDS));
    ticks(3);

    ProfilerStats stats = profiler.stats();
    assertThat(stats.recordingsExpired()).isEqualTo(1);
    assertThat(stats.recordingsRegistered()).isZero();
    assertThat(stats.stacksHeld()).isZero();
    assertThat(recording.stop().samples()).isEqualTo(2);
  }

  @Test
  void intervalIsTheOneTheRequestReallyGot() {
    Thread thread =
        workers.start(
            "handler", SampledCode::sleepInHandler, "sleepInHandler", Thread.State.TIMED_WAITING);
    Recording spacedOut = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());
    Recording oneSample = profiler.start(thread, ticker.getAsLong() - AFTER.toNanos());
    profiler.tick();
    assertThat(oneSample.stop().intervalNanos()).isEqualTo(Duration.ofMillis(10).toNanos());

    for (int i = 0; i < 4; i++) {
      ticker.advance(Duration.ofMillis(30)); // ticks spaced out, e.g. by the overhead cap
      profiler.tick();
    }

    Profile profile = spacedOut.stop();
    assertThat(profile.samples()).isEqualTo(5);
    assertThat(profile.intervalNanos()).isEqualTo(Duration.ofMillis(30).toNanos());
  }
}
