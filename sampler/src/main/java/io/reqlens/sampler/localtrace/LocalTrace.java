package io.reqlens.sampler.localtrace;

import io.opentelemetry.sdk.trace.ReadableSpan;
import io.reqlens.profiler.Recording;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one local trace (a local root and its in-process descendants) buffered until the
 * root ends. Guarded by its own monitor; the processor holds it only for short, non-blocking work.
 */
final class LocalTrace {

  /** The decision once made; {@code null} while the root runs. */
  static final class Decision {
    static final Decision DROP_RATIO = new Decision(false, "ratio", false);
    static final Decision DROP_EXCLUDED = new Decision(false, "excluded", false);
    static final Decision DROP_OVERFLOW = new Decision(false, "overflow", false);
    static final Decision KEEP_ERROR = new Decision(true, "error", true);
    static final Decision KEEP_SLOW = new Decision(true, "slow", true);

    final boolean keep;
    final String reason;

    /**
     * Kept with probability 1 (a tail keep): exported spans carry {@code th:0}, whatever threshold
     * the head wrote, so {@code sample_rate} is 1.0 and re-weighting counts it once.
     */
    final boolean certain;

    Decision(boolean keep, String reason, boolean certain) {
      this.keep = keep;
      this.reason = reason;
      this.certain = certain;
    }

    @Override
    public String toString() {
      return (keep ? "keep:" : "drop:") + reason;
    }
  }

  final ReadableSpan root;
  private ReadableSpan[] ended = new ReadableSpan[8];
  private int size;
  private Decision decision;

  // The code profile (see CodeProfiling); null while the profiler is off. Set before the trace is
  // published to other threads; everything below it is guarded by this trace's monitor.
  final Recording recording;
  final Thread rootThread;
  private Map<String, Thread> handoffSpans; // child span id -> the other thread it started on
  private Map<Thread, int[]> handoffThreads; // other thread -> its open entries (both hooks)
  int databaseSpans;
  Map<String, int[]> statementCounts; // from the N+1 threshold's worth of database spans on
  Map<String, String> callers; // statement -> caller, once it reached the N+1 threshold

  LocalTrace(ReadableSpan root) {
    this(root, null, null);
  }

  LocalTrace(ReadableSpan root, Recording recording, Thread rootThread) {
    this.root = root;
    this.recording = recording;
    this.rootThread = rootThread;
  }

  /** A child span started on {@code thread}: the thread works for this request until it ends. */
  void handoff(String spanId, Thread thread) {
    if (handoffSpans == null) {
      handoffSpans = new HashMap<>(4);
    }
    handoffSpans.put(spanId, thread);
    enter(thread);
  }

  /** A child span ended: its thread no longer works for this request once its last span ends. */
  void handoffEnded(String spanId) {
    Thread thread = handoffSpans == null ? null : handoffSpans.remove(spanId);
    if (thread != null) {
      exit(thread);
    }
  }

  /**
   * Work of this request starts on {@code thread} (a child span starts there, or the request's
   * context becomes current there: {@link ContextHandoff}). Why one count per thread for both
   * hooks? Both may see the same work (a task that carries the context and starts a span), and the
   * recording holds a thread once per addition: counting here adds it on the first entry and
   * removes it on the last exit, whichever hook made them, so it is never held twice.
   */
  void enter(Thread thread) {
    if (handoffThreads == null) {
      handoffThreads = new HashMap<>(4);
    }
    int[] open = handoffThreads.computeIfAbsent(thread, t -> new int[1]);
    if (open[0]++ == 0) {
      recording.addThread(thread);
    }
  }

  /** Ends one {@link #enter}; ignored after the decision (the recording is stopped by then). */
  void exit(Thread thread) {
    int[] open = handoffThreads == null ? null : handoffThreads.get(thread);
    if (open == null) {
      return;
    }
    if (--open[0] == 0) {
      handoffThreads.remove(thread);
      recording.removeThread(thread);
    }
  }

  /** After the decision: forgets the hand-offs and statement counts. */
  void releaseRunningState() {
    handoffSpans = null;
    handoffThreads = null;
    statementCounts = null;
  }

  /** Entries of {@code thread} still open (tests). */
  int openOn(Thread thread) {
    int[] open = handoffThreads == null ? null : handoffThreads.get(thread);
    return open == null ? 0 : open[0];
  }

  boolean isRoot(ReadableSpan span) {
    return span == root
        || span.getSpanContext().getSpanId().equals(root.getSpanContext().getSpanId());
  }

  void add(ReadableSpan span) {
    if (size == ended.length) {
      ended = Arrays.copyOf(ended, size * 2);
    }
    ended[size++] = span;
  }

  int size() {
    return size;
  }

  /** The buffered spans in end order, as a view (no copy). */
  List<ReadableSpan> spans() {
    return new AbstractList<ReadableSpan>() {
      @Override
      public ReadableSpan get(int index) {
        return ended[index];
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Hands the buffered spans over and forgets them. */
  ReadableSpan[] drain() {
    ReadableSpan[] out = Arrays.copyOf(ended, size);
    ended = null;
    size = 0;
    return out;
  }

  Decision decision() {
    return decision;
  }

  void decide(Decision decision) {
    this.decision = decision;
  }
}
