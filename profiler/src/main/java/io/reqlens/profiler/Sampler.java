package io.reqlens.profiler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The tick: once per interval, unlinks finished recordings, collects the threads of those older
 * than {@code after}, captures all their stacks in one {@code ThreadMXBean.getThreadInfo} call and
 * folds each stack into its recording's {@link StackTable}. Runs under the profiler's tick lock;
 * every field here is tick-owned.
 *
 * <p>Compare Glowroot's {@code
 * agent/core/src/main/java/org/glowroot/agent/impl/StackTraceCollector.java} (one batched {@code
 * getThreadInfo} for the threads of all running transactions, main and auxiliary) and Splunk's
 * {@code profiler/.../snapshot/ThreadInfoCollector.java} (same call, per tick, for traces selected
 * for snapshots).
 */
final class Sampler {

  private final Registry registry;
  private final FrameTable frames;
  private final long afterNanos;
  private final long maxAgeNanos;
  private final int maxDepth;
  private final int maxThreadsPerTick;
  private final int maxStacksPerRecording;
  private final int maxTotalStacks;

  // Reused between ticks so a tick allocates only what ThreadMXBean returns and new stacks.
  private final int[] scratch;
  private final long[][] idsBySize; // getThreadInfo takes an exact-length array
  private final Recording[] selected;
  private Recording[] candidates = new Recording[16];
  private Thread[] candidateThreads = new Thread[16];
  private int rotation;
  private ThreadMXBean threads;
  private int stacksHeld;
  private long now; // the current tick's time

  // Counters, read by stats() under the same lock.
  long ticks;
  long unlinked;
  long threadSamples;
  long threadsSkipped;
  long threadsNotFound;
  long depthTruncated;
  long overStackLimit;
  long droppedDeadThread;
  long expired;

  Sampler(Registry registry, FrameTable frames, RequestProfilerBuilder config) {
    this.registry = registry;
    this.frames = frames;
    this.afterNanos = config.afterNanos;
    this.maxAgeNanos = config.maxRecordingDurationNanos;
    this.maxDepth = config.maxStackDepth;
    this.maxThreadsPerTick = config.maxThreadsPerTick;
    this.maxStacksPerRecording = config.maxStacksPerRecording;
    this.maxTotalStacks = config.maxTotalStacks;
    this.scratch = new int[maxDepth + 2]; // [truncated] + frames + state
    this.idsBySize = new long[maxThreadsPerTick + 1][];
    this.selected = new Recording[maxThreadsPerTick];
  }

  void tick(long now) {
    ticks++;
    this.now = now;
    int count = collect(now);
    if (count == 0) {
      return; // and never call getThreadInfo with no ids: JDK-8074368, as Glowroot notes
    }
    int m = Math.min(count, maxThreadsPerTick);
    int start = 0;
    if (count > m) {
      // Over the bound: sample a window that moves every tick, so every thread gets its turn.
      threadsSkipped += count - m;
      start = rotation % count;
      rotation = (start + m) % count;
    }
    long[] ids = idsBySize[m];
    if (ids == null) {
      ids = new long[m];
      idsBySize[m] = ids;
    }
    for (int k = 0; k < m; k++) {
      int j = (start + k) % count;
      ids[k] = candidateThreads[j].getId();
      selected[k] = candidates[j];
    }
    Arrays.fill(candidates, 0, count, null);
    Arrays.fill(candidateThreads, 0, count, null);
    try {
      // One call for all threads: in HotSpot a stack dump is one VM operation that stops the
      // threads at a safepoint, so batching pays that pause once per tick, not once per thread.
      // maxDepth + 1 frames tell a stack cut at maxDepth from one exactly that deep.
      ThreadInfo[] infos = threads().getThreadInfo(ids, maxDepth + 1);
      for (int k = 0; k < m; k++) {
        if (infos[k] == null) {
          threadsNotFound++; // ended since collected, or a virtual thread (not reported)
        } else {
          fold(selected[k], infos[k]);
        }
      }
    } finally {
      Arrays.fill(selected, 0, m, null);
    }
  }

  /** Unlinks every registered recording; they keep what was sampled. On close. */
  void releaseAll() {
    Recording floor = Recording.floor();
    for (Recording r = registry.takeAll(floor); r != null; ) {
      Recording next = r.next;
      release(r);
      r = next;
    }
    Registry.putBack(floor, null, 0);
  }

  int stacksHeld() {
    return stacksHeld;
  }

  private ThreadMXBean threads() {
    if (threads == null) {
      // Looked up at the first capture, on the tick thread: never while the agent starts.
      threads = ManagementFactory.getThreadMXBean();
    }
    return threads;
  }

  /** Walks the registry, unlinks what is finished, returns the number of candidate threads. */
  private int collect(long now) {
    int count = 0;
    int survivors = 0;
    Recording floor = Recording.floor();
    Recording keepFirst = null;
    Recording keepLast = null;
    for (Recording r = registry.takeAll(floor); r != null; ) {
      Recording next = r.next;
      if (keep(r, now)) {
        // Relinked in the same order, so the window of a tick over the bound moves over a stable
        // list and reaches every thread in turn.
        r.next = null;
        if (keepLast == null) {
          keepFirst = r;
        } else {
          keepLast.next = r;
        }
        keepLast = r;
        survivors++;
        if (now - r.startNanos >= afterNanos) {
          count = addThreads(r, count);
        }
      } else {
        release(r);
      }
      r = next;
    }
    Registry.putBack(floor, keepFirst, survivors);
    return count;
  }

  private boolean keep(Recording r, long now) {
    if (r.state != Recording.ACTIVE) {
      return false;
    }
    long age = now - r.startNanos;
    if (age > maxAgeNanos) {
      // A request this old is most likely a handle nobody will stop: stop sampling it. What was
      // sampled stays with the handle for a late stop().
      if (r.leave(Recording.EXPIRED)) {
        expired++;
      }
      return false;
    }
    // Only requests old enough to sample pay for the liveness check (a native call before 19).
    if (age >= afterNanos && !r.origin.isAlive()) {
      if (r.leave(Recording.DROPPED)) {
        r.table = null;
        droppedDeadThread++;
      }
      return false;
    }
    return true;
  }

  private int addThreads(Recording r, int count) {
    int from = count;
    Thread first = r.first;
    if (first != null) {
      count = add(r, first, count);
    }
    Thread[] others = r.others;
    if (others != null) {
      for (Thread t : others) {
        if (indexOf(t, from, count) < 0) { // a thread added twice is sampled once
          count = add(r, t, count);
        }
      }
    }
    return count;
  }

  private int add(Recording r, Thread thread, int count) {
    if (count == candidates.length) {
      candidates = Arrays.copyOf(candidates, count * 2);
      candidateThreads = Arrays.copyOf(candidateThreads, count * 2);
    }
    candidates[count] = r;
    candidateThreads[count] = thread;
    return count + 1;
  }

  private int indexOf(Thread thread, int from, int to) {
    for (int i = from; i < to; i++) {
      if (candidateThreads[i] == thread) {
        return i;
      }
    }
    return -1;
  }

  private void fold(Recording r, ThreadInfo info) {
    if (r.state != Recording.ACTIVE) {
      return; // stopped since collected: its stack is not wanted any more
    }
    StackTraceElement[] trace = info.getStackTrace(); // leaf first
    int depth = trace.length;
    int n = 0;
    if (depth > maxDepth) {
      depth = maxDepth; // keeps the leaf side: self time is what matters most
      scratch[n++] = FrameTable.TRUNCATED;
      depthTruncated++;
    }
    for (int i = depth - 1; i >= 0; i--) {
      scratch[n++] = frames.intern(trace[i]);
    }
    if (depth == 0) {
      scratch[n++] = FrameTable.NO_FRAMES;
    }
    int state = FrameTable.stateFrame(info.getThreadState());
    if (state >= 0) {
      scratch[n++] = state;
    }
    int hash = 1;
    for (int i = 0; i < n; i++) {
      hash = 31 * hash + scratch[i];
    }
    StackTable table = r.table;
    boolean created = table == null;
    if (created) {
      table = new StackTable(); // the first sample of this request: its memory starts here
      r.table = table;
    }
    int entry = table.find(scratch, n, hash);
    if (entry >= 0) {
      table.increment(entry);
    } else if (table.size() < maxStacksPerRecording && stacksHeld < maxTotalStacks) {
      table.append(scratch, n, hash);
      stacksHeld++;
      r.chargedStacks++;
    } else {
      table.countOverLimit();
      overStackLimit++;
    }
    table.markTick(ticks, now);
    table.publish();
    threadSamples++;
    if (created && r.state != Recording.ACTIVE) {
      // Stopped while this tick folded its first sample (the tick checked the state above, then
      // was descheduled): stop() or discard() saw no table and freed nothing, so this one would
      // stay reachable from the request's handle until the handle is dropped. One sample lost,
      // as documented for a sample racing with stop.
      r.table = null;
    }
  }

  private void release(Recording r) {
    if (!r.isNoop()) { // a floor of an earlier tick is not a request
      unlinked++;
    }
    stacksHeld -= r.chargedStacks;
    r.chargedStacks = 0;
    r.next = null;
  }
}
