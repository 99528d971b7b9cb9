package io.reqlens.profiler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One request's recording: the handle {@link RequestProfiler#start} returns. Every method may be
 * called from any thread, never blocks and never throws; calls on a stopped recording (or on the
 * no-op recording a disabled, closed or full profiler returns) do nothing.
 *
 * <p>The recording samples the threads it holds: the thread it was started with, plus those added
 * with {@link #addThread(Thread)} while work of the request runs there, at most {@value
 * #MAX_THREADS} at once. Pair each {@code addThread} with one {@link #removeThread(Thread)}; the
 * same thread may be added more than once (nested work) and is sampled once per tick while any
 * addition remains.
 *
 * <p>Memory: the handle is a few fields; the sampled stacks are allocated by the profiler's tick,
 * only once the request is older than {@code after}, and released by {@link #stop()} or {@link
 * #discard()}.
 */
public final class Recording {

  /** Threads one recording holds at once (the starting thread included): {@value}. */
  public static final int MAX_THREADS = 8;

  static final int ACTIVE = 0;
  static final int STOPPED = 1; // by stop() or discard(): the tick unlinks it
  static final int EXPIRED =
      2; // older than maxRecordingDuration: no longer sampled, kept for stop()
  static final int DROPPED = 3; // its thread died: freed by the tick

  private static final VarHandle STATE;
  private static final VarHandle FIRST;
  private static final VarHandle OTHERS;
  private static final VarHandle TABLE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Recording.class, "state", int.class);
      FIRST = lookup.findVarHandle(Recording.class, "first", Thread.class);
      OTHERS = lookup.findVarHandle(Recording.class, "others", Thread[].class);
      TABLE = lookup.findVarHandle(Recording.class, "table", StackTable.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Returned when nothing is recorded; stateless, shared. */
  static final Recording NOOP = new Recording(null, null, 0L, STOPPED);

  final RequestProfiler owner;
  final Thread origin; // the starting thread: when it dies, the recording is dropped
  final long startNanos;
  volatile int state;
  // The threads sampled: the first slot, then copy-on-write extras (null until a handoff), so a
  // request that never leaves its thread allocates nothing here.
  volatile Thread first;
  volatile Thread[] others;
  volatile StackTable table; // created by the tick at the first sample
  Recording next; // the registry's link; tick-owned once pushed
  int depth; // the registry's length from this node down (see Registry)
  int chargedStacks; // distinct stacks counted against the global bound; tick-owned

  Recording(RequestProfiler owner, Thread origin, long startNanos) {
    this(owner, origin, startNanos, ACTIVE);
  }

  private Recording(RequestProfiler owner, Thread origin, long startNanos, int state) {
    this.owner = owner;
    this.origin = origin;
    this.startNanos = startNanos;
    // Plain writes: a volatile write is a full fence, two of them cost more than the rest of start.
    // The recording is published by the registry's CAS (or a static final), which orders them.
    FIRST.set(this, origin);
    if (state != ACTIVE) {
      STATE.set(this, state);
    }
  }

  /**
   * Attributes {@code thread} to this request until the matching {@link #removeThread(Thread)}:
   * call it where the request's context becomes current on another thread. Ignored when null, when
   * the recording is stopped, or when it already holds {@value #MAX_THREADS} threads (counted).
   */
  public void addThread(Thread thread) {
    if (thread == null || state != ACTIVE) {
      return;
    }
    if (first == null && FIRST.compareAndSet(this, (Thread) null, thread)) {
      return;
    }
    while (true) {
      Thread[] current = others;
      int length = current == null ? 0 : current.length;
      if (length + 1 >= MAX_THREADS) {
        owner.threadsRejected.increment();
        return;
      }
      Thread[] next = current == null ? new Thread[1] : Arrays.copyOf(current, length + 1);
      next[length] = thread;
      if (OTHERS.compareAndSet(this, current, next)) {
        return;
      }
    }
  }

  /** Ends one {@link #addThread(Thread)} of {@code thread} (or the starting thread's share). */
  public void removeThread(Thread thread) {
    if (thread == null || state != ACTIVE) {
      return;
    }
    while (true) {
      Thread[] current = others;
      int at = indexOf(current, thread);
      if (at < 0) {
        break;
      }
      Thread[] next = null;
      if (current.length > 1) {
        next = new Thread[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, current.length - at - 1);
      }
      if (OTHERS.compareAndSet(this, current, next)) {
        return;
      }
    }
    FIRST.compareAndSet(this, thread, (Thread) null);
  }

  /**
   * Stops recording and returns what was sampled, or {@code null} when the request was never
   * sampled (it ended before {@code after}), was already stopped or discarded, or its thread died.
   * Frees the recording's memory: the returned profile holds a copy. Call it once, from one thread
   * (two racing calls may both return the profile).
   */
  public Profile stop() {
    if (!finish()) {
      return null;
    }
    StackTable sampled = table;
    if (sampled == null) {
      return null;
    }
    TABLE.setRelease(this, (StackTable) null);
    return sampled.snapshot(owner.frames, owner.intervalNanos);
  }

  /** Stops recording and drops what was sampled, as for a request whose trace is not kept. */
  public void discard() {
    if (finish()) {
      TABLE.setRelease(this, (StackTable) null);
    }
  }

  /** A stopped node that marks where a tick took the registry's list (see {@link Registry}). */
  static Recording floor() {
    return new Recording(null, null, 0L, STOPPED);
  }

  /** True for the shared recording that records nothing. */
  boolean isNoop() {
    return owner == null;
  }

  /**
   * Marks the recording stopped; false when it already was. Why a read and a release store, not a
   * CAS? This is the request thread's path, and a CAS (like a volatile store) is a full fence: tens
   * of nanoseconds on a busy machine. The only other writer is the tick's {@link #leave}, and every
   * interleaving with it is harmless: a recording the tick just dropped has no table (stop returns
   * null), one it just expired keeps its table (stop returns it), and a tick that sees the stop
   * late folds at most one more sample, into a table nobody reads, unlinked at its next pass.
   */
  private boolean finish() {
    int current = state;
    if (current != ACTIVE && current != EXPIRED) {
      return false;
    }
    STATE.setRelease(this, STOPPED);
    return true;
  }

  /** Tick only: ACTIVE to {@code to}; false when the request stopped meanwhile. */
  boolean leave(int to) {
    return STATE.compareAndSet(this, ACTIVE, to);
  }

  private static int indexOf(Thread[] threads, Thread thread) {
    if (threads != null) {
      for (int i = 0; i < threads.length; i++) {
        if (threads[i] == thread) {
          return i;
        }
      }
    }
    return -1;
  }
}
