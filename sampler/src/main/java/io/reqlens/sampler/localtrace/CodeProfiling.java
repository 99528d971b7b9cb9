package io.reqlens.sampler.localtrace;

import io.opentelemetry.sdk.trace.ReadableSpan;
import io.reqlens.profiler.CallerFrames;
import io.reqlens.profiler.Profile;
import io.reqlens.profiler.RequestProfiler;
import java.util.HashMap;
import java.util.List;

/**
 * Which code made a request slow, driven by the local-trace processor: each local root starts a
 * {@link io.reqlens.profiler.Recording} on its thread, child spans started on other threads add
 * theirs while they run, and the decision stops it (kept: the root's exported data carries the
 * {@link Profile}) or discards it (dropped: the memory is freed at once). When a statement reaches
 * the N+1 threshold, the application frame that issued it is looked up on the thread that ran it.
 *
 * <p>Why here, not in the exporters? The decision is made here, and only here is it known which
 * request a thread is working for: a dropped trace's samples never leave this class.
 *
 * <p>Costs on the request thread: a request faster than the profiler's {@code after} pays one small
 * object and one CAS ({@code ProfilerBenchmark.startStop}); a child span on the root's own thread
 * pays a thread comparison; a database span pays a kind check and one attribute read, and a map
 * update only once its request ran the threshold's worth of queries; the caller lookup (tens of
 * microseconds, {@code ProfilerBenchmark.callerFrame}) runs once per statement that reaches the
 * threshold, never for ordinary queries.
 */
final class CodeProfiling {

  /**
   * Statements counted per request at most; a request with more distinct ones is no N+1 suspect.
   */
  static final int MAX_STATEMENTS = 1024;

  /** Statements of one request whose caller is looked up, at most. */
  static final int MAX_CALLERS = 8;

  private final RequestProfiler profiler;
  private final CallerFrames callerFrames;
  private final int nPlusOneThreshold;

  CodeProfiling(RequestProfiler profiler, CallerFrames callerFrames, int nPlusOneThreshold) {
    this.profiler = profiler;
    this.callerFrames = callerFrames;
    this.nPlusOneThreshold = nPlusOneThreshold;
  }

  /** A local root starts on the current thread: its trace, recording that thread. */
  LocalTrace rootStarted(ReadableSpan root) {
    Thread thread = Thread.currentThread();
    return new LocalTrace(root, profiler.start(thread), thread);
  }

  /** A child span of {@code trace} starts on the current thread. */
  void childStarted(LocalTrace trace, String spanId) {
    Thread thread = Thread.currentThread();
    if (thread == trace.rootThread || trace.recording == null) {
      return; // the common case: the request's own thread is sampled already
    }
    synchronized (trace) {
      if (trace.decision() == null) {
        trace.handoff(spanId, thread);
      }
    }
  }

  /**
   * Under the trace's lock, for each span of {@code trace} that ends before the decision: ends its
   * hand-off, and counts it if it is a database span ({@code statement}: its text when {@code
   * database}, read before the lock). Returns the statement whose caller the ending thread should
   * look up now (it just reached the N+1 threshold), else null.
   */
  String spanEnded(LocalTrace trace, ReadableSpan span, boolean database) {
    trace.handoffEnded(span.getSpanContext().getSpanId());
    if (!database || ++trace.databaseSpans < nPlusOneThreshold) {
      return null; // fewer queries than the threshold: no statement can have reached it
    }
    String statement = RequestProfile.statement(span);
    if (statement == null) {
      return null;
    }
    int count;
    if (trace.statementCounts == null) {
      // First time the request has the threshold's worth of queries: count the buffered ones
      // (this span included) once; from now on each database span updates its own count.
      trace.statementCounts = new HashMap<>();
      count = 0;
      List<ReadableSpan> spans = trace.spans();
      for (int i = 0; i < spans.size(); i++) {
        ReadableSpan s = spans.get(i);
        String text = RequestProfile.isDatabaseSpan(s) ? RequestProfile.statement(s) : null;
        if (text != null) {
          int c = increment(trace, text);
          if (text.equals(statement)) {
            count = c;
          }
        }
      }
    } else {
      count = increment(trace, statement);
    }
    if (count != nPlusOneThreshold) {
      return null;
    }
    if (trace.callers == null) {
      trace.callers = new HashMap<>(4);
    } else if (trace.callers.size() >= MAX_CALLERS || trace.callers.containsKey(statement)) {
      return null;
    }
    trace.callers.put(statement, null); // claimed: found outside the lock, by this thread
    return statement;
  }

  /**
   * Looks up, on the current thread (the one that ran it), the application frame that issued {@code
   * statement}, outside the trace's lock, and records it unless the trace was decided meanwhile.
   */
  void findCaller(LocalTrace trace, String statement) {
    String caller = callerFrames.find();
    if (caller == null) {
      return;
    }
    synchronized (trace) {
      if (trace.decision() == null) {
        trace.callers.put(statement, caller);
      }
    }
  }

  /**
   * After the decision: the kept request's profile (null when it was not sampled, or when the
   * decision was made early, before its root ended), or nothing for a dropped one, whose samples
   * are freed now.
   */
  Profile decided(LocalTrace trace, boolean keep) {
    if (trace.recording == null) {
      return null;
    }
    synchronized (trace) {
      // Decided traces wait in the processor's queue until a bulk prune: drop what only the
      // running request needed (the N+1 callers stay: the exported root's stamp reads them).
      trace.releaseRunningState();
    }
    if (keep) {
      return trace.recording.stop();
    }
    trace.recording.discard();
    return null;
  }

  void shutdown() {
    profiler.shutdown();
  }

  private static int increment(LocalTrace trace, String statement) {
    int[] c = trace.statementCounts.get(statement);
    if (c == null) {
      if (trace.statementCounts.size() >= MAX_STATEMENTS) {
        return 0;
      }
      c = new int[1];
      trace.statementCounts.put(statement, c);
    }
    return ++c[0];
  }

  @Override
  public String toString() {
    return profiler.toString();
  }
}
