package io.reqlens.benchmarks;

import io.reqlens.profiler.CallerFrames;
import io.reqlens.profiler.Profile;
import io.reqlens.profiler.ProfilerStats;
import io.reqlens.profiler.Recording;
import io.reqlens.profiler.RequestProfiler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request profiler's two costs: one tick of the sampler against the number of sampled threads
 * and their stack depth ({@code tick}), and what a request thread pays to be recorded ({@code
 * startStop}) against the profiler switched off ({@code disabledStartStop}). Also the N+1 caller
 * lookup ({@code callerFrame}), paid once per statement that reaches the N+1 threshold.
 *
 * <p>{@code tick}: {@code threads} threads each wait on a latch under {@code depth} frames of
 * recursion (the stack depth of a request in a framework), every one recorded and older than {@code
 * after}; each tick captures all of them in one {@code ThreadMXBean.getThreadInfo} call and folds
 * every stack into its request's table (a stack seen before: a count, as in steady state). The tick
 * is driven directly; the profiler's own thread is off.
 *
 * <p>{@code tickNoneEligible}: a tick when 64 requests are in flight and none has run {@code after}
 * yet: the walk of the registry, no capture (the cost of the profiler when nothing is slow).
 *
 * <p>{@code startStop}: a request shorter than {@code after}, as most are: {@code start} then
 * {@code stop}, plus, every 1000 requests, the tick that unlinks them (so the figure includes the
 * tick's share per request).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProfilerBenchmark -prof gc -f 1 -wi 3
 * -w 1 -i 5 -r 1}
 *
 * <p>CPU time of one tick ({@link #main}): the same setups, but what a tick costs in CPU rather
 * than wall time — the figure that holds on a shared, loaded machine, where waiting for a core
 * inflates wall time. Process CPU includes the VM thread's share of the stack dump. Run: {@code
 * java -cp benchmarks/target/benchmarks.jar io.reqlens.benchmarks.ProfilerBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProfilerBenchmark {

  private static final int REQUESTS_PER_TICK = 1000;

  /** Threads waiting under deep stacks, all being recorded. */
  @State(Scope.Benchmark)
  public static class Sampled {

    @Param({"1", "10", "50"})
    public int threads;

    @Param({"20", "100"})
    public int depth;

    RequestProfiler profiler;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private final List<Recording> recordings = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
      AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1));
      profiler = RequestProfiler.builder().setTickThread(false).setTicker(now::get).build();
      for (int i = 0; i < threads; i++) {
        Thread worker = new Thread(() -> waitUnder(depth, release), "request-" + i);
        worker.setDaemon(true);
        worker.start();
        workers.add(worker);
        recordings.add(profiler.start(worker, 0));
      }
      for (Thread worker : workers) {
        while (worker.getState() != Thread.State.WAITING) {
          Thread.sleep(1);
        }
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
      ProfilerStats stats = profiler.stats();
      for (Recording recording : recordings) {
        Profile profile = recording.stop();
        if (profile == null || profile.stacks().size() != 1) {
          throw new IllegalStateException("expected one folded stack per thread, got " + profile);
        }
      }
      if (stats.threadsSkipped() != 0 || stats.stacksTruncatedDepth() != 0) {
        throw new IllegalStateException("a bound was hit: " + stats);
      }
      profiler.close();
      release.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
    }
  }

  /** 64 requests in flight, all younger than {@code after}: what a tick costs when none is slow. */
  @State(Scope.Benchmark)
  public static class Young {
    RequestProfiler profiler;

    @Setup(Level.Trial)
    public void setUp() {
      profiler = RequestProfiler.builder().setTickThread(false).setTicker(() -> 0L).build();
      for (int i = 0; i < 64; i++) {
        profiler.start(Thread.currentThread(), 0);
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      if (profiler.stats().threadSamples() != 0) {
        throw new IllegalStateException("a young request was sampled");
      }
      profiler.close();
    }
  }

  /** One profiler with its thread off, and the disabled one. */
  @State(Scope.Thread)
  public static class Requests {
    RequestProfiler profiler;
    final RequestProfiler disabled = RequestProfiler.disabled();
    final Thread thread = Thread.currentThread();
    final long startNanos = 0; // the ticker stays at 0: every request is younger than after
    final CallerFrames callers = CallerFrames.defaults();

    @Setup(Level.Trial)
    public void setUp() {
      profiler = RequestProfiler.builder().setTickThread(false).setTicker(() -> 0L).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      ProfilerStats stats = profiler.stats();
      if (stats.recordingsRejected() != 0) {
        throw new IllegalStateException("requests were not recorded: " + stats);
      }
      profiler.close();
    }
  }

  static void waitUnder(int depth, CountDownLatch latch) {
    if (depth > 0) {
      waitUnder(depth - 1, latch);
      return;
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Benchmark
  public void tick(Sampled state) {
    state.profiler.tick();
  }

  @Benchmark
  public void tickNoneEligible(Young state) {
    state.profiler.tick();
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS_PER_TICK)
  public Profile startStop(Requests state) {
    Profile last = null;
    for (int i = 0; i < REQUESTS_PER_TICK; i++) {
      Recording recording = state.profiler.start(state.thread, state.startNanos);
      last = recording.stop();
    }
    state.profiler.tick();
    return last;
  }

  @Benchmark
  @OperationsPerInvocation(REQUESTS_PER_TICK)
  public Profile disabledStartStop(Requests state) {
    Profile last = null;
    for (int i = 0; i < REQUESTS_PER_TICK; i++) {
      Recording recording = state.disabled.start(state.thread, state.startNanos);
      last = recording.stop();
    }
    state.disabled.tick();
    return last;
  }

  /** From 40 frames of io.reqlens (skipped) down to the first JMH frame. */
  @Benchmark
  public String callerFrame(Requests state) {
    return findUnder(40, state.callers);
  }

  private static String findUnder(int depth, CallerFrames callers) {
    return depth == 0 ? callers.find() : findUnder(depth - 1, callers);
  }

  /**
   * Prints the CPU time of a request's start and stop (with its share of the tick that unlinks it)
   * against the disabled profiler, then of one tick for each setup of {@code tick}.
   */
  public static void main(String[] args) throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Requests requests = new Requests();
    requests.setUp();
    ProfilerBenchmark benchmark = new ProfilerBenchmark();
    System.out.println("round  startStop CPU ns/request  disabledStartStop CPU ns/request");
    for (int round = 1; round <= 8; round++) {
      int invocations = 5_000; // of REQUESTS_PER_TICK requests each
      long cpu = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < invocations; i++) {
        benchmark.startStop(requests);
      }
      long enabled = mx.getCurrentThreadCpuTime() - cpu;
      cpu = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < invocations; i++) {
        benchmark.disabledStartStop(requests);
      }
      long disabled = mx.getCurrentThreadCpuTime() - cpu;
      double perRequest = (double) invocations * REQUESTS_PER_TICK;
      System.out.println(
          String.format(
              Locale.ROOT,
              "%5d %26.1f %34.1f",
              round,
              enabled / perRequest,
              disabled / perRequest));
    }
    requests.tearDown();

    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.out.println();
    System.out.println("threads depth  wall us/tick  thread CPU us/tick  process CPU us/tick");
    for (int depth : new int[] {20, 100}) {
      for (int threads : new int[] {1, 10, 50}) {
        Sampled state = new Sampled();
        state.threads = threads;
        state.depth = depth;
        state.setUp();
        int ticks = 20_000 / threads;
        for (int i = 0; i < ticks; i++) { // warm-up
          state.profiler.tick();
        }
        long wall = System.nanoTime();
        long thread = mx.getCurrentThreadCpuTime();
        long process = os.getProcessCpuTime();
        for (int i = 0; i < ticks; i++) {
          state.profiler.tick();
        }
        wall = System.nanoTime() - wall;
        thread = mx.getCurrentThreadCpuTime() - thread;
        process = os.getProcessCpuTime() - process;
        state.tearDown();
        System.out.println(
            String.format(
                Locale.ROOT,
                "%7d %5d %13.1f %19.1f %20.1f",
                threads,
                depth,
                wall / 1e3 / ticks,
                thread / 1e3 / ticks,
                process / 1e3 / ticks));
      }
    }
  }
}
